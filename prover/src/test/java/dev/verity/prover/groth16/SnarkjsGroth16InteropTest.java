package dev.verity.prover.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.io.Fixtures;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.WtnsFile;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.prover.r1cs.Witness;
import dev.verity.prover.util.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Groth16 interop with the real snarkjs CLI, both ways, on circuits compiled by circom2
 * (including circomlib's Poseidon): snarkjs runs here, on files Verity wrote, and Verity on
 * files snarkjs wrote in the same test.
 */
class SnarkjsGroth16InteropTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private Path copy(String fixture) throws Exception {
        return Files.copy(Fixtures.path(fixture), dir.resolve(fixture));
    }

    /** snarkjs setup -> Verity proves -> snarkjs verifies; a changed signal is rejected by snarkjs too. */
    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public", "poseidon"})
    void snarkjsVerifiesVerityProofsOnSnarkjsKeys(String circuit) throws Exception {
        copy(circuit + ".vkey.json");
        Zkey key = ZkeyFile.read(Fixtures.path(circuit + ".zkey"));
        Witness witness = WtnsFile.read(Fixtures.path(circuit + ".wtns"));
        Proof proof = Prover.prove(key, witness, RANDOM, Progress.NONE);
        SnarkjsJson.writeProof(proof, dir.resolve("proof.json"));
        long[] signals = witness.publicSignals(key.nPublic());
        SnarkjsJson.writePublicSignals(signals, dir.resolve("public.json"));
        String ok = Fixtures.snarkjs(dir, "groth16", "verify", circuit + ".vkey.json", "public.json", "proof.json");
        assertTrue(ok.contains("OK!"), ok);

        long[] changed = signals.clone();
        changed[0] ^= 1;
        SnarkjsJson.writePublicSignals(changed, dir.resolve("changed.json"));
        Fixtures.SnarkjsRun rejected = Fixtures.snarkjsRun(dir, "groth16", "verify", circuit + ".vkey.json",
                "changed.json", "proof.json");
        assertNotEquals(0, rejected.exitCode(), rejected.output());
        assertTrue(rejected.output().contains("Invalid proof"), rejected.output());
    }

    /** Verity setup from the same r1cs and ptau as snarkjs gives the same bytes; its proofs verify in snarkjs. */
    @ParameterizedTest
    @ValueSource(strings = {"many_public", "poseidon"})
    void veritySetupEqualsSnarkjsSetupAndItsProofsVerifyInSnarkjs(String circuit) throws Exception {
        copy(circuit + ".r1cs");
        copy("pot8_final.ptau");
        Fixtures.snarkjs(dir, "groth16", "setup", circuit + ".r1cs", "pot8_final.ptau", "snarkjs.zkey");
        Zkey key;
        try (PtauFile ptau = PtauFile.open(dir.resolve("pot8_final.ptau"))) {
            key = Setup.fromPtau(R1csFile.read(dir.resolve(circuit + ".r1cs")), ptau, Progress.NONE);
        }
        ZkeyFile.write(key, dir.resolve("verity.zkey"), ZkeyFile.NEW_ORDER);
        assertArrayEquals(Files.readAllBytes(dir.resolve("snarkjs.zkey")), Files.readAllBytes(dir.resolve("verity.zkey")));

        Witness witness = WtnsFile.read(Fixtures.path(circuit + ".wtns"));
        SnarkjsJson.writeProof(Prover.prove(key, witness, RANDOM, Progress.NONE), dir.resolve("proof.json"));
        SnarkjsJson.writePublicSignals(witness.publicSignals(key.nPublic()), dir.resolve("public.json"));
        Fixtures.snarkjs(dir, "zkey", "export", "verificationkey", "verity.zkey", "vk.json");
        String ok = Fixtures.snarkjs(dir, "groth16", "verify", "vk.json", "public.json", "proof.json");
        assertTrue(ok.contains("OK!"), ok);
    }

    /** A key from Verity's dev setup works in snarkjs: snarkjs proves with it, Verity verifies, and back. */
    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "poseidon"})
    void devSetupKeysWorkInSnarkjsBothWays(String circuit) throws Exception {
        copy(circuit + ".wtns");
        Zkey key = DevSetup.generate(R1csFile.read(Fixtures.path(circuit + ".r1cs")), RANDOM, Progress.NONE);
        ZkeyFile.write(key, dir.resolve("dev.zkey"));
        Fixtures.snarkjs(dir, "groth16", "prove", "dev.zkey", circuit + ".wtns", "sj-proof.json", "sj-public.json");
        var vk = VerificationKeys.of(key);
        assertTrue(Verifier.verify(vk, SnarkjsJson.readPublicSignals(dir.resolve("sj-public.json")),
                SnarkjsJson.readProof(dir.resolve("sj-proof.json"))));

        SnarkjsJson.writeVerificationKey(vk, dir.resolve("vk.json"));
        Witness witness = WtnsFile.read(dir.resolve(circuit + ".wtns"));
        SnarkjsJson.writeProof(Prover.prove(key, witness, RANDOM, Progress.NONE), dir.resolve("proof.json"));
        SnarkjsJson.writePublicSignals(witness.publicSignals(key.nPublic()), dir.resolve("public.json"));
        String ok = Fixtures.snarkjs(dir, "groth16", "verify", "vk.json", "public.json", "proof.json");
        assertTrue(ok.contains("OK!"), ok);
    }
}
