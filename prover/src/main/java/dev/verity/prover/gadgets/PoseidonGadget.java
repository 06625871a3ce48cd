package dev.verity.prover.gadgets;

import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.math.BigInteger;

/**
 * Poseidon in a circuit, with circomlib's constants (same outputs as {@link Poseidon}). Round
 * constants and mixing are linear, hence free; each x^5 S-box costs 3 constraints
 * ({@code x^2, x^4, x^5}), so n inputs cost {@code 3 (8 (n+1) + partialRounds) - 3} constraints
 * (the first S-box of state[0] acts on a constant).
 *
 * <p>The sparse form of the partial rounds matters here too: there the state becomes linear
 * combinations of all S-box outputs so far, and mixing them with a dense matrix would cost
 * {@code t^2} combinations per round to build instead of about {@code 2t}.
 */
public final class PoseidonGadget {
    private static final int HALF_FULL = PoseidonConstants.FULL_ROUNDS / 2;

    private PoseidonGadget() {
    }

    public static LinearCombination hash(CircuitBuilder b, LinearCombination... inputs) {
        PoseidonConstants.Width p = PoseidonConstants.forInputs(inputs.length);
        int t = p.t;
        LinearCombination[] state = new LinearCombination[t];
        state[0] = LinearCombination.ZERO;
        System.arraycopy(inputs, 0, state, 1, inputs.length);
        addConstants(state, p.cValues, 0);
        for (int r = 0; r < HALF_FULL - 1; r++) {
            sboxAll(b, state);
            addConstants(state, p.cValues, (r + 1) * t);
            state = mix(state, p.mValues);
        }
        sboxAll(b, state);
        addConstants(state, p.cValues, HALF_FULL * t);
        state = mix(state, p.pValues);
        int sparse = 2 * t - 1;
        for (int r = 0; r < p.partialRounds; r++) {
            state[0] = sbox(b, state[0]).add(p.cValues[(HALF_FULL + 1) * t + r]);
            LinearCombination.Sum s0 = new LinearCombination.Sum();
            for (int j = 0; j < t; j++) {
                s0.add(state[j], p.sValues[sparse * r + j]);
            }
            for (int k = 1; k < t; k++) {
                state[k] = state[k].add(state[0].times(p.sValues[sparse * r + t + k - 1]));
            }
            state[0] = s0.build();
        }
        for (int r = 0; r < HALF_FULL - 1; r++) {
            sboxAll(b, state);
            addConstants(state, p.cValues, (HALF_FULL + 1) * t + p.partialRounds + r * t);
            state = mix(state, p.mValues);
        }
        sboxAll(b, state);
        return mixFirst(state, p.mValues);
    }

    private static void addConstants(LinearCombination[] state, BigInteger[] c, int from) {
        for (int i = 0; i < state.length; i++) {
            state[i] = state[i].add(c[from + i]);
        }
    }

    private static void sboxAll(CircuitBuilder b, LinearCombination[] state) {
        for (int i = 0; i < state.length; i++) {
            state[i] = sbox(b, state[i]);
        }
    }

    private static LinearCombination sbox(CircuitBuilder b, LinearCombination x) {
        LinearCombination x2 = b.mul(x, x);
        LinearCombination x4 = b.mul(x2, x2);
        return b.mul(x4, x);
    }

    /** state'[i] = sum_j matrix[j][i] state[j], as circomlibjs indexes its matrices. */
    private static LinearCombination[] mix(LinearCombination[] state, BigInteger[] matrix) {
        LinearCombination[] mixed = new LinearCombination[state.length];
        for (int i = 0; i < state.length; i++) {
            mixed[i] = mixColumn(state, matrix, i);
        }
        return mixed;
    }

    /** Only the first element of the last mixing: the hash. */
    private static LinearCombination mixFirst(LinearCombination[] state, BigInteger[] matrix) {
        return mixColumn(state, matrix, 0);
    }

    private static LinearCombination mixColumn(LinearCombination[] state, BigInteger[] matrix, int i) {
        int t = state.length;
        LinearCombination.Sum sum = new LinearCombination.Sum();
        for (int j = 0; j < t; j++) {
            sum.add(state[j], matrix[j * t + i]);
        }
        return sum.build();
    }
}
