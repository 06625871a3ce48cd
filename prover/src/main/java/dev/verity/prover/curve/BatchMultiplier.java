package dev.verity.prover.curve;

/** Variable-base scalar multiplication of a batch of affine points, each by its own split scalar. */
public interface BatchMultiplier {
    /**
     * For i &lt; count: the Jacobian point at {@code out[outOffset + i * (Jacobian limbs)]} becomes
     * [k_i] P_i, where P_i is the affine point at {@code points[offsets[i]]} (on the curve, or
     * infinity) and k_i the scalar {@code scalars[i]} was split from. The output must not overlap
     * the input points.
     */
    void multiply(long[] points, int[] offsets, SplitScalar[] scalars, int count, long[] out, int outOffset);
}
