package dev.verity.prover.gadgets;

import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;

/**
 * Poseidon in a circuit, with circomlib's constants (same outputs as {@link Poseidon}). Round
 * constants and MDS mixing are linear, hence free; each x^5 S-box costs 3 constraints
 * ({@code x^2, x^4, x^5}), so n inputs cost {@code 3 (8 (n+1) + partialRounds)} constraints at
 * most, less where an S-box input is a constant (as the first round's state[0] is).
 */
public final class PoseidonGadget {
    private PoseidonGadget() {
    }

    public static LinearCombination hash(CircuitBuilder b, LinearCombination... inputs) {
        PoseidonConstants.Width p = PoseidonConstants.forInputs(inputs.length);
        int t = p.t;
        LinearCombination[] state = new LinearCombination[t];
        state[0] = LinearCombination.ZERO;
        System.arraycopy(inputs, 0, state, 1, inputs.length);
        for (int r = 0; r < p.rounds(); r++) {
            for (int i = 0; i < t; i++) {
                state[i] = state[i].add(p.roundConstantValues[r * t + i]);
            }
            int sboxes = p.isFullRound(r) ? t : 1;
            for (int i = 0; i < sboxes; i++) {
                LinearCombination x2 = b.mul(state[i], state[i]);
                LinearCombination x4 = b.mul(x2, x2);
                state[i] = b.mul(x4, state[i]);
            }
            LinearCombination[] mixed = new LinearCombination[t];
            for (int i = 0; i < t; i++) {
                LinearCombination.Sum sum = new LinearCombination.Sum();
                for (int j = 0; j < t; j++) {
                    sum.add(state[j], p.mdsValues[i * t + j]);
                }
                mixed[i] = sum.build();
            }
            state = mixed;
        }
        return state[0];
    }
}
