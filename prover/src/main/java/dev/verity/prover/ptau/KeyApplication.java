package dev.verity.prover.ptau;

import dev.verity.prover.curve.BatchMultiplier;
import dev.verity.prover.curve.EndomorphismMul;
import dev.verity.prover.curve.LaneScalarMul;
import dev.verity.prover.curve.SplitScalar;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.field.Simd;
import java.math.BigInteger;
import java.util.stream.IntStream;

/**
 * Multiplies the points of a section by a contribution's secrets: point k (counted from the
 * start of the section) becomes [first * tau^k] point, in place, in parallel over the machine's
 * cores, with endomorphism-split scalar multiplication ({@link EndomorphismMul}, or
 * {@link LaneScalarMul} in SIMD lanes where the Vector API runs). This is the whole cost of a
 * contribution. G2 points must be in G2 (the split relies on psi acting as a
 * scalar there): callers check sections with {@link G2SubgroupCheck}, and keep the output
 * unpublished until the check passed.
 */
final class KeyApplication {
    private static final MontgomeryField FR = Fr.FIELD;
    private static final int TASK_POINTS = 256;
    /** Per thread, G1 and G2 multiplication in SIMD lanes where the Vector API runs (null otherwise). */
    private static final ThreadLocal<LaneScalarMul[]> LANES = Simd.available()
            ? ThreadLocal.withInitial(() -> new LaneScalarMul[] {LaneScalarMul.g1(), LaneScalarMul.g2()}) : null;

    private KeyApplication() {
    }

    /**
     * @param points     {@code count} affine points of {@code section}, point k of the section at
     *                   index k - {@code firstIndex}
     * @param firstIndex the section index of {@code points[0]}
     */
    static void apply(PointSection section, long[] points, int count, long firstIndex, BigInteger first,
            BigInteger tau) {
        long[] firstMont = FR.fromBigInteger(first.mod(Fr.MODULUS));
        long[] tauMont = FR.fromBigInteger(tau.mod(Fr.MODULUS));
        int tasks = (count + TASK_POINTS - 1) / TASK_POINTS;
        IntStream.range(0, tasks).parallel().forEach(task -> {
            int from = task * TASK_POINTS;
            int n = Math.min(count, from + TASK_POINTS) - from;
            EndomorphismMul mul = section.g1 ? EndomorphismMul.g1() : EndomorphismMul.g2();
            BatchMultiplier multiplier = LANES == null ? mul : LANES.get()[section.g1 ? 0 : 1];
            int limbs = section.limbs();
            long[] factor = new long[4];
            FR.pow(tauMont, 0, MontgomeryField.toLimbs(BigInteger.valueOf(firstIndex + from)), factor, 0);
            FR.mul(factor, 0, firstMont, 0, factor, 0);
            int[] offsets = new int[n];
            SplitScalar[] scalars = new SplitScalar[n];
            for (int k = 0; k < n; k++) {
                offsets[k] = (from + k) * limbs;
                scalars[k] = mul.split(FR.toBigInteger(factor, 0));
                FR.mul(factor, 0, tauMont, 0, factor, 0);
            }
            long[] products = new long[n * mul.jacobianLimbs()];
            multiplier.multiply(points, offsets, scalars, n, products, 0);
            mul.group().toAffine(products, 0, n, points, from * limbs);
        });
    }
}
