package dev.verity.prover.pairing;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp12;
import dev.verity.prover.field.Fp2;
import dev.verity.prover.field.MontgomeryField;

/**
 * The multi-Miller loop: one accumulator for all pairs, squared once per loop digit, multiplied by
 * every pair's line value at each step. Not thread-safe (scratch space); one instance per thread.
 */
final class MillerLoop {
    private static final MontgomeryField F = Fp.FIELD;
    private static final int G1_LIMBS = 2 * MontgomeryField.LIMBS;

    private final Fp12 f12 = new Fp12();
    private final Fp2 f2 = new Fp2();
    private final long[] line = new long[LineSteps.LINE_LIMBS];

    /**
     * The product over i < count of f_Q(P) for the affine G1 points P in {@code g1Points} (8 limbs
     * each) and the prepared {@code g2Points}; pairs with a point at infinity are skipped (factor 1).
     */
    long[] evaluate(long[] g1Points, PreparedG2[] g2Points, int count) {
        int[] active = new int[count];
        int activeCount = 0;
        for (int i = 0; i < count; i++) {
            if (!g2Points[i].isInfinity() && !isG1Infinity(g1Points, i * G1_LIMBS)) {
                active[activeCount++] = i;
            }
        }
        long[] f = Fp12.one();
        int at = 0;
        for (int d = 1; d < AteLoop.DIGITS.length; d++) {
            if (d > 1) {
                f12.sqr(f, 0, f, 0);
            }
            multiplyLines(f, g1Points, g2Points, active, activeCount, at);
            at += LineSteps.LINE_LIMBS;
            if (AteLoop.DIGITS[d] != 0) {
                multiplyLines(f, g1Points, g2Points, active, activeCount, at);
                at += LineSteps.LINE_LIMBS;
            }
        }
        for (int frobeniusStep = 0; frobeniusStep < 2; frobeniusStep++) {
            multiplyLines(f, g1Points, g2Points, active, activeCount, at);
            at += LineSteps.LINE_LIMBS;
        }
        return f;
    }

    /** f *= a yP + b xP w + c w^3 for the line (a, b, c) at {@code at} of every active pair. */
    private void multiplyLines(long[] f, long[] g1Points, PreparedG2[] g2Points, int[] active, int activeCount, int at) {
        for (int k = 0; k < activeCount; k++) {
            int i = active[k];
            long[] lines = g2Points[i].lines();
            int px = i * G1_LIMBS, py = px + MontgomeryField.LIMBS;
            f2.mulByFp(lines, at, g1Points, py, line, 0);
            f2.mulByFp(lines, at + Fp2.LIMBS, g1Points, px, line, Fp2.LIMBS);
            Fp2.copy(lines, at + 2 * Fp2.LIMBS, line, 2 * Fp2.LIMBS);
            f12.mulBy034(f, 0, line, 0, f, 0);
        }
    }

    private static boolean isG1Infinity(long[] points, int offset) {
        return F.isZero(points, offset) && F.isZero(points, offset + MontgomeryField.LIMBS);
    }
}
