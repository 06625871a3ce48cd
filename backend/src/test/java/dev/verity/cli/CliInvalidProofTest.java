package dev.verity.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verity.prover.field.Fp;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Well-formed proofs that are wrong for their key or signals: exit code 1, "INVALID" on stdout, nothing on stderr. */
class CliInvalidProofTest {
    @TempDir
    Path dir;

    private static void assertInvalid(CliResult r) {
        assertEquals(VerityCli.EXIT_INVALID_PROOF, r.exitCode(), r::describe);
        assertEquals("INVALID: the proof does not verify for these public signals and key" + System.lineSeparator(), r.out());
        assertEquals("", r.err(), r::describe);
    }

    private CliResult verifyMultiplier(Path publicJson, Path proof) {
        return CliResult.run("groth16", "verify", CliFiles.copy(dir, "multiplier.vkey.json"), publicJson, proof);
    }

    private Path editedProof(Consumer<ObjectNode> change) {
        return CliFiles.editedJson(dir, "multiplier.proof.json", "edited.proof.json", change);
    }

    @ParameterizedTest(name = "{0} signal {1} + 1")
    @CsvSource({"multiplier, 0", "multiplier, 1", "many_public, 0", "many_public, 16"})
    void publicSignalPlusOne(String circuit, int index) {
        ArrayNode signals = (ArrayNode) CliFiles.json(circuit + ".public.json");
        signals.set(index, new BigInteger(signals.get(index).asText()).add(BigInteger.ONE).toString());
        Path publicJson = CliFiles.writeJson(dir, "changed.public.json", signals);
        assertInvalid(CliResult.run("groth16", "verify", CliFiles.copy(dir, circuit + ".vkey.json"), publicJson,
                CliFiles.copy(dir, circuit + ".proof.json")));
    }

    @Test
    void publicSignalsSwapped() {
        assertInvalid(verifyMultiplier(CliFiles.write(dir, "swapped.json", "[\"3\",\"33\"]"),
                CliFiles.copy(dir, "multiplier.proof.json")));
    }

    @Test
    void piAAndPiCSwapped() {
        Path proof = editedProof(o -> {
            var a = o.get("pi_a");
            o.set("pi_a", o.get("pi_c"));
            o.set("pi_c", a);
        });
        assertInvalid(verifyMultiplier(CliFiles.copy(dir, "multiplier.public.json"), proof));
    }

    @Test
    void piANegated() {
        Path proof = editedProof(o -> {
            ArrayNode a = (ArrayNode) o.get("pi_a");
            a.set(1, Fp.MODULUS.subtract(new BigInteger(a.get(1).asText())).toString());
        });
        assertInvalid(verifyMultiplier(CliFiles.copy(dir, "multiplier.public.json"), proof));
    }

    @Test
    void piAAtInfinity() {
        Path proof = editedProof(o -> o.set("pi_a", CliFiles.strings("0", "1", "0")));
        assertInvalid(verifyMultiplier(CliFiles.copy(dir, "multiplier.public.json"), proof));
    }

    @Test
    void piBAtInfinity() {
        ArrayNode infinity = CliFiles.strings();
        infinity.add(CliFiles.strings("0", "0")).add(CliFiles.strings("1", "0")).add(CliFiles.strings("0", "0"));
        Path proof = editedProof(o -> o.set("pi_b", infinity));
        assertInvalid(verifyMultiplier(CliFiles.copy(dir, "multiplier.public.json"), proof));
    }

    @Test
    void piCAtInfinity() {
        Path proof = editedProof(o -> o.set("pi_c", CliFiles.strings("0", "1", "0")));
        assertInvalid(verifyMultiplier(CliFiles.copy(dir, "multiplier.public.json"), proof));
    }

    /** snarkjs' proof is for its contributed key; the fresh key (before the contribution) rejects it. */
    @Test
    void proofForAnotherKeyOfTheSameCircuit() {
        Path vk = dir.resolve("fresh.vkey.json");
        CliResult.run("zkey", "export", "verificationkey", CliFiles.copy(dir, "multiplier_0000.zkey"), vk).assertOk();
        assertInvalid(CliResult.run("groth16", "verify", vk, CliFiles.copy(dir, "multiplier.public.json"),
                CliFiles.copy(dir, "multiplier.proof.json")));
    }
}
