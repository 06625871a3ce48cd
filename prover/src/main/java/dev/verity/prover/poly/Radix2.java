package dev.verity.prover.poly;

import dev.verity.prover.field.FieldLanes;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.field.Simd;

/**
 * The two radix-2 transform engines behind {@link Ntt}, each the mirror of the other so that no
 * permutation is needed between them:
 * <ul>
 *   <li>{@link #evaluate}: decimation in time (Cooley-Tukey), coefficients in bit-reversed order to
 *       values in natural order;</li>
 *   <li>{@link #interpolate}: decimation in frequency (Gentleman-Sande) with the inverse roots,
 *       values in natural order to coefficients in bit-reversed order, each scaled on the way out.</li>
 * </ul>
 *
 * <p>Both run in two passes over memory: the low levels as independent transforms of blocks that
 * fit in a core's cache, the high levels all at once on cache-sized groups of columns (their
 * butterflies only pair elements congruent modulo the block size M, so for each residue they form
 * a small transform of the elements r, r + M, r + 2M, ...). Blocks and groups are independent
 * tasks on the common ForkJoin pool.
 */
final class Radix2 {
    private static final MontgomeryField F = Fr.FIELD;
    /** Sub-transforms of at most 2^LEAF_LOG2 elements (32 KiB) run their levels one after another. */
    private static final int LEAF_LOG2 = 10;
    /**
     * Blocks of 2^BLOCK_LOG2 elements (256 KiB) fit in a core's L2 cache, with the twiddles of
     * their levels, which all come from the small shared table.
     */
    private static final int BLOCK_LOG2 = Twiddles.LOW_LOG2;
    /** Transforms smaller than twice this run as one block, on one thread. */
    private static final int PARALLEL_MIN = 1 << 12;
    /** Elements per group of columns in the high-level pass: 256 KiB. */
    private static final int GROUP_ELEMENTS = 1 << 13;
    /**
     * Transforms of at least 2^LANES_MIN_LOG2 elements run their butterflies in SIMD lanes
     * ({@link LaneButterflies}) where the Vector API runs; as for the MSM, smaller ones finish
     * before C2 has compiled the lane code, which until then runs many times slower than scalar code.
     */
    private static final int LANES_MIN_LOG2 = 17;

    private Radix2() {
    }

    /**
     * a_i := sum_k c_k w^(ik) for 0 &lt;= i &lt; n = 2^log2n, where c_k is held at position
     * bit-reverse(k). Values enter canonical (or anywhere below 4r) and leave canonical.
     */
    static void evaluate(long[] a, int log2n) {
        if (log2n == 0) {
            FrButterflies.normalize(a, 0, 1);
            return;
        }
        Twiddles twiddles = Twiddles.atLeast(log2n);
        boolean lanes = inLanes(log2n);
        int log2Block = log2Block(log2n);
        int blockSize = 1 << log2Block;
        boolean blocksAreLast = log2Block == log2n;
        ParallelRange.forEach(0, 1 << (log2n - log2Block), 1, (from, to) -> {
            for (int b = from; b < to; b++) {
                int base = b << log2Block;
                dit(a, base, log2Block, twiddles, lanes);
                if (blocksAreLast) {
                    FrButterflies.normalize(a, base, base + blockSize);
                }
            }
        });
        if (!blocksAreLast) {
            highLevels(a, log2n, log2Block, twiddles, false, lanes);
        }
    }

    /**
     * From values y_i at w^i, natural order, to scaled coefficients: position bit-reverse(k) gets
     * scale * ratio^k * sum_i y_i w^(-ik) (ratio null meaning 1), canonical. The sum is n c_k for
     * the coefficients c_k of the polynomial through the values, so scale = 1/n gives c_k ratio^k.
     * Values enter canonical (or anywhere below 2r); scale and ratio are canonical.
     */
    static void interpolate(long[] a, int log2n, long[] scale, long[] ratio) {
        if (log2n == 0) {
            FrButterflies.multiply(a, 0, 1, scale, 0, 0);
            FrButterflies.normalize(a, 0, 1);
            return;
        }
        Twiddles twiddles = Twiddles.atLeast(log2n);
        boolean lanes = inLanes(log2n);
        int log2Block = log2Block(log2n);
        int blockSize = 1 << log2Block;
        int log2Blocks = log2n - log2Block;
        if (log2Blocks > 0) {
            highLevels(a, log2n, log2Block, twiddles, true, lanes);
        }
        // Position b M + i holds coefficient k = rev(i) 2^log2Blocks + rev(b) (bit reversals over
        // log2Block and log2Blocks bits), so ratio^k = (ratio^(2^log2Blocks))^rev(i) * ratio^rev(b):
        // one table of M factors shared by all blocks, and one factor per block.
        long[] inBlock = ratio == null ? null : bitReversedPowers(power(ratio, 1L << log2Blocks), log2Block);
        ParallelRange.forEach(0, 1 << log2Blocks, 1, (from, to) -> {
            long[] blockFactor = new long[4];
            for (int b = from; b < to; b++) {
                int base = b << log2Block;
                dif(a, base, log2Block, twiddles, lanes);
                if (inBlock != null) {
                    multiply(lanes, a, base, base + blockSize, inBlock, 4);
                    long reversedB = log2Blocks == 0 ? 0 : Integer.reverse(b) >>> (32 - log2Blocks);
                    F.pow(ratio, 0, new long[] {reversedB}, blockFactor, 0);
                    F.mul(blockFactor, 0, scale, 0, blockFactor, 0);
                    multiply(lanes, a, base, base + blockSize, blockFactor, 0);
                } else {
                    multiply(lanes, a, base, base + blockSize, scale, 0);
                }
                FrButterflies.normalize(a, base, base + blockSize);
            }
        });
    }

    private static boolean inLanes(int log2n) {
        return log2n >= LANES_MIN_LOG2 && Simd.available();
    }

    /**
     * Whether a level of a leaf runs as {@link LaneButterflies#runNarrow}: half-widths 2 and 4, whose
     * blocks are narrower than a lane block (half-width 1 has no products, and wider levels fill
     * whole lane blocks in {@link #cooleyTukey} and {@link #gentlemanSande}).
     */
    private static boolean narrowInLanes(boolean lanes, int log2Half, int log2Size) {
        return lanes && (log2Half == 1 || log2Half == 2) && log2Size >= 4;
    }

    /** a_i := a_i f_(i - from), the factors from f[0] with stride fStride (0: one factor). */
    private static void multiply(boolean lanes, long[] a, int from, int to, long[] f, int fStride) {
        if (lanes) {
            LaneButterflies.get().multiply(a, from, to, f, 0, fStride);
        } else {
            FrButterflies.multiply(a, from, to, f, 0, fStride);
        }
    }

    /** Block size: the whole transform when small, else cache-sized and at least two blocks. */
    private static int log2Block(int log2n) {
        return (1 << log2n) >= 2 * PARALLEL_MIN ? Math.min(BLOCK_LOG2, log2n - 1) : log2n;
    }

    /**
     * Levels log2Block .. log2n-1 on groups of consecutive residues modulo the block size: upwards
     * with Cooley-Tukey butterflies ending in canonical form, or downwards with Gentleman-Sande ones.
     */
    private static void highLevels(long[] a, int log2n, int log2Block, Twiddles twiddles, boolean inverse,
            boolean lanes) {
        int n = 1 << log2n;
        int blockSize = 1 << log2Block;
        int columns = 1 << (log2n - log2Block);
        // At least two residues, so that whole cache lines are used.
        int group = Math.min(blockSize, Math.max(2, GROUP_ELEMENTS / columns));
        ParallelRange.forEach(0, blockSize / group, 1, (from, to) -> {
            for (int g = from; g < to; g++) {
                int r = g * group;
                for (int level = 0; level < log2n - log2Block; level++) {
                    int log2Half = inverse ? log2n - 1 - level : log2Block + level;
                    int half = 1 << log2Half;
                    for (int block = 0; block < n; block += 2 * half) {
                        for (int t = r; t < half; t += blockSize) {
                            if (inverse) {
                                gentlemanSande(a, block, log2Half, t, t + group, twiddles, lanes);
                            } else {
                                cooleyTukey(a, block, log2Half, t, t + group, twiddles, lanes);
                            }
                        }
                    }
                }
                if (!inverse) {
                    for (int at = r; at < n; at += blockSize) {
                        FrButterflies.normalize(a, at, at + group);
                    }
                }
            }
        });
    }

    /** All levels of a block holding bit-reversed coefficients, depth first. */
    private static void dit(long[] a, int base, int log2Size, Twiddles twiddles, boolean lanes) {
        if (log2Size <= LEAF_LOG2) {
            int end = base + (1 << log2Size);
            for (int log2Half = 0; log2Half < log2Size; log2Half++) {
                if (narrowInLanes(lanes, log2Half, log2Size)) {
                    LaneButterflies.get().runNarrow(a, base, end, log2Half, twiddles.table(log2Half),
                            twiddles.offset(log2Half, 0), twiddles.stride(log2Half), false);
                    continue;
                }
                int half = 1 << log2Half;
                for (int block = base; block < end; block += 2 * half) {
                    cooleyTukey(a, block, log2Half, 0, half, twiddles, lanes);
                }
            }
            return;
        }
        int log2Half = log2Size - 1;
        int half = 1 << log2Half;
        dit(a, base, log2Half, twiddles, lanes);
        dit(a, base + half, log2Half, twiddles, lanes);
        cooleyTukey(a, base, log2Half, 0, half, twiddles, lanes);
    }

    /** All levels of a block of values, depth first: the mirror of {@link #dit}. */
    private static void dif(long[] a, int base, int log2Size, Twiddles twiddles, boolean lanes) {
        if (log2Size <= LEAF_LOG2) {
            int end = base + (1 << log2Size);
            for (int log2Half = log2Size - 1; log2Half >= 0; log2Half--) {
                if (narrowInLanes(lanes, log2Half, log2Size)) {
                    LaneButterflies.get().runNarrow(a, base, end, log2Half, twiddles.table(log2Half),
                            twiddles.offset(log2Half, 0), twiddles.stride(log2Half), true);
                    continue;
                }
                int half = 1 << log2Half;
                for (int block = base; block < end; block += 2 * half) {
                    gentlemanSande(a, block, log2Half, 0, half, twiddles, lanes);
                }
            }
            return;
        }
        int log2Half = log2Size - 1;
        int half = 1 << log2Half;
        gentlemanSande(a, base, log2Half, 0, half, twiddles, lanes);
        dif(a, base, log2Half, twiddles, lanes);
        dif(a, base + half, log2Half, twiddles, lanes);
    }

    /**
     * Butterflies j in [from, to) of a level with half-width h = 2^log2Half on the block at element
     * {@code block}: (x, y) := (x + w^j y, x - w^j y), w of order 2h.
     */
    private static void cooleyTukey(long[] a, int block, int log2Half, int from, int to, Twiddles twiddles,
            boolean lanes) {
        int half = 1 << log2Half;
        long[] w = twiddles.table(log2Half);
        int wStride = twiddles.stride(log2Half);
        if (lanes && to - from >= FieldLanes.BLOCK) {
            // the table holds w^0 = 1, so the lanes take butterfly 0 along with the others
            LaneButterflies.get().run(a, block + from, block + half + from, to - from, w,
                    twiddles.offset(log2Half, from), wStride);
            return;
        }
        if (from == 0) {
            FrButterflies.runUnit(a, block, block + half, 1);
            from = 1;
        }
        FrButterflies.run(a, block + from, block + half + from, to - from, w, twiddles.offset(log2Half, from), wStride);
    }

    /**
     * The inverse butterflies (x, y) := (x + y, (x - y) w^-j) for j in [from, to), written as
     * (y - x) w^(h-j) since w^h = -1, so that they read the same twiddles as {@link #cooleyTukey}.
     */
    private static void gentlemanSande(long[] a, int block, int log2Half, int from, int to, Twiddles twiddles,
            boolean lanes) {
        int half = 1 << log2Half;
        long[] w = twiddles.table(log2Half);
        int wStride = twiddles.stride(log2Half);
        if (lanes && to - from >= FieldLanes.BLOCK) {
            // factor w^(h - j) at offset(0) + (h - j) stride; for j = 0 it is w^h = -1, which the
            // table does not hold and the lanes supply
            LaneButterflies.get().runInverse(a, block + from, block + half + from, to - from, w,
                    twiddles.offset(log2Half, 0) + (half - from) * wStride, -wStride, from == 0);
            return;
        }
        if (from == 0) {
            FrButterflies.runInverseUnit(a, block, block + half, 1);
            from = 1;
        }
        FrButterflies.runInverse(a, block + from, block + half + from, to - from, w,
                twiddles.offset(log2Half, half - from), -wStride);
    }

    /** g^rev(i) at element i for i &lt; 2^bits, rev reversing {@code bits} bits. */
    private static long[] bitReversedPowers(long[] g, int bits) {
        int size = 1 << bits;
        long[] out = new long[4 * size];
        F.setOne(out, 0);
        // rev(i + m) = rev(i) + size/(2m) for i < m: each doubling multiplies the first half by
        // g^(size/(2m)), the powers g^(2^e) taken from the top down.
        long[] squares = new long[4 * Math.max(bits, 1)];
        MontgomeryField.copy(g, 0, squares, 0);
        for (int e = 1; e < bits; e++) {
            F.sqr(squares, 4 * (e - 1), squares, 4 * e);
        }
        for (int m = 1, e = bits - 1; m < size; m <<= 1, e--) {
            for (int i = 0; i < m; i++) {
                F.mul(out, 4 * i, squares, 4 * e, out, 4 * (i + m));
            }
        }
        return out;
    }

    private static long[] power(long[] base, long exponent) {
        long[] out = new long[4];
        F.pow(base, 0, new long[] {exponent}, out, 0);
        return out;
    }
}
