package dev.verity.prover.groth16;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.io.Fixtures;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.io.WtnsFile;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.prover.r1cs.Witness;
import dev.verity.prover.util.Progress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchVerifierTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void acceptsABatchOfValidProofsAndRejectsOneBadProofAmongThem() throws Exception {
        Zkey key = ZkeyFile.read(Fixtures.path("many_public.zkey"));
        Witness witness = WtnsFile.read(Fixtures.path("many_public.wtns"));
        VerificationKey vk = VerificationKeys.of(key);
        List<Proof> proofs = new ArrayList<>();
        List<long[]> signals = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            proofs.add(Prover.prove(key, witness, RANDOM, Progress.NONE));
            signals.add(witness.publicSignals(key.nPublic()));
        }
        assertTrue(BatchVerifier.verify(vk, signals, proofs, RANDOM));

        for (int bad = 0; bad < proofs.size(); bad++) {
            List<long[]> changed = new ArrayList<>(signals);
            long[] s = changed.get(bad).clone();
            s[0] ^= 1;
            changed.set(bad, s);
            assertFalse(BatchVerifier.verify(vk, changed, proofs, RANDOM), "bad signals in proof " + bad);
        }
        // two proofs with their A points swapped: each wrong, and a naive sum could cancel out
        List<Proof> swapped = new ArrayList<>(proofs);
        swapped.set(0, new Proof(proofs.get(1).a(), proofs.get(0).b(), proofs.get(0).c()));
        swapped.set(1, new Proof(proofs.get(0).a(), proofs.get(1).b(), proofs.get(1).c()));
        assertFalse(BatchVerifier.verify(vk, signals, swapped, RANDOM));
        assertThrows(IllegalArgumentException.class, () -> BatchVerifier.verify(vk, List.of(), List.of(), RANDOM));
    }
}
