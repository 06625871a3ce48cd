package dev.verity.prover.gadgets;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.List;

/**
 * Native (out-of-circuit) Poseidon hash over BN254, identical to circomlib's {@code Poseidon(n)}
 * and circomlibjs' {@code poseidon}: state {@code [0, inputs...]}, 8 full and a width-dependent
 * number of partial rounds of add-round-constants, x^5 S-boxes and MDS mixing; the hash is the
 * first state element. 1 to 16 inputs, each in {@code [0, r)}.
 */
public final class Poseidon {
    private static final int L = MontgomeryField.LIMBS;
    private static final MontgomeryField F = Fr.FIELD;

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
        long[] mixed = new long[L * t];
        long[] tmp = new long[L];
        System.arraycopy(in, io, state, L, L * n);
        for (int r = 0; r < p.rounds(); r++) {
            for (int i = 0; i < t; i++) {
                F.add(state, L * i, p.roundConstants, L * (r * t + i), state, L * i);
            }
            int sboxes = p.isFullRound(r) ? t : 1;
            for (int i = 0; i < sboxes; i++) {
                pow5(state, L * i, tmp);
            }
            for (int i = 0; i < t; i++) {
                F.setZero(mixed, L * i);
                for (int j = 0; j < t; j++) {
                    F.mul(p.mds, L * (i * t + j), state, L * j, tmp, 0);
                    F.add(mixed, L * i, tmp, 0, mixed, L * i);
                }
            }
            long[] swap = state;
            state = mixed;
            mixed = swap;
        }
        MontgomeryField.copy(state, 0, out, oo);
    }

    private static void pow5(long[] a, int ao, long[] tmp) {
        F.sqr(a, ao, tmp, 0);
        F.sqr(tmp, 0, tmp, 0);
        F.mul(a, ao, tmp, 0, a, ao);
    }
}
