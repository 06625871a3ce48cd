package dev.verity.prover.pairing;

import dev.verity.prover.field.Fp2;

/**
 * A G2 point with all the line coefficients of its Miller loop computed in advance, for the
 * multi-Miller loop of {@link Pairing}. Preparing costs roughly a third of a pairing; prepare fixed
 * points (such as the verifying key's beta, gamma and delta) once and reuse them. Immutable and
 * thread-safe.
 */
public final class PreparedG2 {
    /** Affine G2 point size in limbs (x then y, each an Fp2). */
    public static final int AFFINE_LIMBS = 2 * Fp2.LIMBS;

    private final long[] lines;

    private PreparedG2(long[] lines) {
        this.lines = lines;
    }

    /**
     * Prepares the affine G2 point at {@code offset} (16 limbs, Montgomery form; all zeros for
     * the point at infinity). The point must lie in G2; the curve package checks that.
     */
    public static PreparedG2 of(long[] g2Affine, int offset) {
        if (g2Affine == null || offset < 0 || offset + AFFINE_LIMBS > g2Affine.length) {
            throw new IllegalArgumentException("a G2 affine point needs " + AFFINE_LIMBS + " limbs at offset " + offset);
        }
        if (isZero(g2Affine, offset)) {
            return new PreparedG2(null);
        }
        LineSteps steps = new LineSteps();
        Fp2 f2 = new Fp2();
        long[] lines = new long[AteLoop.LINE_COUNT * LineSteps.LINE_LIMBS];
        long[] point = new long[LineSteps.POINT_LIMBS];
        long[] q = new long[2 * AFFINE_LIMBS];      // Q, then -Q (and later the Frobenius images)
        final int negQ = AFFINE_LIMBS;
        System.arraycopy(g2Affine, offset, q, 0, AFFINE_LIMBS);
        Fp2.copy(q, 0, q, negQ);
        f2.neg(q, Fp2.LIMBS, q, negQ + Fp2.LIMBS);

        LineSteps.setAffine(q, 0, point);
        int at = 0;
        for (int i = 1; i < AteLoop.DIGITS.length; i++) {
            steps.doubleStep(point, lines, at);
            at += LineSteps.LINE_LIMBS;
            if (AteLoop.DIGITS[i] != 0) {
                steps.addStep(point, q, AteLoop.DIGITS[i] > 0 ? 0 : negQ, lines, at);
                at += LineSteps.LINE_LIMBS;
            }
        }
        // T = (6x + 2) Q; the optimal ate pairing adds the lines to pi(Q) and to -pi^2(Q).
        final int frobenius1 = 0, frobenius2 = AFFINE_LIMBS;
        steps.frobenius(g2Affine, offset, 1, q, frobenius1);
        steps.frobenius(g2Affine, offset, 2, q, frobenius2);
        f2.neg(q, frobenius2 + Fp2.LIMBS, q, frobenius2 + Fp2.LIMBS);
        steps.addStep(point, q, frobenius1, lines, at);
        at += LineSteps.LINE_LIMBS;
        steps.addStep(point, q, frobenius2, lines, at);
        return new PreparedG2(lines);
    }

    /** Whether this is the point at infinity, whose pairing with anything is 1. */
    public boolean isInfinity() {
        return lines == null;
    }

    /** The line coefficients, {@link AteLoop#LINE_COUNT} lines of three Fp2 values; do not modify. */
    long[] lines() {
        return lines;
    }

    private static boolean isZero(long[] a, int ao) {
        for (int i = 0; i < AFFINE_LIMBS; i++) {
            if (a[ao + i] != 0) {
                return false;
            }
        }
        return true;
    }
}
