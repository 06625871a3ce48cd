package dev.verity.prover.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.curve.G1;
import dev.verity.prover.field.Fr;
import dev.verity.prover.io.Fixtures;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.io.WtnsFile;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.prover.r1cs.Witness;
import dev.verity.prover.util.Progress;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Groth16 against the reference files that circom and snarkjs made (src/test/resources/fixtures):
 * snarkjs' keys prove with Verity, Verity's setup reproduces snarkjs' key bytes, proofs and keys
 * agree both ways, and wrong proofs, signals and witnesses are refused.
 */
class Groth16FixtureTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void setupFromPtauReproducesTheSnarkjsZkeyByteForByte() throws Exception {
        Zkey key;
        try (PtauFile ptau = PtauFile.open(Fixtures.path("pot8_final.ptau"))) {
            key = Setup.fromPtau(R1csFile.read(Fixtures.path("multiplier.r1cs")), ptau, Progress.NONE);
        }
        Path ours = dir.resolve("ours.zkey");
        ZkeyFile.write(key, ours, ZkeyFile.NEW_ORDER);
        assertArrayEquals(Fixtures.bytes("multiplier_0000.zkey"), Files.readAllBytes(ours));
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public", "poseidon"})
    void provesWithSnarkjsKeysAndTheSnarkjsKeyAcceptsTheProof(String circuit) throws Exception {
        Zkey key = ZkeyFile.read(Fixtures.path(circuit + ".zkey"));
        Witness witness = WtnsFile.read(Fixtures.path(circuit + ".wtns"));
        Proof proof = Prover.prove(key, witness, RANDOM, Progress.NONE);
        VerificationKey snarkjsVk = SnarkjsJson.readVerificationKey(Fixtures.path(circuit + ".vkey.json"));
        long[] publicSignals = SnarkjsJson.readPublicSignals(Fixtures.path(circuit + ".public.json"));
        assertArrayEquals(publicSignals, witness.publicSignals(key.nPublic()));
        assertTrue(Verifier.verify(snarkjsVk, publicSignals, proof));
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public", "poseidon"})
    void verifiesSnarkjsProofsAndExportsTheSameVerificationKey(String circuit) throws Exception {
        VerificationKey vk = VerificationKeys.of(ZkeyFile.read(Fixtures.path(circuit + ".zkey")));
        assertEquals(Fixtures.text(circuit + ".vkey.json"), SnarkjsJson.verificationKeyJson(vk));
        Proof proof = SnarkjsJson.readProof(Fixtures.path(circuit + ".proof.json"));
        long[] publicSignals = SnarkjsJson.readPublicSignals(Fixtures.path(circuit + ".public.json"));
        assertTrue(Verifier.verify(vk, publicSignals, proof));
    }

    @Test
    void rejectsATamperedProofAChangedSignalAndAnotherKeysProof() throws Exception {
        VerificationKey vk = SnarkjsJson.readVerificationKey(Fixtures.path("many_public.vkey.json"));
        Proof proof = SnarkjsJson.readProof(Fixtures.path("many_public.proof.json"));
        long[] signals = SnarkjsJson.readPublicSignals(Fixtures.path("many_public.public.json"));
        assertTrue(Verifier.verify(vk, signals, proof));

        // A replaced by 2A: still a valid curve point, no longer a valid proof
        G1 g1 = new G1();
        long[] doubled = new long[8];
        g1.toAffine(g1.mul(proof.a(), 0, BigInteger.TWO), 0, doubled, 0);
        assertFalse(Verifier.verify(vk, signals, new Proof(doubled, proof.b(), proof.c())));
        // A and C swapped
        assertFalse(Verifier.verify(vk, signals, new Proof(proof.c(), proof.b(), proof.a())));

        for (int i = 0; i < vk.nPublic(); i++) {
            long[] changed = signals.clone();
            changed[4 * i] ^= 1;
            assertFalse(Verifier.verify(vk, changed, proof), "changed public signal " + i);
        }

        // the same circuit under an independent key (fresh setup): the proof does not carry over
        Zkey other = DevSetup.generate(R1csFile.read(Fixtures.path("many_public.r1cs")), RANDOM, Progress.NONE);
        assertFalse(Verifier.verify(VerificationKeys.of(other), signals, proof));
        Proof otherProof = Prover.prove(other, WtnsFile.read(Fixtures.path("many_public.wtns")), RANDOM,
                Progress.NONE);
        assertTrue(Verifier.verify(VerificationKeys.of(other), signals, otherProof));
        assertFalse(Verifier.verify(vk, signals, otherProof));
    }

    @Test
    void refusesPublicSignalsAtOrAboveTheFieldOrderAndWrongCounts() throws Exception {
        VerificationKey vk = SnarkjsJson.readVerificationKey(Fixtures.path("multiplier.vkey.json"));
        Proof proof = SnarkjsJson.readProof(Fixtures.path("multiplier.proof.json"));
        long[] signals = SnarkjsJson.readPublicSignals(Fixtures.path("multiplier.public.json"));
        // s + r is the same residue: accepting it would make proofs malleable in their inputs
        long[] aliased = signals.clone();
        BigInteger s = dev.verity.prover.field.MontgomeryField.limbsToBigInteger(signals, 0);
        System.arraycopy(dev.verity.prover.field.MontgomeryField.toLimbs(s.add(Fr.MODULUS)), 0, aliased, 0, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Verifier.verify(vk, aliased, proof));
        assertTrue(e.getMessage().contains("public signal 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Verifier.verify(vk, new long[0], proof));
    }

    @Test
    void refusesAWitnessThatDoesNotSatisfyTheCircuit() throws Exception {
        Zkey key = ZkeyFile.read(Fixtures.path("poseidon.zkey"));
        Witness good = WtnsFile.read(Fixtures.path("poseidon.wtns"));
        long[] limbs = good.limbs().clone();
        int internal = key.nPublic() + 5;
        limbs[4 * internal] ^= 1;
        assertThrows(InvalidWitnessException.class,
                () -> Prover.prove(key, new Witness(limbs), RANDOM, Progress.NONE));
        long[] shorter = java.util.Arrays.copyOf(good.limbs(), good.limbs().length - 4);
        assertThrows(InvalidWitnessException.class,
                () -> Prover.prove(key, new Witness(shorter), RANDOM, Progress.NONE));
    }

    @Test
    void proofsAreRandomizedButAllVerify() throws Exception {
        Zkey key = ZkeyFile.read(Fixtures.path("multiplier.zkey"));
        Witness witness = WtnsFile.read(Fixtures.path("multiplier.wtns"));
        Proof first = Prover.prove(key, witness, RANDOM, Progress.NONE);
        Proof second = Prover.prove(key, witness, RANDOM, Progress.NONE);
        assertFalse(java.util.Arrays.equals(first.a(), second.a()), "r and s must be fresh per proof");
    }
}
