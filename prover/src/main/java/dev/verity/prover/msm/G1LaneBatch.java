package dev.verity.prover.msm;

import dev.verity.prover.field.FieldLanes;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.MontgomeryField;
import java.util.Arrays;

/**
 * The arithmetic of {@link G1Buckets}' batch additions with every intermediate value in SIMD lanes
 * ({@link FieldLanes}): values enter the lanes once (denominators, numerators, x1, x2, y1) and
 * leave once (x3, y3), instead of at every product. Entry j is in lane j mod BLOCK of block j / BLOCK;
 * each lane runs its own Montgomery trick, the BLOCK lane totals share one field inversion.
 * Only for JVMs with the Vector API; one per thread.
 */
final class G1LaneBatch {
    private static final MontgomeryField F = Fp.FIELD;
    private static final int L = MontgomeryField.LIMBS, BLOCK = FieldLanes.BLOCK, SIZE = FieldLanes.SIZE;
    /** Per-block scratch lane blocks. */
    private static final int INV = 0, RUNNING = SIZE, X1 = 2 * SIZE, X2 = 3 * SIZE, Y1 = 4 * SIZE, SLOPE = 5 * SIZE,
            T = 6 * SIZE, U = 7 * SIZE, SLOPE32 = 8 * SIZE;

    private final FieldLanes lanes = new FieldLanes(F);
    /**
     * All lane blocks: the per-block scratch above, then the denominators block after block
     * (from {@code den}), then the running products of each lane (from {@code prefix}).
     */
    private final long[] s;
    private final int den;
    private final int prefix;
    /** The lane totals in four-limb form. */
    private final long[] totals = new long[BLOCK * L];
    private final long[] invertScratch = new long[BLOCK * L];
    /** The sources' offsets with subtractions' complements undone (the lane code reads only x2). */
    private final int[] srcPlain;

    G1LaneBatch(int paddedCapacity) {
        int blocks = paddedCapacity / BLOCK;
        this.den = 9 * SIZE;
        this.prefix = den + blocks * SIZE;
        this.s = new long[prefix + blocks * SIZE];
        this.srcPlain = new int[paddedCapacity];
    }

    /**
     * Finishes a batch whose slopes are num[j] / den[j] (four-limb form, padded to whole blocks with
     * 0 / 1): writes x3, y3 of every entry j &lt; size, or infinity where its kind is {@code cancel}.
     */
    void finish(long[] dst, int[] dstAt, long[] src, int[] srcAt, int size, int padded, long[] num, long[] denAos,
            byte[] kind, byte cancel) {
        long[] s = this.s;
        for (int j = 0; j < size; j++) {
            srcPlain[j] = srcAt[j] < 0 ? ~srcAt[j] : srcAt[j];
        }
        int den = this.den, prefix = this.prefix, blocks = padded / BLOCK;
        for (int k = 0; k < blocks; k++) {
            lanes.load(denAos, k * BLOCK * L, L, s, den + k * SIZE, true);  // 32 den
            if (k == 0) {
                lanes.load(denAos, 0, L, s, prefix, false);
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
            finishBlock(dst, dstAt, src, Math.min(BLOCK, size - k * BLOCK), k * BLOCK, num, kind, cancel);
        }
    }

    /** x3 = lambda^2 - x1 - x2, y3 = lambda (x1 - x3) - y1 for the block of entries from {@code first}. */
    private void finishBlock(long[] dst, int[] dstAt, long[] src, int count, int first, long[] num,
            byte[] kind, byte cancel) {
        if (count <= 0) {
            return;
        }
        long[] s = this.s;
        lanes.load(num, first * L, L, s, T, true);
        lanes.mul(s, T, INV, SLOPE);                           // lambda
        lanes.times32(s, SLOPE, SLOPE32);
        lanes.gather(dst, dstAt, first, count, 0, s, X1, false);
        lanes.gather(src, srcPlain, first, count, 0, s, X2, false);
        lanes.gather(dst, dstAt, first, count, L, s, Y1, false);
        lanes.mul(s, SLOPE32, SLOPE, T);                        // lambda^2
        lanes.sub(s, T, X1, T);
        lanes.sub(s, T, X2, T);                                 // x3
        lanes.sub(s, X1, T, U);                                 // x1 - x3
        lanes.scatter(s, T, dst, dstAt, first, count, 0);
        lanes.mul(s, SLOPE32, U, U);
        lanes.sub(s, U, Y1, U);                                 // y3
        lanes.scatter(s, U, dst, dstAt, first, count, L);
        for (int j = first; j < first + count; j++) {
            if (kind[j] == cancel) {                            // P + (-P): the point at infinity
                Arrays.fill(dst, dstAt[j], dstAt[j] + 2 * L, 0L);
            }
        }
    }
}
