package dev.verity.prover.poly;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;

/**
 * Number-theoretic transforms over Fr on flat arrays: element i is the 4 Montgomery limbs at 4 * i.
 * Transforms work in place on the first n = 2^log2n elements of the array, natural order in and
 * out, with the roots of {@link Domain} (those of ffjavascript):
 * <ul>
 *   <li>{@link #forward}: a_i := sum_j a_j w^(ij), the evaluations at w^i of the polynomial with
 *       coefficients a (ffjavascript's {@code Fr.fft});</li>
 *   <li>{@link #inverse}: its inverse, values at w^i to coefficients ({@code Fr.ifft}).</li>
 * </ul>
 *
 * <p>Radix-2 decimation in time after a bit-reversal permutation, in two passes over memory: the
 * low levels as independent transforms of blocks that fit in a core's cache, then all the high
 * levels at once on cache-sized groups of columns. Both passes split into independent tasks on
 * the common ForkJoin pool (the calling thread takes part).
 */
public final class Ntt {
    private static final MontgomeryField F = Fr.FIELD;
    /** Sub-transforms of at most 2^LEAF_LOG2 elements (32 KiB) run all their stages in one go. */
    private static final int LEAF_LOG2 = 10;
    /**
     * Blocks of 2^BLOCK_LOG2 elements (256 KiB) fit in a core's L2 cache, with the twiddles of
     * their stages, which all come from the small shared table.
     */
    private static final int BLOCK_LOG2 = Twiddles.LOW_LOG2;
    /** Loops shorter than this are not worth a task. */
    private static final int PARALLEL_MIN = 1 << 12;

    private Ntt() {
    }

    /** Evaluates in place: a_i := sum_j a_j w^(ij), w the generator of the domain of size 2^log2n. */
    public static void forward(long[] a, int log2n) {
        checkArray(a, log2n);
        forwardUnchecked(a, log2n);
    }

    /** Interpolates in place: the inverse of {@link #forward}. */
    public static void inverse(long[] a, int log2n) {
        checkArray(a, log2n);
        forwardUnchecked(a, log2n);
        reverseTail(a, log2n, Domain.of(log2n).sizeInverse());
    }

    /**
     * The coefficients scaled by n: {@link #inverse} without the final division by n, for callers
     * that fold 1/n into a later multiplication.
     */
    static void inverseUnscaled(long[] a, int log2n) {
        checkArray(a, log2n);
        forwardUnchecked(a, log2n);
        reverseTail(a, log2n, null);
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

    /**
     * Evaluates the polynomial with coefficients a on the coset shift * &lt;w&gt;, in place:
     * a_i := sum_j a_j (shift w^i)^j.
     */
    public static void cosetForward(long[] a, int log2n, long[] shift) {
        checkArray(a, log2n);
        mulByPowers(a, 1 << log2n, shift);
        forwardUnchecked(a, log2n);
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

    // ---------------------------------------------------------------- transform

    private static void forwardUnchecked(long[] a, int log2n) {
        if (log2n == 0) {
            return;
        }
        Twiddles twiddles = Twiddles.atLeast(log2n);
        BitReversal.permute(a, log2n);
        int n = 1 << log2n;
        // Bottom levels: independent transforms of blocks that fit in the core's cache (at least
        // two blocks once the transform is big enough to share between workers).
        int log2Block = n >= 2 * PARALLEL_MIN ? Math.min(BLOCK_LOG2, log2n - 1) : log2n;
        boolean blocksAreLast = log2Block == log2n;
        ParallelRange.forEach(0, n >> log2Block, 1, (from, to) -> {
            for (int b = from; b < to; b++) {
                int base = b << log2Block;
                dit(a, base, log2Block, twiddles);
                if (blocksAreLast) {
                    FrButterflies.normalize(a, base, base + (1 << log2Block));
                }
            }
        });
        if (!blocksAreLast) {
            topLevels(a, log2n, log2Block, twiddles);
        }
    }

    /**
     * Levels log2Block .. log2n-1 in one pass over memory. Their butterflies only pair elements
     * congruent modulo the block size M, so for each residue r they form a small transform of the
     * elements r, r + M, r + 2M, ...; a chunk of consecutive residues fits in cache and runs all
     * these levels at once, and chunks are independent. The results leave in canonical form.
     */
    private static void topLevels(long[] a, int log2n, int log2Block, Twiddles twiddles) {
        int n = 1 << log2n;
        int blockSize = 1 << log2Block;
        int columns = 1 << (log2n - log2Block);
        // About 256 KiB per chunk, and at least two residues so that whole cache lines are used.
        int chunk = Math.min(blockSize, Math.max(2, (1 << 13) / columns));
        ParallelRange.forEach(0, blockSize / chunk, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                int r = c * chunk;
                for (int log2Half = log2Block; log2Half < log2n; log2Half++) {
                    int half = 1 << log2Half;
                    for (int block = 0; block < n; block += 2 * half) {
                        for (int t = r; t < half; t += blockSize) {
                            butterflies(a, block, log2Half, t, t + chunk, twiddles);
                        }
                    }
                }
                for (int at = r; at < n; at += blockSize) {
                    FrButterflies.normalize(a, at, at + chunk);
                }
            }
        });
    }

    /** The transform of the bit-reversed block of 2^log2Size elements at element {@code base}. */
    private static void dit(long[] a, int base, int log2Size, Twiddles twiddles) {
        if (log2Size <= LEAF_LOG2) {
            leaf(a, base, log2Size, twiddles);
            return;
        }
        int log2Half = log2Size - 1;
        int half = 1 << log2Half;
        dit(a, base, log2Half, twiddles);
        dit(a, base + half, log2Half, twiddles);
        butterflies(a, base, log2Half, 0, half, twiddles);
    }

    /**
     * Maps the forward transform to the inverse one: a_i := factor * a_(n-i) for 0 &lt; i &lt; n
     * and a_0 := factor * a_0 (sum_j y_j w^(-ij) = sum_j y_j w^((n-i)j)); factor null means 1.
     */
    private static void reverseTail(long[] a, int log2n, long[] factor) {
        int n = 1 << log2n;
        if (factor != null) {
            F.mul(a, 0, factor, 0, a, 0);
            if (n > 1) {
                F.mul(a, 4 * (n / 2), factor, 0, a, 4 * (n / 2));
            }
        }
        ParallelRange.forEach(1, (n + 1) / 2, PARALLEL_MIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                int x = 4 * i;
                int y = 4 * (n - i);
                for (int l = 0; l < 4; l++) {
                    long t = a[x + l];
                    a[x + l] = a[y + l];
                    a[y + l] = t;
                }
                if (factor != null) {
                    F.mul(a, x, factor, 0, a, x);
                    F.mul(a, y, factor, 0, a, y);
                }
            }
        });
    }

    /** All stages of a block small enough to stay in cache. */
    private static void leaf(long[] a, int base, int log2Size, Twiddles twiddles) {
        int end = base + (1 << log2Size);
        for (int i = base; i < end; i += 2) {
            FrButterflies.runUnit(a, i, i + 1, 1);
        }
        for (int log2Half = 1; log2Half < log2Size; log2Half++) {
            int half = 1 << log2Half;
            for (int block = base; block < end; block += 2 * half) {
                butterflies(a, block, log2Half, 0, half, twiddles);
            }
        }
    }

    /**
     * Butterflies j in [from, to) of a stage with half-width 2^log2Half on the block at element
     * {@code block}: (x, y) := (x + w^j y, x - w^j y) with w of order 2^(log2Half+1).
     */
    private static void butterflies(long[] a, int block, int log2Half, int from, int to, Twiddles twiddles) {
        int half = 1 << log2Half;
        if (from == 0) {
            FrButterflies.runUnit(a, block, block + half, 1);
            from = 1;
        }
        FrButterflies.run(a, block + from, block + half + from, to - from, twiddles.table(log2Half),
                twiddles.offset(log2Half, from), twiddles.stride(log2Half));
    }
}
