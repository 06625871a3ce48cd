package dev.verity.prover.ptau;

import dev.verity.prover.curve.CurveArithmetic;
import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.stream.IntStream;

/**
 * Multiplies the points of a section by a contribution's secrets: point k (counted from the
 * start of the section) becomes [first * tau^k] point, in place, in parallel over the machine's
 * cores. This is the whole cost of a contribution.
 */
final class KeyApplication {
    private static final MontgomeryField FR = Fr.FIELD;
    private static final int TASK_POINTS = 256;

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
            int to = Math.min(count, from + TASK_POINTS);
            CurveArithmetic group = section.g1 ? new G1() : new G2();
            int limbs = section.limbs();
            int jacobian = section.g1 ? G1.JACOBIAN : G2.JACOBIAN;
            long[] factor = new long[4];
            FR.pow(tauMont, 0, MontgomeryField.toLimbs(BigInteger.valueOf(firstIndex + from)), factor, 0);
            FR.mul(factor, 0, firstMont, 0, factor, 0);
            long[] products = new long[(to - from) * jacobian];
            for (int k = from; k < to; k++) {
                long[] product = group.mul(points, k * limbs, FR.toBigInteger(factor, 0));
                System.arraycopy(product, 0, products, (k - from) * jacobian, jacobian);
                FR.mul(factor, 0, tauMont, 0, factor, 0);
            }
            group.toAffine(products, 0, to - from, points, from * limbs);
        });
    }
}
