package dev.verity.prover.io;

import static dev.verity.prover.io.Fixtures.assertFormatError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fr;
import dev.verity.prover.r1cs.Witness;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WtnsFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public", "poseidon"})
    void agreesWithSnarkjsJsonExportAndRoundTrips(String circuit) throws IOException {
        Path in = Fixtures.path(circuit + ".wtns");
        Witness w = WtnsFile.read(in);
        JsonNode json = new ObjectMapper().readTree(Fixtures.text(circuit + ".wtns.json"));
        assertEquals(json.size(), w.size());
        for (int i = 0; i < w.size(); i++) {
            assertEquals(new BigInteger(json.get(i).asText()), w.get(i), "wire " + i);
        }
        Path out = dir.resolve(circuit + ".wtns");
        WtnsFile.write(w, out);
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
    }

    @Test
    void refusesCorruptFiles() throws IOException {
        String name = "multiplier.wtns";
        Path file = Fixtures.path(name);
        int h = (int) Fixtures.section(file, "wtns", WtnsFile.HEADER).offset();
        int v = (int) Fixtures.section(file, "wtns", WtnsFile.VALUES).offset();

        Path version = Fixtures.patched(dir, name, b -> b.putInt(4, 3));
        assertFormatError(version, () -> WtnsFile.read(version), "unsupported wtns version 3");
        Path prime = Fixtures.patched(dir, name, b -> Fixtures.put256(b, h + 4, Fp.MODULUS));
        assertFormatError(prime, () -> WtnsFile.read(prime), "witness is over another curve's field");
        Path big = Fixtures.patched(dir, name, b -> Fixtures.put256(b, v + 2 * 32, Fr.MODULUS));
        assertFormatError(big, () -> WtnsFile.read(big), "witness value 2 is not below r");
        Path one = Fixtures.patched(dir, name, b -> b.putLong(v, 2));
        assertFormatError(one, () -> WtnsFile.read(one), "witness value 0 must be 1");
        Path count = Fixtures.patched(dir, name, b -> b.putInt(h + 36, 5));
        assertFormatError(count, () -> WtnsFile.read(count), "section 2 (values)", "expected 32 x nWitness = 160");
        Path empty = Fixtures.patched(dir, name, b -> b.putInt(h + 36, 0));
        assertFormatError(empty, () -> WtnsFile.read(empty), "section 2 (values)");
        int size = Fixtures.bytes(name).length;
        for (int cut : new int[] {0, 10, h + 5, v - 1, v + 31, size - 1}) {
            Path t = Fixtures.truncated(dir, name, cut);
            assertFormatError(t, () -> WtnsFile.read(t));
        }
    }
}
