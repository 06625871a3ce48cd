package dev.verity.prover.poly;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;

/**
 * The scalars of snarkjs' Groth16 H multi-exponentiation, computed the way snarkjs 0.7.6 does it
 * (src/groth16_prove.js): the polynomials A, B, C given by their values on the domain of size n are
 * re-evaluated on the coset {@code shift * <w>} with shift = {@link Domain#quotientCosetShift()}
 * (the odd powers of the 2n-th root of unity), and combined pointwise as A * B - C there.
 *
 * <p>There is no division by the vanishing polynomial: on that coset x^n - 1 is the constant -2, and
 * the zkey's H points absorb it (see the snarkjs notes).
 */
public final class QuotientEvaluations {
    private static final MontgomeryField F = Fr.FIELD;
    private static final int PARALLEL_MIN = 1 << 12;
    /** The integer 1 as plain limbs: a Montgomery product with it leaves Montgomery form. */
    private static final long[] PLAIN_ONE = {1, 0, 0, 0};

    private QuotientEvaluations() {
    }

    /**
     * Computes h_i = A(s w^i) B(s w^i) - C(s w^i) for 0 &lt;= i &lt; n = 2^log2n, where A, B, C are
     * the polynomials of degree &lt; n with values {@code a, b, c} (Montgomery form) at w^i.
     *
     * <p>The result overwrites {@code a} and is returned as PLAIN canonical limbs (not Montgomery),
     * ready for the MSM with the zkey's H points; {@code b} and {@code c} are overwritten with their
     * coset values (Montgomery form).
     */
    public static long[] compute(long[] a, long[] b, long[] c, int log2n) {
        Domain.checkLog2Size(log2n);
        int n = 1 << log2n;
        for (long[] x : new long[][] {a, b, c}) {
            if (x == null || (long) x.length < 4L * n) {
                throw new IllegalArgumentException("each of a, b, c must hold " + n + " field elements");
            }
        }
        if (a == b || a == c || b == c) {
            throw new IllegalArgumentException("a, b, c must be distinct arrays");
        }
        long[] shift = Domain.of(log2n).quotientCosetShift();
        Ntt.toCoset(a, log2n, shift);
        Ntt.toCoset(b, log2n, shift);
        Ntt.toCoset(c, log2n, shift);
        ParallelRange.forEach(0, n, PARALLEL_MIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                int at = 4 * i;
                F.mul(a, at, b, at, a, at);
                F.sub(a, at, c, at, a, at);
                F.mul(a, at, PLAIN_ONE, 0, a, at);
            }
        });
        return a;
    }
}
