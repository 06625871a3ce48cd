package dev.verity.prover.io;

import static dev.verity.prover.io.Fixtures.assertFormatError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.r1cs.ConstraintSystem;
import dev.verity.prover.r1cs.SparseMatrix;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZkeyFileTest {
    private static final BigInteger R = BigInteger.ONE.shiftLeft(256);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"multiplier_0000", "multiplier", "many_public", "poseidon"})
    void roundTripIsByteIdentical(String key) throws IOException {
        Path in = Fixtures.path(key + ".zkey");
        Zkey zkey = ZkeyFile.read(in);
        int[] order;
        try (BinFile f = BinFile.open(in, "zkey", 1, 1)) {
            order = f.sectionOrder();
        }
        assertArrayEquals(key.endsWith("_0000") ? ZkeyFile.NEW_ORDER : ZkeyFile.CONTRIBUTED_ORDER, order);
        Path out = dir.resolve(key + ".zkey");
        ZkeyFile.write(zkey, out, order);
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
    }

    @Test
    void defaultOrderIsThatOfAFreshSetup() throws IOException {
        Path in = Fixtures.path("multiplier_0000.zkey");
        Path out = dir.resolve("fresh.zkey");
        ZkeyFile.write(ZkeyFile.read(in), out);
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
    }

    /** Every value agrees with {@code snarkjs zkey export json}. */
    @Test
    void agreesWithSnarkjsJsonExport() throws IOException {
        Zkey z = ZkeyFile.read(Fixtures.path("multiplier.zkey"));
        JsonNode j = new ObjectMapper().readTree(Fixtures.text("multiplier.zkey.json"));
        assertEquals("groth16", j.get("protocol").asText());
        assertEquals(Fp.MODULUS, new BigInteger(j.get("q").asText()));
        assertEquals(Fr.MODULUS, new BigInteger(j.get("r").asText()));
        assertEquals(j.get("nVars").asInt(), z.nVars());
        assertEquals(j.get("nPublic").asInt(), z.nPublic());
        assertEquals(j.get("domainSize").asInt(), z.domainSize());
        assertEquals(j.get("vk_alpha_1"), g1(z.alpha1(), 0));
        assertEquals(j.get("vk_beta_1"), g1(z.beta1(), 0));
        assertEquals(j.get("vk_delta_1"), g1(z.delta1(), 0));
        assertEquals(j.get("vk_beta_2"), g2(z.beta2(), 0));
        assertEquals(j.get("vk_gamma_2"), g2(z.gamma2(), 0));
        assertEquals(j.get("vk_delta_2"), g2(z.delta2(), 0));
        for (int i = 0; i <= z.nPublic(); i++) {
            assertEquals(j.get("IC").get(i), g1(z.ic(), i), "IC " + i);
        }
        for (int i = 0; i < z.nVars(); i++) {
            assertEquals(j.get("A").get(i), g1(z.a(), i), "A " + i);
            assertEquals(j.get("B1").get(i), g1(z.b1(), i), "B1 " + i);
            assertEquals(j.get("B2").get(i), g2(z.b2(), i), "B2 " + i);
            if (i > z.nPublic()) {
                assertEquals(j.get("C").get(i), g1(z.c(), i - z.nPublic() - 1), "C " + i);
            }
        }
        for (int i = 0; i < z.domainSize(); i++) {
            assertEquals(j.get("hExps").get(i), g1(z.h(), i), "H " + i);
        }
        Zkey.Coefficients k = z.coefficients();
        assertEquals(j.get("ccoefs").size(), k.count());
        for (int i = 0; i < k.count(); i++) {
            JsonNode e = j.get("ccoefs").get(i);
            assertEquals(e.get("matrix").asInt(), k.matrix()[i]);
            assertEquals(e.get("constraint").asInt(), k.constraint()[i]);
            assertEquals(e.get("signal").asInt(), k.signal()[i]);
            BigInteger c = new BigInteger(e.get("value").asText());
            assertEquals(c, plainCoefficient(k, i), "coefficient " + i);
        }
    }

    /** The documented meaning: stored v = c R^2 mod r; leaving Montgomery form twice gives c. */
    private static BigInteger plainCoefficient(Zkey.Coefficients k, int i) {
        BigInteger stored = MontgomeryField.limbsToBigInteger(k.value(), 4 * i);
        BigInteger c = stored.multiply(R.multiply(R).modInverse(Fr.MODULUS)).mod(Fr.MODULUS);
        long[] t = new long[4];
        Fr.FIELD.fromMontgomery(k.value(), 4 * i, t, 0);
        Fr.FIELD.fromMontgomery(t, 0, t, 0);
        assertEquals(c, MontgomeryField.limbsToBigInteger(t, 0));
        return c;
    }

    /** Section 4 lists, per constraint, the A then B terms of the r1cs, then one A entry per public wire. */
    @ParameterizedTest
    @ValueSource(strings = {"many_public", "poseidon"})
    void coefficientsAreTheR1csMatricesTimesRSquared(String circuit) throws IOException {
        Zkey z = ZkeyFile.read(Fixtures.path(circuit + ".zkey"));
        ConstraintSystem cs = R1csFile.read(Fixtures.path(circuit + ".r1cs"));
        List<long[]> expected = new ArrayList<>(); // {matrix, constraint, signal, index into matrix terms}
        for (int c = 0; c < cs.nConstraints(); c++) {
            for (int m = 0; m < 2; m++) {
                SparseMatrix mat = m == 0 ? cs.a() : cs.b();
                for (int t = mat.rowStart()[c]; t < mat.rowStart()[c + 1]; t++) {
                    expected.add(new long[] {m, c, mat.wires()[t], t});
                }
            }
        }
        for (int s = 0; s <= cs.nPublic(); s++) {
            expected.add(new long[] {0, cs.nConstraints() + s, s, -1});
        }
        Zkey.Coefficients k = z.coefficients();
        assertEquals(expected.size(), k.count());
        for (int i = 0; i < k.count(); i++) {
            long[] e = expected.get(i);
            assertEquals(e[0], k.matrix()[i], "matrix of entry " + i);
            assertEquals(e[1], k.constraint()[i], "constraint of entry " + i);
            assertEquals(e[2], k.signal()[i], "signal of entry " + i);
            SparseMatrix mat = e[0] == 0 ? cs.a() : cs.b();
            BigInteger c = e[3] < 0 ? BigInteger.ONE : Fr.FIELD.toBigInteger(mat.coefficients(), 4 * (int) e[3]);
            BigInteger stored = MontgomeryField.limbsToBigInteger(k.value(), 4 * i);
            assertEquals(c.multiply(R).multiply(R).mod(Fr.MODULUS), stored, "value of entry " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public", "poseidon"})
    void verificationKeyJsonIsByteIdenticalToSnarkjsExport(String circuit) throws IOException {
        Zkey z = ZkeyFile.read(Fixtures.path(circuit + ".zkey"));
        Path vkFile = Fixtures.path(circuit + ".vkey.json");
        // e(alpha1, beta2) comes from the pairing; take it from the reference file
        BigInteger[][][] alphaBeta = SnarkjsJson.readVerificationKey(vkFile).alphaBeta12();
        assertEquals(Fixtures.text(circuit + ".vkey.json"),
                SnarkjsJson.verificationKeyJson(SnarkjsJson.VerificationKey.of(z, alphaBeta)));
    }

    private static JsonNode g1(long[] p, int i) {
        ObjectMapper m = new ObjectMapper();
        int o = 8 * i;
        boolean inf = Arrays.stream(p, o, o + 8).allMatch(v -> v == 0);
        return m.valueToTree(inf ? List.of("0", "1", "0")
                : List.of(Fp.FIELD.toBigInteger(p, o).toString(), Fp.FIELD.toBigInteger(p, o + 4).toString(), "1"));
    }

    private static JsonNode g2(long[] p, int i) {
        ObjectMapper m = new ObjectMapper();
        int o = 16 * i;
        if (Arrays.stream(p, o, o + 16).allMatch(v -> v == 0)) {
            return m.valueToTree(List.of(List.of("0", "0"), List.of("1", "0"), List.of("0", "0")));
        }
        List<String> c = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            c.add(Fp.FIELD.toBigInteger(p, o + 4 * k).toString());
        }
        return m.valueToTree(List.of(c.subList(0, 2), c.subList(2, 4), List.of("1", "0")));
    }

    @Test
    void refusesCorruptFiles() throws IOException {
        String name = "multiplier.zkey";
        Path file = Fixtures.path(name);
        int h1 = (int) Fixtures.section(file, "zkey", ZkeyFile.HEADER).offset();
        int h2 = (int) Fixtures.section(file, "zkey", ZkeyFile.GROTH16_HEADER).offset();
        int ic = (int) Fixtures.section(file, "zkey", ZkeyFile.IC).offset();
        int coefficients = (int) Fixtures.section(file, "zkey", ZkeyFile.COEFFICIENTS).offset();
        int a = (int) Fixtures.section(file, "zkey", ZkeyFile.POINTS_A).offset();
        int b2 = (int) Fixtures.section(file, "zkey", ZkeyFile.POINTS_B2).offset();
        int h = (int) Fixtures.section(file, "zkey", ZkeyFile.POINTS_H).offset();
        int mpc = (int) Fixtures.section(file, "zkey", ZkeyFile.MPC_PARAMS).offset();
        int alpha1 = h2 + 4 + 32 + 4 + 32 + 12;

        Path magic = Fixtures.patched(dir, name, b -> b.put(0, (byte) 'Z'));
        assertFormatError(magic, () -> ZkeyFile.read(magic), "not a zkey file");
        Path version = Fixtures.patched(dir, name, b -> b.putInt(4, 2));
        assertFormatError(version, () -> ZkeyFile.read(version), "unsupported zkey version 2");
        Path plonk = Fixtures.patched(dir, name, b -> b.putInt(h1, 2));
        assertFormatError(plonk, () -> ZkeyFile.read(plonk), "PLONK", "only Groth16");
        Path fflonk = Fixtures.patched(dir, name, b -> b.putInt(h1, 10));
        assertFormatError(fflonk, () -> ZkeyFile.read(fflonk), "FFLONK", "only Groth16");
        Path unknown = Fixtures.patched(dir, name, b -> b.putInt(h1, 7));
        assertFormatError(unknown, () -> ZkeyFile.read(unknown), "unknown protocol id 7");
        Path q = Fixtures.patched(dir, name, b -> Fixtures.put256(b, h2 + 4, Fr.MODULUS));
        assertFormatError(q, () -> ZkeyFile.read(q), "another curve", "expected BN254's");
        Path r = Fixtures.patched(dir, name, b -> Fixtures.put256(b, h2 + 40, Fp.MODULUS));
        assertFormatError(r, () -> ZkeyFile.read(r), "another curve");
        Path domain = Fixtures.patched(dir, name, b -> b.putInt(h2 + 80, 3));
        assertFormatError(domain, () -> ZkeyFile.read(domain), "domainSize 3 is not a power of two");
        Path nPublic = Fixtures.patched(dir, name, b -> b.putInt(h2 + 76, 1));
        assertFormatError(nPublic, () -> ZkeyFile.read(nPublic), "section 3 (IC)", "expected 128");
        Path offCurve = Fixtures.patched(dir, name, b -> b.putLong(alpha1 + 32, b.getLong(alpha1 + 32) ^ 1));
        assertFormatError(offCurve, () -> ZkeyFile.read(offCurve), "alpha1: point 0 is not on the curve");
        Path delta2 = Fixtures.patched(dir, name, b -> b.putLong(h2 + 660 - 8, b.getLong(h2 + 660 - 8) ^ 1));
        assertFormatError(delta2, () -> ZkeyFile.read(delta2), "delta2: point 0 is not on the curve");
        Path icOff = Fixtures.patched(dir, name, b -> b.putLong(ic + 64 + 8, b.getLong(ic + 64 + 8) ^ 4));
        assertFormatError(icOff, () -> ZkeyFile.read(icOff), "IC: point 1 is not on the curve");
        Path aBig = Fixtures.patched(dir, name, b -> Fixtures.put256(b, a + 64, Fp.MODULUS));
        assertFormatError(aBig, () -> ZkeyFile.read(aBig), "A: point 1 has a coordinate not below p");
        Path b2Big = Fixtures.patched(dir, name, b -> Fixtures.put256(b, b2 + 128 + 96, Fp.MODULUS.add(BigInteger.TEN)));
        assertFormatError(b2Big, () -> ZkeyFile.read(b2Big), "B2: point 1 has a coordinate not below p");
        Path hBig = Fixtures.patched(dir, name, b -> Fixtures.put256(b, h + 3 * 64, BigInteger.ONE.shiftLeft(255)));
        assertFormatError(hBig, () -> ZkeyFile.read(hBig), "H: point 3 has a coordinate not below p");
        int entry1 = coefficients + 4 + 44; // second coefficient entry
        Path value = Fixtures.patched(dir, name, b -> Fixtures.put256(b, entry1 + 12, Fr.MODULUS));
        assertFormatError(value, () -> ZkeyFile.read(value), "coefficient 1: value is not below r");
        Path matrix = Fixtures.patched(dir, name, b -> b.putInt(entry1, 2));
        assertFormatError(matrix, () -> ZkeyFile.read(matrix), "coefficient 1: matrix 2");
        Path constraint = Fixtures.patched(dir, name, b -> b.putInt(entry1 + 4, 4));
        assertFormatError(constraint, () -> ZkeyFile.read(constraint), "coefficient 1: constraint 4 is outside");
        Path signal = Fixtures.patched(dir, name, b -> b.putInt(entry1 + 8, -1));
        assertFormatError(signal, () -> ZkeyFile.read(signal), "coefficient 1: signal 4294967295 is not below nVars");
        Path count = Fixtures.patched(dir, name, b -> b.putInt(coefficients, 6));
        assertFormatError(count, () -> ZkeyFile.read(count), "section 4 (coefficients)", "expected 4 + 44 x 6");
        Path twice = Fixtures.patched(dir, name, b -> b.putInt(h - 12, ZkeyFile.IC));
        assertFormatError(twice, () -> ZkeyFile.read(twice), "section 3 appears twice");
        Path missing = Fixtures.patched(dir, name, b -> b.putInt(mpc - 12, 11));
        assertFormatError(missing, () -> ZkeyFile.read(missing), "missing section 10");
        Path longer = Fixtures.patched(dir, name, b -> b.putLong(h1 - 8, 8)); // header section claims 8 bytes
        assertFormatError(longer, () -> ZkeyFile.read(longer));
        int size = Fixtures.bytes(name).length;
        for (int cut : new int[] {0, 7, 12, h1 + 2, h2 + 100, ic + 70, coefficients + 50, a - 1, b2 + 200, h + 5,
            mpc + 10, size - 1}) {
            Path t = Fixtures.truncated(dir, name, cut);
            assertFormatError(t, () -> ZkeyFile.read(t), "truncated");
        }
    }

    @Test
    void constructorRefusesInconsistentContent() throws IOException {
        Zkey z = ZkeyFile.read(Fixtures.path("multiplier.zkey"));
        assertThrows(IllegalArgumentException.class, () -> new Zkey(z.nVars(), z.nPublic(), z.domainSize(),
                z.alpha1(), z.beta1(), z.beta2(), z.gamma2(), z.delta1(), z.delta2(), z.ic(), z.coefficients(),
                z.a(), z.b1(), z.b2(), z.c(), Arrays.copyOf(z.h(), 8), z.mpcParams()));
        assertThrows(IllegalArgumentException.class, () -> new Zkey(z.nVars(), z.nPublic(), z.domainSize(),
                z.alpha1(), z.beta1(), z.beta2(), z.gamma2(), z.delta1(), z.delta2(), z.ic(), z.coefficients(),
                z.a(), z.b1(), z.b2(), z.c(), z.h(), new byte[67]));
        assertArrayEquals(Arrays.copyOf(z.mpcParams(), 64), z.csHash());
        Zkey fresh = ZkeyFile.read(Fixtures.path("multiplier_0000.zkey"));
        assertArrayEquals(fresh.mpcParams(), Zkey.initialMpcParams(fresh.csHash()));
        assertArrayEquals(fresh.csHash(), z.csHash()); // contributions keep the circuit hash
    }
}
