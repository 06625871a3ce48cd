package dev.verity.chain;

import dev.verity.bench.PublicInputsCircuit;
import dev.verity.prover.groth16.DevSetup;
import dev.verity.prover.groth16.Prover;
import dev.verity.prover.groth16.VerificationKeys;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.r1cs.Witness;
import dev.verity.prover.util.Progress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A circuit with n public inputs, a dev-setup key (unsafe, tests only) and proofs made by Verity's prover. */
record ProvedCircuit(int nPublic, Zkey zkey, VerificationKey vk, List<Proof> proofs, List<long[]> signals) {

    static ProvedCircuit make(int nPublic, int count, Random inputs) {
        PublicInputsCircuit circuit = PublicInputsCircuit.of(nPublic);
        SecureRandom random = new SecureRandom();
        Zkey zkey = DevSetup.generate(circuit.constraints(), random, Progress.NONE);
        List<Proof> proofs = new ArrayList<>();
        List<long[]> signals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Witness witness = circuit.randomWitness(inputs);
            proofs.add(Prover.prove(zkey, witness, random, Progress.NONE));
            signals.add(witness.publicSignals(nPublic));
        }
        return new ProvedCircuit(nPublic, zkey, VerificationKeys.of(zkey), List.copyOf(proofs), List.copyOf(signals));
    }
}
