package dev.verity.prover.msm;

import dev.verity.prover.field.FieldLanes;
import dev.verity.prover.field.Fp2;
import dev.verity.prover.field.Fp2Lanes;
import java.util.Arrays;

/**
 * {@link G1LaneBatch} for G2: the batch additions of {@link G2Buckets} with every intermediate
 * Fp2 value in SIMD lanes ({@link Fp2Lanes}), slope terms included. Only for JVMs with the Vector
 * API; one per thread.
 */
final class G2LaneBatch {
    private static final int L = Fp2.LIMBS, BLOCK = FieldLanes.BLOCK, SIZE = Fp2Lanes.SIZE;
    /** Per-block scratch Fp2 lane blocks (ZERO is never written), then the products' scratch. */
    private static final int INV = 0, RUNNING = SIZE, SLOPE = 2 * SIZE, T = 3 * SIZE, U = 4 * SIZE, Y2 = 5 * SIZE,
            ZERO = 6 * SIZE, SCRATCH = 7 * SIZE;

    private final Fp2Lanes lanes = new Fp2Lanes(SCRATCH);
    private final Fp2 f = new Fp2();
    /**
     * All lane blocks: the scratch above, then block after block the denominators, the numerators,
     * each lane's running products, and x1, x2, y1 as gathered for the slope terms.
     */
    private final long[] s;
    private final int den;
    private final int num;
    private final int prefix;
    private final int saved;
    private final long[] totals = new long[BLOCK * L];
    private final long[] invertScratch = new long[(BLOCK + 1) * L];
    /** One block of denominators and numerators as Fp2 elements, while exceptional lanes are mended. */
    private final long[] mendDen = new long[BLOCK * L];
    private final long[] mendNum = new long[BLOCK * L];
    private final long[] square = new long[L];
    /** The sources' offsets with subtractions' complements undone. */
    private final int[] srcPlain;
    /** Entries whose sum is the point at infinity (P + (-P)). */
    private final boolean[] cancelled;

    G2LaneBatch(int paddedCapacity) {
        int blocks = paddedCapacity / BLOCK;
        this.den = SCRATCH + Fp2Lanes.SCRATCH;
        this.num = den + blocks * SIZE;
        this.prefix = num + blocks * SIZE;
        this.saved = prefix + blocks * SIZE;
        this.s = new long[saved + 3 * blocks * SIZE];
        this.srcPlain = new int[paddedCapacity];
        this.cancelled = new boolean[paddedCapacity];
    }

    /** As {@link G1LaneBatch#add}, in G2. */
    void add(long[] dst, int[] dstAt, long[] src, int[] srcAt, int size) {
        long[] s = this.s;
        for (int j = 0; j < size; j++) {
            srcPlain[j] = srcAt[j] < 0 ? ~srcAt[j] : srcAt[j];
        }
        int blocks = (size + BLOCK - 1) / BLOCK;
        for (int k = 0; k < blocks; k++) {
            slopeTerms(dst, dstAt, src, srcAt, k * BLOCK, Math.min(BLOCK, size - k * BLOCK), k);
            if (k == 0) {
                System.arraycopy(s, den, s, prefix, SIZE);
            } else {
                lanes.mul(s, prefix + (k - 1) * SIZE, den + k * SIZE, prefix + k * SIZE);
            }
        }
        lanes.store(s, prefix + (blocks - 1) * SIZE, totals, 0, L);
        f.batchInvert(totals, 0, BLOCK, invertScratch);
        lanes.load(totals, 0, L, s, RUNNING);
        for (int k = blocks - 1; k >= 0; k--) {
            if (k > 0) {
                lanes.mul(s, RUNNING, prefix + (k - 1) * SIZE, INV);  // 1 / den of this block
                lanes.mul(s, RUNNING, den + k * SIZE, RUNNING);       // 1 / running product of the block before
            } else {
                System.arraycopy(s, RUNNING, s, INV, SIZE);
            }
            finishBlock(dst, dstAt, src, Math.min(BLOCK, size - k * BLOCK), k * BLOCK, k);
        }
    }

    private void finishBlock(long[] dst, int[] dstAt, long[] src, int count, int first, int k) {
        long[] s = this.s;
        lanes.mul(s, num + k * SIZE, INV, SLOPE);               // lambda
        int x1 = saved + 3 * k * SIZE, x2 = x1 + SIZE, y1 = x2 + SIZE;
        lanes.sqr(s, SLOPE, T);                                 // lambda^2
        lanes.sub(s, T, x1, T);
        lanes.sub(s, T, x2, T);                                 // x3
        lanes.sub(s, x1, T, U);                                 // x1 - x3
        lanes.scatter(s, T, dst, dstAt, first, count, 0);
        lanes.mul(s, SLOPE, U, U);
        lanes.sub(s, U, y1, U);                                 // y3
        lanes.scatter(s, U, dst, dstAt, first, count, L);
        for (int j = first; j < first + count; j++) {
            if (cancelled[j]) {                                 // P + (-P): the point at infinity
                Arrays.fill(dst, dstAt[j], dstAt[j] + 2 * L, 0L);
            }
        }
    }

    /** As in {@link G1LaneBatch}: den_k = x2 - x1, num_k = y2 - y1 (-y2 for a subtraction), mended where x1 = x2. */
    private void slopeTerms(long[] dst, int[] dstAt, long[] src, int[] srcAt, int first, int count, int k) {
        long[] s = this.s;
        int den = this.den + k * SIZE, num = this.num + k * SIZE;
        int x1 = saved + 3 * k * SIZE, x2 = x1 + SIZE, y1 = x2 + SIZE;
        lanes.gather(dst, dstAt, first, count, 0, s, x1);
        lanes.gather(src, srcPlain, first, count, 0, s, x2);
        lanes.gather(dst, dstAt, first, count, L, s, y1);
        lanes.gather(src, srcPlain, first, count, L, s, Y2);
        int subtracted = 0;
        for (int l = 0; l < count; l++) {
            subtracted |= (srcAt[first + l] >>> 31) << l;
            cancelled[first + l] = false;
        }
        if (subtracted != 0) {
            lanes.sub(s, ZERO, Y2, U);
            lanes.select(s, Y2, U, Y2, subtracted);
        }
        lanes.sub(s, x2, x1, den);
        lanes.sub(s, Y2, y1, num);
        int exceptional = lanes.zeroLanes(s, den);   // includes the padding lanes, gathered as 0
        if (exceptional == 0) {
            return;
        }
        lanes.store(s, den, mendDen, 0, L);
        lanes.store(s, num, mendNum, 0, L);
        for (int l = 0; l < BLOCK; l++) {
            if ((exceptional >>> l & 1) != 0) {
                mend(dst, dstAt, src, srcAt, first + l, l < count, l * L);
            }
        }
        lanes.load(mendDen, 0, L, s, den);
        lanes.load(mendNum, 0, L, s, num);
    }

    /** The terms of an entry j whose x1 = x2 (or of a padding lane), at {@code at} of the mend arrays. */
    private void mend(long[] dst, int[] dstAt, long[] src, int[] srcAt, int j, boolean real, int at) {
        if (!real) {
            Fp2.setOne(mendDen, at);
            Fp2.setZero(mendNum, at);
            return;
        }
        int q = srcPlain[j];
        boolean subtract = srcAt[j] < 0;
        if (subtract) {
            f.neg(src, q + L, square, 0);
        }
        cancelled[j] = G2Buckets.equalXTerms(f, dst, dstAt[j], subtract ? square : src, subtract ? 0 : q + L, mendNum,
                mendDen, at, square);
    }
}
