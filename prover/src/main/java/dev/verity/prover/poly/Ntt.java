package dev.verity.prover.poly;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;

/**
 * Number-theoretic transforms over Fr on flat arrays: element i is the 4 Montgomery limbs at 4 * i.
 * Transforms work in place on the first n = 2^log2n elements of the array, natural order in and
 * out, with the roots of {@link Domain} (those of ffjavascript). Elements must be canonical (below
 * r, as every {@code MontgomeryField} operation leaves them; like the field, the transforms do not
 * check) and come out canonical.
 * <ul>
 *   <li>{@link #forward}: a_i := sum_j a_j w^(ij), the values at w^i of the polynomial with
 *       coefficients a (ffjavascript's {@code Fr.fft});</li>
 *   <li>{@link #inverse}: its inverse, values at w^i to coefficients ({@code Fr.ifft});</li>
 *   <li>{@link #cosetForward}: coefficients to values at shift w^i;</li>
 *   <li>{@link #toCoset}: values at w^i to values at shift w^i, the interpolation and evaluation
 *       chained with no permutation between them (see {@link Radix2}).</li>
 * </ul>
 * Work is split over the common ForkJoin pool, the calling thread taking part.
 */
public final class Ntt {
    private static final MontgomeryField F = Fr.FIELD;
    /** Loops shorter than this are not worth a task. */
    private static final int PARALLEL_MIN = 1 << 12;

    private Ntt() {
    }

    /** Evaluates in place: a_i := sum_j a_j w^(ij), w the generator of the domain of size 2^log2n. */
    public static void forward(long[] a, int log2n) {
        checkArray(a, log2n);
        BitReversal.permute(a, log2n);
        Radix2.evaluate(a, log2n);
    }

    /** Interpolates in place: the inverse of {@link #forward}, a_j := 1/n sum_i a_i w^(-ij). */
    public static void inverse(long[] a, int log2n) {
        checkArray(a, log2n);
        Radix2.interpolate(a, log2n, Domain.of(log2n).sizeInverse(), null);
        BitReversal.permute(a, log2n);
    }

    /**
     * Evaluates the polynomial with coefficients a on the coset shift * &lt;w&gt;, in place:
     * a_i := sum_j a_j (shift w^i)^j.
     */
    public static void cosetForward(long[] a, int log2n, long[] shift) {
        checkArray(a, log2n);
        checkElement(shift, "shift");
        mulByPowers(a, 1 << log2n, shift);
        BitReversal.permute(a, log2n);
        Radix2.evaluate(a, log2n);
    }

    /**
     * From the values of a polynomial of degree &lt; n at w^i to its values at shift w^i, in place:
     * {@link #inverse}, then {@link #mulByPowers} by shift, then {@link #forward}.
     */
    public static void toCoset(long[] a, int log2n, long[] shift) {
        checkArray(a, log2n);
        checkElement(shift, "shift");
        Radix2.interpolate(a, log2n, Domain.of(log2n).sizeInverse(), shift);
        Radix2.evaluate(a, log2n);
    }

    /** a_i := a_i * shift^i for 0 &lt;= i &lt; n. */
    public static void mulByPowers(long[] a, int n, long[] shift) {
        mulByPowers(a, n, F.one(), shift);
    }

    /** a_i := a_i * first * ratio^i for 0 &lt;= i &lt; n (ffjavascript's {@code batchApplyKey}). */
    public static void mulByPowers(long[] a, int n, long[] first, long[] ratio) {
        checkElementCount(a, n);
        checkElement(first, "first");
        checkElement(ratio, "ratio");
        ParallelRange.forEach(0, n, PARALLEL_MIN, (from, to) -> {
            long[] factor = new long[4];
            F.pow(ratio, 0, new long[] {from}, factor, 0);
            F.mul(factor, 0, first, 0, factor, 0);
            for (int i = from; i < to; i++) {
                F.mul(a, 4 * i, factor, 0, a, 4 * i);
                F.mul(factor, 0, ratio, 0, factor, 0);
            }
        });
    }

    // ---------------------------------------------------------------- argument checks

    private static void checkArray(long[] a, int log2n) {
        Domain.checkLog2Size(log2n);
        checkElementCount(a, 1 << log2n);
    }

    private static void checkElementCount(long[] a, int n) {
        if (a == null) {
            throw new IllegalArgumentException("array is null");
        }
        if (n < 0 || (long) a.length < 4L * n) {
            throw new IllegalArgumentException("array of " + a.length + " longs cannot hold " + n
                    + " field elements of 4 longs");
        }
    }

    private static void checkElement(long[] x, String name) {
        if (x == null || x.length != 4) {
            throw new IllegalArgumentException(name + " must be one field element of 4 longs");
        }
    }
}
