package dev.verity.prover.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.WtnsFile;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.prover.util.Progress;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With the blinding scalars fixed, a Groth16 proof is a function of key and witness: Verity must
 * produce exactly the proofs snarkjs produced with its randomness patched to the same r and s
 * (src/test/resources/vectors/groth16/README.md).
 */
class DeterministicProofTest {
    @TempDir
    Path dir;

    private static Path vector(String name) throws URISyntaxException {
        return Path.of(DeterministicProofTest.class.getResource("/vectors/groth16/" + name).toURI());
    }

    @ParameterizedTest
    @CsvSource({"0, 0, proof_rs0.json", "12345, 67890, proof_r12345_s67890.json"})
    void reproducesSnarkjsProofsForTheSameBlinding(long r, long s, String expected) throws Exception {
        Zkey key = ZkeyFile.read(vector("mul_0000.zkey"));
        var witness = WtnsFile.read(vector("mul.wtns"));
        var proof = Prover.prove(key, witness, BigInteger.valueOf(r), BigInteger.valueOf(s), Progress.NONE);
        // these two files were written by a patched snarkjs script that ends them with a newline
        assertEquals(Files.readString(vector(expected)).strip(), SnarkjsJson.proofJson(proof));
        assertEquals(Files.readString(vector("public.json")),
                SnarkjsJson.publicSignalsJson(witness.publicSignals(key.nPublic())));
    }

    @Test
    void setupAndVerificationKeyMatchSnarkjs() throws Exception {
        Zkey key;
        try (PtauFile ptau = PtauFile.open(vector("pot4_final.ptau"))) {
            key = Setup.fromPtau(R1csFile.read(vector("mul.r1cs")), ptau, Progress.NONE);
        }
        Path ours = dir.resolve("ours.zkey");
        ZkeyFile.write(key, ours, ZkeyFile.NEW_ORDER);
        assertArrayEquals(Files.readAllBytes(vector("mul_0000.zkey")), Files.readAllBytes(ours));
        var vk = VerificationKeys.of(key);
        assertEquals(Files.readString(vector("vk.json")), SnarkjsJson.verificationKeyJson(vk));
        assertTrue(Verifier.verify(vk, SnarkjsJson.readPublicSignals(vector("public.json")),
                SnarkjsJson.readProof(vector("proof_r12345_s67890.json"))));
    }
}
