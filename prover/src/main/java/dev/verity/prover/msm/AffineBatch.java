package dev.verity.prover.msm;

/**
 * Many independent affine additions with one shared field inversion (Montgomery's trick), the
 * bucket addition of the MSM offered to other code that sums affine points (key generation).
 * About 6 field multiplications per addition in G1 against about 11 for a mixed Jacobian addition
 * and the later conversion back to affine. One instance per thread.
 */
public final class AffineBatch {
    private final Buckets arithmetic;
    private final int capacity;

    private AffineBatch(Buckets arithmetic, int capacity) {
        this.arithmetic = arithmetic;
        this.capacity = capacity;
    }

    /** For up to {@code capacity} additions per call, in G1. */
    public static AffineBatch g1(int capacity) {
        return new AffineBatch(new G1Buckets(null, 0, 0, capacity, 0, false), capacity);
    }

    /** For up to {@code capacity} additions per call, in G2. */
    public static AffineBatch g2(int capacity) {
        return new AffineBatch(new G2Buckets(null, 0, 0, capacity, 0, false), capacity);
    }

    /**
     * For each {@code j < size}: the affine point at {@code dst[dstAt[j]]} += the affine point at
     * {@code src[srcAt[j]]}, or -= where {@code srcAt[j]} is complemented ({@code ~offset}). Both
     * points must be finite and the destinations distinct; a sum at infinity is written as zeros.
     */
    public void add(long[] dst, int[] dstAt, long[] src, int[] srcAt, int size) {
        if (size > capacity) {
            throw new IllegalArgumentException(size + " additions for a batch of " + capacity);
        }
        if (size > 0) {
            arithmetic.addBatch(dst, dstAt, src, srcAt, size);
        }
    }
}
