package dev.verity.prover.io;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp2;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;

/**
 * Minimal validity checks for the affine points in the files: coordinates below p and the point
 * on its curve (G1: y^2 = x^3 + 3; G2 twist: y^2 = x^3 + 3/(9+u)). The all-zero encoding is the
 * point at infinity and passes. Subgroup membership is the curve package's business.
 */
final class CurveCheck {
    static final int G1_LIMBS = 8;
    static final int G2_LIMBS = 16;

    private static final MontgomeryField F = Fp.FIELD;
    private static final long[] B1 = F.fromBigInteger(BigInteger.valueOf(3));
    private static final long[] B2 = twistB();

    private CurveCheck() {
    }

    private static long[] twistB() {
        Fp2 f2 = new Fp2();
        long[] b = Fp2.of(BigInteger.valueOf(3), BigInteger.ZERO);
        long[] xi = Fp2.of(BigInteger.valueOf(9), BigInteger.ONE);
        f2.inv(xi, 0, xi, 0);
        f2.mul(b, 0, xi, 0, b, 0);
        return b;
    }

    /** Index of the first of {@code count} Fp elements (4 limbs each) at or above p, or -1. */
    static long firstNonCanonical(long[] limbs, int off, long count) {
        for (long i = 0; i < count; i++) {
            if (!F.isCanonical(limbs, (int) (off + 4 * i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean isZero(long[] p, int off, int limbs) {
        for (int i = 0; i < limbs; i++) {
            if (p[off + i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the G1 affine point (canonical Montgomery coordinates) is infinity or on the curve. */
    static boolean onG1(long[] p, int off) {
        if (isZero(p, off, G1_LIMBS)) {
            return true;
        }
        long[] t = new long[8];
        F.sqr(p, off, t, 0);
        F.mul(t, 0, p, off, t, 0);
        F.add(t, 0, B1, 0, t, 0);
        F.sqr(p, off + 4, t, 4);
        return MontgomeryField.equal(t, 0, t, 4);
    }

    /** Whether the G2 affine point (canonical Montgomery coordinates) is infinity or on the twist. */
    static boolean onG2(long[] p, int off) {
        if (isZero(p, off, G2_LIMBS)) {
            return true;
        }
        Fp2 f2 = new Fp2();
        long[] t = new long[16];
        f2.sqr(p, off, t, 0);
        f2.mul(t, 0, p, off, t, 0);
        f2.add(t, 0, B2, 0, t, 0);
        f2.sqr(p, off + 8, t, 8);
        return Fp2.equal(t, 0, t, 8);
    }

    /**
     * Checks {@code count} G1 points at {@code off}: coordinates canonical and, if
     * {@code onCurve}, each point on the curve. Returns a description of the first problem, or
     * null when all are fine.
     */
    static String checkG1(long[] points, int off, int count, boolean onCurve) {
        return check(points, off, count, G1_LIMBS, onCurve);
    }

    static String checkG2(long[] points, int off, int count, boolean onCurve) {
        return check(points, off, count, G2_LIMBS, onCurve);
    }

    private static String check(long[] points, int off, int count, int limbs, boolean onCurve) {
        long bad = firstNonCanonical(points, off, (long) count * limbs / 4);
        if (bad >= 0) {
            return "point " + bad / (limbs / 4) + " has a coordinate not below p";
        }
        if (onCurve) {
            for (int i = 0; i < count; i++) {
                int at = off + limbs * i;
                if (!(limbs == G1_LIMBS ? onG1(points, at) : onG2(points, at))) {
                    return "point " + i + " is not on the curve";
                }
            }
        }
        return null;
    }
}
