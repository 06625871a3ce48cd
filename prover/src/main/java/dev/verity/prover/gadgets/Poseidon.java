package dev.verity.prover.gadgets;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.List;

/**
 * Native (out-of-circuit) Poseidon hash over BN254, identical to circomlib's {@code Poseidon(n)}
 * and circomlibjs' {@code poseidon}: state {@code [0, inputs...]}, 8 full and a width-dependent
 * number of partial rounds of x^5 S-boxes, round constants and linear mixing, computed in the
 * optimized form (sparse partial rounds) of {@link PoseidonConstants}; the hash is the first
 * state element. 1 to 16 inputs, each in {@code [0, r)}.
 */
public final class Poseidon {
    private static final int L = MontgomeryField.LIMBS;
    private static final MontgomeryField F = Fr.FIELD;
    private static final int HALF_FULL = PoseidonConstants.FULL_ROUNDS / 2;

    private Poseidon() {
    }

    public static BigInteger hash(BigInteger... inputs) {
        return hash(List.of(inputs));
    }

    public static BigInteger hash(List<BigInteger> inputs) {
        long[] state = new long[L * inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            BigInteger v = inputs.get(i);
            if (!F.isCanonical(v)) {
                throw new IllegalArgumentException("Poseidon input " + i + " is not in [0, r): " + v);
            }
            F.fromBigInteger(v, state, L * i);
        }
        long[] out = new long[L];
        hashMontgomery(state, 0, inputs.size(), out, 0);
        return F.toBigInteger(out, 0);
    }

    /**
     * Hashes {@code n} Montgomery-form elements at {@code in[io..]} into {@code out[oo..]}
     * (Montgomery form), without BigInteger on the way: for Merkle trees and other bulk hashing.
     */
    public static void hashMontgomery(long[] in, int io, int n, long[] out, int oo) {
        PoseidonConstants.Width p = PoseidonConstants.forInputs(n);
        int t = p.t;
        long[] state = new long[L * t];
        long[] scratch = new long[L * (t + 1)];
        System.arraycopy(in, io, state, L, L * n);
        addConstants(state, t, p.c, 0);
        for (int r = 0; r < HALF_FULL - 1; r++) {
            sboxAll(state, t, scratch);
            addConstants(state, t, p.c, (r + 1) * t);
            mix(state, t, p.m, scratch);
        }
        sboxAll(state, t, scratch);
        addConstants(state, t, p.c, HALF_FULL * t);
        mix(state, t, p.p, scratch);
        int sparse = 2 * t - 1;
        for (int r = 0; r < p.partialRounds; r++) {
            pow5(state, 0, scratch);
            F.add(state, 0, p.c, L * ((HALF_FULL + 1) * t + r), state, 0);
            // s0 = sum_j S[j] state[j]; state[k] += state[0] * S[t + k - 1]; state[0] = s0
            F.setZero(scratch, L * t);
            for (int j = 0; j < t; j++) {
                F.mul(p.s, L * (sparse * r + j), state, L * j, scratch, 0);
                F.add(scratch, L * t, scratch, 0, scratch, L * t);
            }
            for (int k = 1; k < t; k++) {
                F.mul(p.s, L * (sparse * r + t + k - 1), state, 0, scratch, 0);
                F.add(state, L * k, scratch, 0, state, L * k);
            }
            MontgomeryField.copy(scratch, L * t, state, 0);
        }
        for (int r = 0; r < HALF_FULL - 1; r++) {
            sboxAll(state, t, scratch);
            addConstants(state, t, p.c, (HALF_FULL + 1) * t + p.partialRounds + r * t);
            mix(state, t, p.m, scratch);
        }
        sboxAll(state, t, scratch);
        mix(state, t, p.m, scratch);
        MontgomeryField.copy(state, 0, out, oo);
    }

    private static void addConstants(long[] state, int t, long[] c, int from) {
        for (int i = 0; i < t; i++) {
            F.add(state, L * i, c, L * (from + i), state, L * i);
        }
    }

    private static void sboxAll(long[] state, int t, long[] scratch) {
        for (int i = 0; i < t; i++) {
            pow5(state, L * i, scratch);
        }
    }

    /** state'[i] = sum_j matrix[j][i] state[j], as circomlibjs indexes its matrices. */
    private static void mix(long[] state, int t, long[] matrix, long[] scratch) {
        long[] mixed = new long[L * t];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                F.mul(matrix, L * (j * t + i), state, L * j, scratch, 0);
                F.add(mixed, L * i, scratch, 0, mixed, L * i);
            }
        }
        System.arraycopy(mixed, 0, state, 0, L * t);
    }

    private static void pow5(long[] a, int ao, long[] scratch) {
        F.sqr(a, ao, scratch, 0);
        F.sqr(scratch, 0, scratch, 0);
        F.mul(a, ao, scratch, 0, a, ao);
    }
}
