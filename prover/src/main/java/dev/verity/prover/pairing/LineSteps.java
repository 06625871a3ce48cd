package dev.verity.prover.pairing;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp12;
import dev.verity.prover.field.Fp2;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;

/**
 * Miller-loop steps on the twist E'(Fp2): y^2 = x^3 + 3 / (9 + u), with the running point T in
 * homogeneous projective coordinates (X : Y : Z), x = X / Z, y = Y / Z, so no step inverts.
 *
 * <p>Each step updates T and writes the line through the points it combines as three Fp2
 * coefficients (a, b, c). Untwisted by (x, y) -> (x w^2, y w^3), the line evaluated at a G1 point
 * P = (xP, yP) is a yP + b xP w + c w^3, up to a factor in a proper subfield of Fp12 that the
 * final exponentiation removes; {@link dev.verity.prover.field.Fp12#mulBy034} multiplies by it.
 * The line vanishes at every twist point (x, y) it passes through: a y + b x + c = 0.
 *
 * <p>Not thread-safe (scratch space); one instance per thread.
 */
final class LineSteps {
    /** Limbs of a line: three Fp2 coefficients. */
    static final int LINE_LIMBS = 3 * Fp2.LIMBS;
    /** Limbs of T: X, Y, Z in Fp2. */
    static final int POINT_LIMBS = 3 * Fp2.LIMBS;

    private static final MontgomeryField F = Fp.FIELD;
    private static final int X = 0, Y = Fp2.LIMBS, Z = 2 * Fp2.LIMBS;
    private static final int A = 0, B = Fp2.LIMBS, C = 2 * Fp2.LIMBS;
    /** 3 b' for the twist coefficient b' = 3 / (9 + u). */
    private static final long[] THREE_TWIST_B = threeTwistB();
    private static final long[] HALF = F.fromBigInteger(BigInteger.TWO.modInverse(Fp.MODULUS));
    /** Constants of the Frobenius endomorphism on the twist (see {@link #frobenius}). */
    private static final long[] FROBENIUS_X1 = Fp12.frobeniusCoefficient(1, 2);
    private static final long[] FROBENIUS_Y1 = Fp12.frobeniusCoefficient(1, 3);
    private static final long[] FROBENIUS_X2 = Fp12.frobeniusCoefficient(2, 2);
    private static final long[] FROBENIUS_Y2 = Fp12.frobeniusCoefficient(2, 3);

    private final Fp2 f2 = new Fp2();
    private final long[] t = new long[10 * Fp2.LIMBS];

    private static long[] threeTwistB() {
        Fp2 f2 = new Fp2();
        long[] b = Fp2.of(BigInteger.valueOf(9), BigInteger.ONE);
        f2.inv(b, 0, b, 0);
        long[] three = Fp2.of(BigInteger.valueOf(9), BigInteger.ZERO);     // 3 * 3
        f2.mul(b, 0, three, 0, b, 0);
        return b;
    }

    /** Sets T to the affine point q (16 limbs at qo) with Z = 1. */
    static void setAffine(long[] q, int qo, long[] point) {
        Fp2.copy(q, qo, point, X);
        Fp2.copy(q, qo + Fp2.LIMBS, point, Y);
        Fp2.setOne(point, Z);
    }

    /**
     * r = pi^k(q) for k = 1 or 2 (affine, 16 limbs): the p^k-power Frobenius of E(Fp12) pulled
     * back to the twist, (conj^k(x) w^(2 (p^k - 1)), conj^k(y) w^(3 (p^k - 1))). On G2 it acts
     * as multiplication by p^k.
     */
    void frobenius(long[] q, int qo, int k, long[] r, int ro) {
        if (k == 1) {
            f2.conjugate(q, qo, r, ro);
            f2.mul(r, ro, FROBENIUS_X1, 0, r, ro);
            f2.conjugate(q, qo + Fp2.LIMBS, r, ro + Fp2.LIMBS);
            f2.mul(r, ro + Fp2.LIMBS, FROBENIUS_Y1, 0, r, ro + Fp2.LIMBS);
        } else if (k == 2) {
            f2.mul(q, qo, FROBENIUS_X2, 0, r, ro);
            f2.mul(q, qo + Fp2.LIMBS, FROBENIUS_Y2, 0, r, ro + Fp2.LIMBS);
        } else {
            throw new IllegalArgumentException("twist Frobenius power must be 1 or 2, got " + k);
        }
    }

    /**
     * T = 2T and the tangent line at T (Costello-Lange-Naehrig doubling for a = 0 curves):
     * a = -2YZ, b = 3X^2, c = 3b'Z^2 - Y^2.
     */
    void doubleStep(long[] point, long[] line, int lo) {
        final int xy = 0, yy = 8, zz = 16, e = 24, ff = 32, g = 40, h = 48, j = 56, u = 64;
        f2.mul(point, X, point, Y, t, xy);
        f2.mulByFp(t, xy, HALF, 0, t, xy);                  // A = XY / 2
        f2.sqr(point, Y, t, yy);                            // B = Y^2
        f2.sqr(point, Z, t, zz);                            // C = Z^2
        f2.mul(t, zz, THREE_TWIST_B, 0, t, e);              // E = 3 b' C
        f2.dbl(t, e, t, ff);
        f2.add(t, ff, t, e, t, ff);                         // F = 3 E
        f2.add(t, yy, t, ff, t, g);
        f2.mulByFp(t, g, HALF, 0, t, g);                    // G = (B + F) / 2
        f2.add(point, Y, point, Z, t, h);
        f2.sqr(t, h, t, h);
        f2.sub(t, h, t, yy, t, h);
        f2.sub(t, h, t, zz, t, h);                          // H = (Y + Z)^2 - B - C = 2YZ
        f2.sqr(point, X, t, j);                             // J = X^2
        // line: -H, 3J, E - B
        f2.neg(t, h, line, lo + A);
        f2.dbl(t, j, line, lo + B);
        f2.add(line, lo + B, t, j, line, lo + B);
        f2.sub(t, e, t, yy, line, lo + C);
        // X3 = A (B - F), Y3 = G^2 - 3 E^2, Z3 = B H
        f2.sub(t, yy, t, ff, t, u);
        f2.mul(t, xy, t, u, point, X);
        f2.sqr(t, e, t, u);
        f2.dbl(t, u, t, e);
        f2.add(t, e, t, u, t, e);
        f2.sqr(t, g, point, Y);
        f2.sub(point, Y, t, e, point, Y);
        f2.mul(t, yy, t, h, point, Z);
    }

    /**
     * T = T + Q for an affine Q (16 limbs at qo, distinct from +-T) and the line through them:
     * with theta = Y - yQ Z and lambda = X - xQ Z, a = lambda, b = -theta, c = theta xQ - lambda yQ.
     */
    void addStep(long[] point, long[] q, int qo, long[] line, int lo) {
        final int theta = 0, lambda = 8, cc = 16, d = 24, e = 32, g = 40, u = 48;
        final int qx = qo, qy = qo + Fp2.LIMBS;
        f2.mul(q, qy, point, Z, t, theta);
        f2.sub(point, Y, t, theta, t, theta);
        f2.mul(q, qx, point, Z, t, lambda);
        f2.sub(point, X, t, lambda, t, lambda);
        // line: lambda, -theta, theta xQ - lambda yQ
        Fp2.copy(t, lambda, line, lo + A);
        f2.neg(t, theta, line, lo + B);
        f2.mul(t, theta, q, qx, t, u);
        f2.mul(t, lambda, q, qy, line, lo + C);
        f2.sub(t, u, line, lo + C, line, lo + C);
        // C = lambda^2, D = lambda^3, E = X C, G = theta^2 Z + D - 2E
        f2.sqr(t, lambda, t, cc);
        f2.mul(t, cc, t, lambda, t, d);
        f2.mul(point, X, t, cc, t, e);
        f2.sqr(t, theta, t, g);
        f2.mul(t, g, point, Z, t, g);
        f2.add(t, g, t, d, t, g);
        f2.sub(t, g, t, e, t, g);
        f2.sub(t, g, t, e, t, g);
        // X3 = lambda G, Y3 = theta (E - G) - D Y, Z3 = Z D
        f2.mul(t, lambda, t, g, point, X);
        f2.sub(t, e, t, g, t, u);
        f2.mul(t, theta, t, u, t, u);
        f2.mul(t, d, point, Y, t, e);
        f2.sub(t, u, t, e, point, Y);
        f2.mul(point, Z, t, d, point, Z);
    }
}
