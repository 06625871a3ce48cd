package dev.verity.prover.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fr;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnarkjsJsonTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public", "poseidon"})
    void filesRoundTripByteForByte(String circuit) throws IOException {
        SnarkjsJson.Proof proof = SnarkjsJson.readProof(Fixtures.path(circuit + ".proof.json"));
        assertEquals(Fixtures.text(circuit + ".proof.json"), SnarkjsJson.proofJson(proof));
        long[] signals = SnarkjsJson.readPublicSignals(Fixtures.path(circuit + ".public.json"));
        assertEquals(Fixtures.text(circuit + ".public.json"), SnarkjsJson.publicSignalsJson(signals));
        SnarkjsJson.VerificationKey vk = SnarkjsJson.readVerificationKey(Fixtures.path(circuit + ".vkey.json"));
        assertEquals(Fixtures.text(circuit + ".vkey.json"), SnarkjsJson.verificationKeyJson(vk));

        Path out = dir.resolve("proof.json");
        SnarkjsJson.writeProof(proof, out);
        assertArrayEquals(Fixtures.bytes(circuit + ".proof.json"), Files.readAllBytes(out));
        SnarkjsJson.writePublicSignals(signals, out);
        assertArrayEquals(Fixtures.bytes(circuit + ".public.json"), Files.readAllBytes(out));
        SnarkjsJson.writeVerificationKey(vk, out);
        assertArrayEquals(Fixtures.bytes(circuit + ".vkey.json"), Files.readAllBytes(out));
    }

    /** The public signals are the witness' wires 1..nPublic and the proof is on the curve. */
    @Test
    void valuesMatchTheWitness() throws IOException {
        long[] signals = SnarkjsJson.readPublicSignals(Fixtures.path("many_public.public.json"));
        var witness = WtnsFile.read(Fixtures.path("many_public.wtns"));
        assertArrayEquals(witness.publicSignals(17), signals);
        assertEquals("[]", SnarkjsJson.publicSignalsJson(new long[0]));
    }

    @Test
    void pointAtInfinityUsesSnarkjsEncoding() throws IOException {
        SnarkjsJson.Proof proof = SnarkjsJson.readProof(Fixtures.path("multiplier.proof.json"));
        SnarkjsJson.Proof withInfinity = new SnarkjsJson.Proof(new long[8], new long[16], proof.c());
        String json = SnarkjsJson.proofJson(withInfinity);
        assertTrue(json.startsWith("{\n \"pi_a\": [\n  \"0\",\n  \"1\",\n  \"0\"\n ],\n \"pi_b\": [\n  [\n   \"0\",\n   \"0\"\n  ],\n"
                + "  [\n   \"1\",\n   \"0\"\n  ],\n  [\n   \"0\",\n   \"0\"\n  ]\n ],"), json);
        SnarkjsJson.Proof back = SnarkjsJson.parseProof("test", json);
        assertArrayEquals(new long[8], back.a());
        assertArrayEquals(new long[16], back.b());
    }

    private static void assertRejected(String json, String fragment) {
        FormatException e = assertThrows(FormatException.class, () -> SnarkjsJson.parseProof("proof-under-test", json));
        assertTrue(e.getMessage().startsWith("proof-under-test: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> "\"" + fragment + "\" not in: " + e.getMessage());
    }

    @Test
    void rejectsMalformedProofs() throws IOException {
        String good = Fixtures.text("multiplier.proof.json");
        SnarkjsJson.parseProof("ok", good);
        String ax = "9240795294611828274487138643427598005862968896959769584229047222739497340684";
        assertTrue(good.contains(ax));
        assertRejected(good.replace(ax, Fp.MODULUS.add(new BigInteger(ax)).toString()), "pi_a x is not below p");
        assertRejected(good.replace(ax, "0" + ax), "pi_a x is not a canonical decimal number");
        assertRejected(good.replace(ax, "0x1234"), "not a canonical decimal");
        assertRejected(good.replace("\"" + ax + "\"", "12"), "pi_a x must be a decimal string");
        assertRejected(good.replace(ax, ax.substring(0, 69) + "1234567"), "pi_a is not on the curve");
        assertRejected(good.replace("\"1\"\n ],\n \"pi_b\"", "\"2\"\n ],\n \"pi_b\""), "pi_a must be affine (z = 1)");
        assertRejected(good.replace("\"groth16\"", "\"plonk\""), "\"protocol\" must be \"groth16\"");
        assertRejected(good.replace("\"bn128\"", "\"bls12381\""), "\"curve\" must be \"bn128\"");
        assertRejected(good.replace("\"pi_c\"", "\"pi_x\""), "missing \"pi_c\"");
        assertRejected(good.replace("\"pi_c\"", "\"pi_a\""), "not valid JSON");
        assertRejected(good.substring(0, 100), "not valid JSON");
        assertRejected("[1, 2]", "must be a JSON object");
        String by = "15544569410264376842791460074572536987557087708964423402637589441847378398934";
        assertTrue(good.contains(by));
        assertRejected(good.replace(by, BigInteger.ONE.add(new BigInteger(by)).toString()), "pi_b is not on the curve");
        assertRejected(good.replace("  [\n   \"1\",\n   \"0\"\n  ]\n ]", "  [\n   \"1\"\n  ]\n ]"),
                "pi_b z must be an array of 2 items");
    }

    @Test
    void rejectsPublicSignalsOutsideTheScalarField() throws IOException {
        String r = Fr.MODULUS.toString();
        String rMinus1 = Fr.MODULUS.subtract(BigInteger.ONE).toString();
        long[] ok = SnarkjsJson.parsePublicSignals("pub", "[\"0\", \"" + rMinus1 + "\"]");
        assertEquals(Fr.MODULUS.subtract(BigInteger.ONE), dev.verity.prover.field.MontgomeryField.limbsToBigInteger(ok, 4));
        FormatException e = assertThrows(FormatException.class,
                () -> SnarkjsJson.parsePublicSignals("pub", "[\"5\", \"" + r + "\"]"));
        assertEquals("pub: public signal 1 is not below r: " + r, e.getMessage());
        e = assertThrows(FormatException.class, () -> SnarkjsJson.parsePublicSignals("pub", "[\"5\", -3]"));
        assertTrue(e.getMessage().contains("public signal 1 must be a decimal string"), e.getMessage());
        e = assertThrows(FormatException.class, () -> SnarkjsJson.parsePublicSignals("pub", "{\"a\": \"5\"}"));
        assertTrue(e.getMessage().contains("must be a JSON array"), e.getMessage());
        e = assertThrows(FormatException.class,
                () -> SnarkjsJson.parsePublicSignals("pub", "[\"" + "9".repeat(500) + "\"]"));
        assertTrue(e.getMessage().contains("not a canonical decimal number"), e.getMessage());
        Path file = dir.resolve("public.json");
        Files.writeString(file, "[\"" + r + "\"]");
        e = assertThrows(FormatException.class, () -> SnarkjsJson.readPublicSignals(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SnarkjsJson.publicSignalsJson(dev.verity.prover.field.MontgomeryField.toLimbs(Fr.MODULUS)));
    }

    @Test
    void rejectsMalformedVerificationKeys() throws IOException {
        String good = Fixtures.text("multiplier.vkey.json");
        FormatException e = assertThrows(FormatException.class,
                () -> SnarkjsJson.parseVerificationKey("vk", good.replace("\"nPublic\": 2", "\"nPublic\": 3")));
        assertTrue(e.getMessage().contains("IC must be an array of nPublic + 1 = 4 points"), e.getMessage());
        String p = Fp.MODULUS.toString();
        String ab = SnarkjsJson.readVerificationKey(Fixtures.path("multiplier.vkey.json")).alphaBeta12()[1][2][1].toString();
        e = assertThrows(FormatException.class, () -> SnarkjsJson.parseVerificationKey("vk", good.replace(ab, p)));
        assertTrue(e.getMessage().contains("vk_alphabeta_12[1][2][1] is not below p"), e.getMessage());
        e = assertThrows(FormatException.class,
                () -> SnarkjsJson.parseVerificationKey("vk", good.replace("\"nPublic\": 2", "\"nPublic\": \"2\"")));
        assertTrue(e.getMessage().contains("nPublic must be a non-negative integer"), e.getMessage());
    }
}
