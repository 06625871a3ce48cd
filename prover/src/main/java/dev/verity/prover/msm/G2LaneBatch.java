package dev.verity.prover.msm;

import dev.verity.prover.field.FieldLanes;
import dev.verity.prover.field.Fp2;
import dev.verity.prover.field.Fp2Lanes;
import java.util.Arrays;

/**
 * {@link G1LaneBatch} for G2: the batch additions of {@link G2Buckets} with every intermediate
 * Fp2 value in SIMD lanes ({@link Fp2Lanes}). Only for JVMs with the Vector API; one per thread.
 */
final class G2LaneBatch {
    private static final int L = Fp2.LIMBS, BLOCK = FieldLanes.BLOCK, SIZE = Fp2Lanes.SIZE;
    /** Per-block scratch Fp2 lane blocks, then the products' scratch. */
    private static final int INV = 0, RUNNING = SIZE, X1 = 2 * SIZE, X2 = 3 * SIZE, Y1 = 4 * SIZE, SLOPE = 5 * SIZE,
            T = 6 * SIZE, U = 7 * SIZE, SCRATCH = 8 * SIZE;

    private final Fp2Lanes lanes = new Fp2Lanes(SCRATCH);
    private final Fp2 f = new Fp2();
    /** All lane blocks: the scratch above, then the denominators, then each lane's running products. */
    private final long[] s;
    private final int den;
    private final int prefix;
    private final long[] totals = new long[BLOCK * L];
    private final long[] invertScratch = new long[(BLOCK + 1) * L];
    /** The sources' offsets with subtractions' complements undone (the lane code reads only x2). */
    private final int[] srcPlain;

    G2LaneBatch(int paddedCapacity) {
        int blocks = paddedCapacity / BLOCK;
        this.den = SCRATCH + Fp2Lanes.SCRATCH;
        this.prefix = den + blocks * SIZE;
        this.s = new long[prefix + blocks * SIZE];
        this.srcPlain = new int[paddedCapacity];
    }

    /** As {@link G1LaneBatch#finish}, in Fp2. */
    void finish(long[] dst, int[] dstAt, long[] src, int[] srcAt, int size, int padded, long[] num, long[] denAos,
            byte[] kind, byte cancel) {
        long[] s = this.s;
        for (int j = 0; j < size; j++) {
            srcPlain[j] = srcAt[j] < 0 ? ~srcAt[j] : srcAt[j];
        }
        int den = this.den, prefix = this.prefix, blocks = padded / BLOCK;
        for (int k = 0; k < blocks; k++) {
            lanes.load(denAos, k * BLOCK * L, L, s, den + k * SIZE);
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
            finishBlock(dst, dstAt, src, Math.min(BLOCK, size - k * BLOCK), k * BLOCK, num, kind, cancel);
        }
    }

    private void finishBlock(long[] dst, int[] dstAt, long[] src, int count, int first, long[] num,
            byte[] kind, byte cancel) {
        if (count <= 0) {
            return;
        }
        long[] s = this.s;
        lanes.load(num, first * L, L, s, T);
        lanes.mul(s, T, INV, SLOPE);                           // lambda
        lanes.gather(dst, dstAt, first, count, 0, s, X1);
        lanes.gather(src, srcPlain, first, count, 0, s, X2);
        lanes.gather(dst, dstAt, first, count, L, s, Y1);
        lanes.sqr(s, SLOPE, T);                                 // lambda^2
        lanes.sub(s, T, X1, T);
        lanes.sub(s, T, X2, T);                                 // x3
        lanes.sub(s, X1, T, U);                                 // x1 - x3
        lanes.scatter(s, T, dst, dstAt, first, count, 0);
        lanes.mul(s, SLOPE, U, U);
        lanes.sub(s, U, Y1, U);                                 // y3
        lanes.scatter(s, U, dst, dstAt, first, count, L);
        for (int j = first; j < first + count; j++) {
            if (kind[j] == cancel) {                            // P + (-P): the point at infinity
                Arrays.fill(dst, dstAt[j], dstAt[j] + 2 * L, 0L);
            }
        }
    }
}
