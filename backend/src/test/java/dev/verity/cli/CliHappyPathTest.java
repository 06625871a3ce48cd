package dev.verity.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI on good input, against files made by circom and snarkjs. */
class CliHappyPathTest {
    @TempDir
    Path dir;

    @Test
    void r1csInfoPrintsTheSizesSnarkjsExports() {
        JsonNode ref = CliFiles.json("multiplier.r1cs.json");
        CliResult r = CliResult.run("r1cs", "info", CliFiles.copy(dir, "multiplier.r1cs"));
        r.assertOk();
        // snarkjs' zkey export json of multiplier's key says domainSize 4, power 2
        String expected = String.join(System.lineSeparator(),
                "Curve: bn-128",
                "# of Wires: " + ref.get("nVars").asInt(),
                "# of Constraints: " + ref.get("nConstraints").asInt(),
                "# of Private Inputs: " + ref.get("nPrvInputs").asInt(),
                "# of Public Inputs: " + ref.get("nPubInputs").asInt(),
                "# of Labels: " + ref.get("nLabels").asInt(),
                "# of Outputs: " + ref.get("nOutputs").asInt(),
                "Groth16 domain: 4 (needs a Powers of Tau file of power 2 or more)", "");
        assertEquals(expected, r.out());
    }

    @Test
    void setupMakesSnarkjsKeyThenProofVerifies() throws IOException {
        Path key = dir.resolve("keys/multiplier.zkey");
        CliResult.run("groth16", "setup", CliFiles.copy(dir, "multiplier.r1cs"), CliFiles.copy(dir, "pot8_final.ptau"), key)
                .assertOk();
        assertArrayEquals(CliFiles.bytes("multiplier_0000.zkey"), Files.readAllBytes(key),
                "differs from snarkjs' groth16 setup of the same circuit and ptau");

        Path proof = dir.resolve("proof.json");
        Path publicJson = dir.resolve("public.json");
        CliResult.run("groth16", "prove", key, CliFiles.copy(dir, "multiplier.wtns"), proof, publicJson).assertOk();
        assertEquals(CliFiles.text("multiplier.public.json"), Files.readString(publicJson));

        Path vk = dir.resolve("vk.json");
        CliResult.run("zkey", "export", "verificationkey", key, vk).assertOk();
        CliResult verified = CliResult.run("groth16", "verify", vk, publicJson, proof);
        verified.assertOk();
        assertEquals("OK: the proof is valid" + System.lineSeparator(), verified.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public"})
    void proofWithSnarkjsKeyVerifiesAgainstSnarkjsVerificationKey(String circuit) throws IOException {
        Path proof = dir.resolve("proof.json");
        Path publicJson = dir.resolve("public.json");
        CliResult.run("groth16", "prove", CliFiles.copy(dir, circuit + ".zkey"), CliFiles.copy(dir, circuit + ".wtns"),
                proof, publicJson).assertOk();
        assertEquals(CliFiles.text(circuit + ".public.json"), Files.readString(publicJson));
        CliResult.run("groth16", "verify", CliFiles.copy(dir, circuit + ".vkey.json"), publicJson, proof).assertOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public"})
    void snarkjsProofVerifies(String circuit) {
        CliResult r = CliResult.run("groth16", "verify", CliFiles.copy(dir, circuit + ".vkey.json"),
                CliFiles.copy(dir, circuit + ".public.json"), CliFiles.copy(dir, circuit + ".proof.json"));
        r.assertOk();
        assertEquals("OK: the proof is valid" + System.lineSeparator(), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public"})
    void exportedVerificationKeyIsSnarkjsBytes(String circuit) throws IOException {
        Path vk = dir.resolve("out/" + circuit + ".vkey.json");
        CliResult r = CliResult.run("zkey", "export", "verificationkey", CliFiles.copy(dir, circuit + ".zkey"), vk);
        r.assertOk();
        assertEquals("", r.out());
        assertArrayEquals(CliFiles.bytes(circuit + ".vkey.json"), Files.readAllBytes(vk));
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public"})
    void solidityCalldataIsSnarkjsOutput(String circuit) {
        CliResult r = CliResult.run("zkey", "export", "soliditycalldata", CliFiles.copy(dir, circuit + ".public.json"),
                CliFiles.copy(dir, circuit + ".proof.json"));
        r.assertOk();
        assertEquals(CliFiles.text(circuit + ".calldata.txt"), r.out());
    }

    @Test
    void devSetupProveVerify() throws IOException {
        Path key = dir.resolve("dev.zkey");
        CliResult setup = CliResult.run("groth16", "devsetup", CliFiles.copy(dir, "many_public.r1cs"), key);
        setup.assertOk();
        assertTrue(setup.err().contains("UNSAFE"), setup::describe);

        Path proof = dir.resolve("proof.json");
        Path publicJson = dir.resolve("public.json");
        CliResult.run("groth16", "prove", key, CliFiles.copy(dir, "many_public.wtns"), proof, publicJson).assertOk();
        assertEquals(CliFiles.text("many_public.public.json"), Files.readString(publicJson));
        Path vk = dir.resolve("vk.json");
        CliResult.run("zkey", "export", "verificationkey", key, vk).assertOk();
        CliResult.run("groth16", "verify", vk, publicJson, proof).assertOk();

        // a key of fresh toxic waste: the snarkjs key of the same circuit rejects the proof
        CliResult other = CliResult.run("groth16", "verify", CliFiles.copy(dir, "many_public.vkey.json"), publicJson, proof);
        assertEquals(VerityCli.EXIT_INVALID_PROOF, other.exitCode(), other::describe);
    }
}
