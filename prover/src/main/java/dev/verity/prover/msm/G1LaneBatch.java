package dev.verity.prover.msm;

import dev.verity.prover.field.FieldLanes;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.MontgomeryField;
import java.util.Arrays;

/**
 * The batch additions of {@link G1Buckets} with every intermediate value in SIMD lanes
 * ({@link FieldLanes}): the coordinates enter the lanes once (gathered straight from the bucket and
 * base arrays) and the sums leave once (scattered back). Entry j is in lane j mod BLOCK
 * of block j / BLOCK; each lane runs its own Montgomery trick, the BLOCK lane totals share one
 * field inversion. Only for JVMs with the Vector API; one per thread.
 *
 * <p>The slopes' numerators and denominators are differences in lanes too. A denominator that is 0
 * mod q marks the rare entries that are not plain additions (P + P, P + (-P)) and the padding of
 * the last block; only those lanes leave the lanes to be mended in scalar code.
 */
final class G1LaneBatch {
    private static final MontgomeryField F = Fp.FIELD;
    private static final int L = MontgomeryField.LIMBS, BLOCK = FieldLanes.BLOCK, SIZE = FieldLanes.SIZE;
    /** Per-block scratch lane blocks; ZERO is never written. */
    private static final int INV = 0, RUNNING = SIZE, SLOPE = 2 * SIZE, SLOPE32 = 3 * SIZE, T = 4 * SIZE, U = 5 * SIZE,
            Y2 = 6 * SIZE, ZERO = 7 * SIZE;

    private final FieldLanes lanes = new FieldLanes(F);
    /**
     * All lane blocks: the per-block scratch above, then block after block the denominators and the
     * numerators (both as 32 times their value, first factors of products), the running products of
     * each lane's denominators, and x1, x2, y1 as gathered for the slope terms, kept for the sums
     * (measured 3-8% faster than gathering them again).
     */
    private final long[] s;
    private final int den;
    private final int num;
    private final int prefix;
    private final int saved;
    /** The lane totals in four-limb form. */
    private final long[] totals = new long[BLOCK * L];
    private final long[] invertScratch = new long[BLOCK * L];
    /** One block of denominators and numerators in four-limb form, while exceptional lanes are mended. */
    private final long[] mendDen = new long[BLOCK * L];
    private final long[] mendNum = new long[BLOCK * L];
    private final long[] square = new long[L];
    /** The sources' offsets with subtractions' complements undone. */
    private final int[] srcPlain;
    /** Entries whose sum is the point at infinity (P + (-P)). */
    private final boolean[] cancelled;

    G1LaneBatch(int paddedCapacity) {
        int blocks = paddedCapacity / BLOCK;
        this.den = 8 * SIZE;
        this.num = den + blocks * SIZE;
        this.prefix = num + blocks * SIZE;
        this.saved = prefix + blocks * SIZE;
        this.s = new long[saved + 3 * blocks * SIZE];
        this.srcPlain = new int[paddedCapacity];
        this.cancelled = new boolean[paddedCapacity];
    }

    /**
     * For each {@code j < size}: the affine point at {@code dst[dstAt[j]]} += the affine point at
     * {@code src[srcAt[j]]} (subtracted where {@code srcAt[j]} is complemented), size &gt; 0. Both
     * points are finite, canonical, and the destinations distinct; a sum at infinity is written as
     * zeros.
     */
    void add(long[] dst, int[] dstAt, long[] src, int[] srcAt, int size) {
        long[] s = this.s;
        for (int j = 0; j < size; j++) {
            srcPlain[j] = srcAt[j] < 0 ? ~srcAt[j] : srcAt[j];
        }
        int blocks = (size + BLOCK - 1) / BLOCK;
        for (int k = 0; k < blocks; k++) {
            slopeTerms(dst, dstAt, src, srcAt, k * BLOCK, Math.min(BLOCK, size - k * BLOCK), k);
            if (k == 0) {
                System.arraycopy(s, T, s, prefix, SIZE);  // the plain denominators slopeTerms leaves in T
            } else {
                lanes.mul(s, den + k * SIZE, prefix + (k - 1) * SIZE, prefix + k * SIZE);
            }
        }
        // 1 / (lane totals), one inversion for all lanes
        lanes.store(s, prefix + (blocks - 1) * SIZE, totals, 0, L);
        F.batchInvert(totals, 0, BLOCK, invertScratch);
        lanes.load(totals, 0, L, s, RUNNING, false);
        for (int k = blocks - 1; k >= 0; k--) {
            if (k > 0) {
                lanes.times32(s, RUNNING, T);
                lanes.mul(s, T, prefix + (k - 1) * SIZE, INV);        // 1 / den of this block
                lanes.mul(s, den + k * SIZE, RUNNING, RUNNING);       // 1 / running product of the block before
            } else {
                System.arraycopy(s, RUNNING, s, INV, SIZE);
            }
            finishBlock(dst, dstAt, src, Math.min(BLOCK, size - k * BLOCK), k * BLOCK, k);
        }
    }

    /** x3 = lambda^2 - x1 - x2, y3 = lambda (x1 - x3) - y1 for the block k of entries from {@code first}. */
    private void finishBlock(long[] dst, int[] dstAt, long[] src, int count, int first, int k) {
        long[] s = this.s;
        lanes.mul(s, num + k * SIZE, INV, SLOPE);              // lambda
        lanes.times32(s, SLOPE, SLOPE32);
        int x1 = saved + 3 * k * SIZE, x2 = x1 + SIZE, y1 = x2 + SIZE;
        lanes.mul(s, SLOPE32, SLOPE, T);                        // lambda^2
        lanes.sub(s, T, x1, T);
        lanes.sub(s, T, x2, T);                                 // x3
        lanes.sub(s, x1, T, U);                                 // x1 - x3
        lanes.scatter(s, T, dst, dstAt, first, count, 0);
        lanes.mul(s, SLOPE32, U, U);
        lanes.sub(s, U, y1, U);                                 // y3
        lanes.scatter(s, U, dst, dstAt, first, count, L);
        for (int j = first; j < first + count; j++) {
            if (cancelled[j]) {                                 // P + (-P): the point at infinity
                Arrays.fill(dst, dstAt[j], dstAt[j] + 2 * L, 0L);
            }
        }
    }

    /**
     * The slope terms of the block of {@code count} entries from {@code first} (block k): den_k =
     * x2 - x1 and num_k = y2 - y1 (-y2 for a subtraction), both times 32, and den_k plain in T. An
     * entry with x1 = x2 is a doubling (3 x1^2 / (2 y1)) or a cancellation (0 / 1, and its sum is
     * infinity); padding lanes take 0 / 1.
     */
    private void slopeTerms(long[] dst, int[] dstAt, long[] src, int[] srcAt, int first, int count, int k) {
        long[] s = this.s;
        int x1 = saved + 3 * k * SIZE, x2 = x1 + SIZE, y1 = x2 + SIZE;
        lanes.gather(dst, dstAt, first, count, 0, s, x1, false);
        lanes.gather(src, srcPlain, first, count, 0, s, x2, false);
        lanes.gather(dst, dstAt, first, count, L, s, y1, false);
        lanes.gather(src, srcPlain, first, count, L, s, Y2, false);
        int subtracted = 0;
        for (int l = 0; l < count; l++) {
            subtracted |= (srcAt[first + l] >>> 31) << l;
            cancelled[first + l] = false;
        }
        if (subtracted != 0) {
            lanes.sub(s, ZERO, Y2, U);
            lanes.select(s, Y2, U, Y2, subtracted);
        }
        lanes.sub(s, x2, x1, T);
        lanes.sub(s, Y2, y1, U);
        int exceptional = lanes.zeroLanes(s, T);   // includes the padding lanes, gathered as 0
        if (exceptional == 0) {
            lanes.times32(s, T, den + k * SIZE);
            lanes.times32(s, U, num + k * SIZE);
            return;
        }
        lanes.store(s, T, mendDen, 0, L);
        lanes.store(s, U, mendNum, 0, L);
        for (int l = 0; l < BLOCK; l++) {
            if ((exceptional >>> l & 1) != 0) {
                mend(dst, dstAt, src, srcAt, first + l, l < count, l * L);
            }
        }
        lanes.load(mendDen, 0, L, s, T, false);
        lanes.load(mendDen, 0, L, s, den + k * SIZE, true);
        lanes.load(mendNum, 0, L, s, num + k * SIZE, true);
    }

    /** The terms of an entry j whose x1 = x2 (or of a padding lane), at {@code at} of the mend arrays. */
    private void mend(long[] dst, int[] dstAt, long[] src, int[] srcAt, int j, boolean real, int at) {
        if (!real) {
            F.setOne(mendDen, at);
            F.setZero(mendNum, at);
            return;
        }
        int q = srcPlain[j];
        boolean subtract = srcAt[j] < 0;
        if (subtract) {
            F.neg(src, q + L, square, 0);
        }
        cancelled[j] = G1Buckets.equalXTerms(dst, dstAt[j], subtract ? square : src, subtract ? 0 : q + L, mendNum,
                mendDen, at, square);
    }
}
