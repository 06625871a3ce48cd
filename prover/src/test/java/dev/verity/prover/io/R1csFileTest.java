package dev.verity.prover.io;

import static dev.verity.prover.io.Fixtures.assertFormatError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fr;
import dev.verity.prover.r1cs.ConstraintSystem;
import dev.verity.prover.r1cs.SparseMatrix;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class R1csFileTest {
    @TempDir
    Path dir;

    /** Our reading agrees with {@code snarkjs r1cs export json} on every count, term and label. */
    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public"})
    void agreesWithSnarkjsJsonExport(String circuit) throws IOException {
        ConstraintSystem cs = R1csFile.read(Fixtures.path(circuit + ".r1cs"));
        JsonNode json = new ObjectMapper().readTree(Fixtures.text(circuit + ".r1cs.json"));
        assertEquals(Fr.MODULUS, new BigInteger(json.get("prime").asText()));
        assertEquals(json.get("nVars").asInt(), cs.nWires());
        assertEquals(json.get("nOutputs").asInt(), cs.nPubOut());
        assertEquals(json.get("nPubInputs").asInt(), cs.nPubIn());
        assertEquals(json.get("nPrvInputs").asInt(), cs.nPrvIn());
        assertEquals(json.get("nLabels").asLong(), cs.nLabels());
        assertEquals(json.get("nConstraints").asInt(), cs.nConstraints());
        SparseMatrix[] m = {cs.a(), cs.b(), cs.c()};
        for (int c = 0; c < cs.nConstraints(); c++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(expectedRow(json.get("constraints").get(c).get(k)), row(m[k], c), "constraint " + c);
            }
        }
        for (int i = 0; i < cs.nWires(); i++) {
            assertEquals(json.get("map").get(i).asLong(), cs.wireLabels()[i]);
        }
    }

    private static Map<Integer, BigInteger> expectedRow(JsonNode lc) {
        Map<Integer, BigInteger> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = lc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(Integer.parseInt(e.getKey()), new BigInteger(e.getValue().asText()));
        }
        return out;
    }

    private static Map<Integer, BigInteger> row(SparseMatrix m, int r) {
        Map<Integer, BigInteger> out = new HashMap<>();
        for (int t = m.rowStart()[r]; t < m.rowStart()[r + 1]; t++) {
            out.put(m.wires()[t], Fr.FIELD.toBigInteger(m.coefficients(), 4 * t)); // Montgomery -> plain
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public", "poseidon"})
    void roundTripIsByteIdentical(String circuit) throws IOException {
        Path in = Fixtures.path(circuit + ".r1cs");
        ConstraintSystem cs = R1csFile.read(in);
        Path out = dir.resolve(circuit + ".r1cs");
        R1csFile.write(cs, out); // circom's section order is the default
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));

        Path reordered = dir.resolve(circuit + "-snarkjs-order.r1cs");
        R1csFile.write(cs, reordered, R1csFile.SNARKJS_ORDER);
        try (BinFile f = BinFile.open(reordered, "r1cs", 1, 1)) {
            assertArrayEquals(R1csFile.SNARKJS_ORDER, f.sectionOrder());
        }
        R1csFile.write(R1csFile.read(reordered), out);
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
    }

    @Test
    void refusesCorruptFiles() throws IOException {
        String name = "multiplier.r1cs";
        Path file = Fixtures.path(name);
        BinFile.Section header = Fixtures.section(file, "r1cs", R1csFile.HEADER);
        BinFile.Section constraints = Fixtures.section(file, "r1cs", R1csFile.CONSTRAINTS);
        int h = (int) header.offset();
        int c = (int) constraints.offset();

        Path magic = Fixtures.patched(dir, name, b -> b.put(0, (byte) 'x'));
        assertFormatError(magic, () -> R1csFile.read(magic), "not a r1cs file");
        Path version = Fixtures.patched(dir, name, b -> b.putInt(4, 2));
        assertFormatError(version, () -> R1csFile.read(version), "unsupported r1cs version 2");
        Path prime = Fixtures.patched(dir, name, b -> Fixtures.put256(b, h + 4, Fp.MODULUS));
        assertFormatError(prime, () -> R1csFile.read(prime), "circuit is over another curve's field");
        Path n8 = Fixtures.patched(dir, name, b -> b.putInt(h, 48));
        assertFormatError(n8, () -> R1csFile.read(n8), "another curve's field", "48 bytes");
        // first term of A in constraint 0: u32 nTerms, u32 wire, 32-byte coefficient
        Path coefficient = Fixtures.patched(dir, name, b -> Fixtures.put256(b, c + 8, Fr.MODULUS));
        assertFormatError(coefficient, () -> R1csFile.read(coefficient), "constraint 0 (A)", "not below r");
        Path wire = Fixtures.patched(dir, name, b -> b.putInt(c + 4, 4));
        assertFormatError(wire, () -> R1csFile.read(wire), "uses wire 4 but nWires is 4");
        Path terms = Fixtures.patched(dir, name, b -> b.putInt(c, 1000));
        assertFormatError(terms, () -> R1csFile.read(terms), "section 2 (constraints)");
        Path fewer = Fixtures.patched(dir, name, b -> b.putInt(h + 4 + 32 + 16 + 8, 0)); // nConstraints = 0
        assertFormatError(fewer, () -> R1csFile.read(fewer), "section 2 (constraints)", "bytes more than");
        Path wires = Fixtures.patched(dir, name, b -> b.putInt(h + 4 + 32, 2)); // nWires = 2
        assertFormatError(wires, () -> R1csFile.read(wires), "nWires 2 cannot hold");
        Path labels = Fixtures.patched(dir, name, b -> b.putInt(h + 4 + 32, 5)); // nWires = 5
        assertFormatError(labels, () -> R1csFile.read(labels), "section 3", "expected 8 x nWires = 40");
        Path custom = Fixtures.patched(dir, name, b -> b.putInt(h - 12, 4)); // header section becomes id 4
        assertFormatError(custom, () -> R1csFile.read(custom), "custom gates");
        Path missing = Fixtures.patched(dir, name, b -> b.putInt(h - 12, 9));
        assertFormatError(missing, () -> R1csFile.read(missing), "missing section 1 (header)");
        int size = Fixtures.bytes(name).length;
        for (int cut : new int[] {0, 3, 11, 12, 20, c + 2, c + 40, h - 1, h + 30, size - 8, size - 1}) {
            Path t = Fixtures.truncated(dir, name, cut);
            assertFormatError(t, () -> R1csFile.read(t));
        }
    }

    @Test
    void poseidonWitnessSatisfiesPoseidonCircuit() throws IOException {
        ConstraintSystem cs = R1csFile.read(Fixtures.path("poseidon.r1cs"));
        assertEquals(-1, cs.firstUnsatisfied(WtnsFile.read(Fixtures.path("poseidon.wtns"))));
        ConstraintSystem mul = R1csFile.read(Fixtures.path("multiplier.r1cs"));
        long[] w = WtnsFile.read(Fixtures.path("multiplier.wtns")).limbs().clone();
        w[4] += 1; // c = a * b + 1: the only constraint fails
        assertEquals(0, mul.firstUnsatisfied(new dev.verity.prover.r1cs.Witness(w)));
        assertFalse(mul.isSatisfiedBy(new dev.verity.prover.r1cs.Witness(w)));
    }
}
