package dev.verity.prover.msm;

import java.util.Arrays;

/**
 * Moves one block of a batch's coordinates between the points (anywhere in their arrays) and a
 * contiguous staging array that the lane code loads and stores: shared by {@link G1LaneBatch} and
 * {@link G2LaneBatch}, whose coordinates are {@code limbs} longs (4 in Fp, 8 in Fp2).
 */
final class LaneStaging {
    private LaneStaging() {
    }

    /**
     * Coordinate {@code coordinate} (0 for x, limbs for y) of the points at at[first .. first + count)
     * (complemented offsets allowed where {@code complemented}) into {@code staged}; zeros up to a
     * whole block.
     */
    static void gather(long[] points, int[] at, int first, int count, int coordinate, boolean complemented,
            long[] staged, int limbs) {
        for (int i = 0; i < count; i++) {
            int o = at[first + i];
            if (complemented && o < 0) {
                o = ~o;
            }
            System.arraycopy(points, o + coordinate, staged, i * limbs, limbs);
        }
        Arrays.fill(staged, count * limbs, dev.verity.prover.field.FieldLanes.BLOCK * limbs, 0L);
    }

    /**
     * The sums (x3, y3) of the block's entries into their destinations, or the point at infinity
     * (all zeros) for entries of kind {@code cancel} (P + (-P)).
     */
    static void scatter(long[] x3, long[] y3, long[] dst, int[] dstAt, int first, int count, byte[] kind, byte cancel,
            int limbs) {
        for (int i = 0; i < count; i++) {
            int j = first + i, o = dstAt[j];
            if (kind[j] == cancel) {
                Arrays.fill(dst, o, o + 2 * limbs, 0L);
            } else {
                System.arraycopy(x3, i * limbs, dst, o, limbs);
                System.arraycopy(y3, i * limbs, dst, o + limbs, limbs);
            }
        }
    }
}
