package dev.verity.prover.field;

/**
 * Montgomery multiplication of {@link #BLOCK} field elements at a time: {@code r_i = a_i · b_i}
 * for i &lt; BLOCK, each element four limbs in the usual layout of {@link MontgomeryField}, the
 * block's elements at consecutive slots. Results equal those of {@link MontgomeryField#mul}
 * limb for limb, and inputs may alias the output.
 *
 * <p>Where the JVM has the Vector API (module {@code jdk.incubator.vector}, which the launcher
 * and the tests add) and the CPU has 256- or 512-bit vectors, the block is multiplied in SIMD
 * lanes ({@code VectorBlockMultiplier}); elsewhere, and with {@code -Dverity.simd=false}, one
 * element after another. Instances own scratch space and are <b>not thread-safe</b>: one per
 * thread.
 */
public interface BlockMultiplier {
    /** Elements per block. */
    int BLOCK = 8;

    /** r_i = a_i · b_i for the BLOCK elements at {@code ao}, {@code bo} and {@code ro}. */
    void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro);

    /**
     * As {@link #mul(long[], int, long[], int, long[], int)} with element i of each operand at
     * offset + i · stride (stride in longs, at least 4): one coordinate of a block of points, or
     * one component of a block of Fp2 elements.
     */
    void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro, int stride);

    /** Whether this instance multiplies in SIMD lanes. */
    boolean vectorized();

    /**
     * Starts compiling the SIMD kernel on a background daemon thread (no-op without SIMD). Until
     * C2 has compiled it, the Vector API runs boxed and many times slower than the scalar code; a
     * command that will multiply in blocks calls this first, so that the compilation overlaps
     * its file reading instead of its first MSM (about a second on two cores).
     */
    static void warmUpInBackground() {
        if (SimdSupport.ENABLED) {
            Thread.ofPlatform().daemon().name("verity-simd-warm-up").start(SimdSupport::warmUp);
        }
    }

    /** A new multiplier for {@code field}: SIMD where available and allowed, scalar otherwise. */
    static BlockMultiplier of(MontgomeryField field) {
        return SimdSupport.ENABLED ? SimdSupport.vectorMultiplier(field) : new ScalarBlockMultiplier(field);
    }
}
