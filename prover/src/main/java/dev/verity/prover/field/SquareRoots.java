package dev.verity.prover.field;

import java.math.BigInteger;

/**
 * Square roots in Fp and Fp2 of BN254, needed to decompress points and to sample random points
 * as snarkjs does. p = 3 mod 4, so in Fp a root is a^((p+1)/4); in Fp2 = Fp[u]/(u^2 + 1) a root
 * comes from a root of the norm (the "complex" method). Which of the two roots comes back is not
 * specified: callers that need a particular one choose it by sign. Not thread-safe (scratch).
 */
public final class SquareRoots {
    private static final MontgomeryField F = Fp.FIELD;
    private static final long[] SQRT_EXPONENT = MontgomeryField.toLimbs(Fp.MODULUS.add(BigInteger.ONE).shiftRight(2));
    private static final long[] LEGENDRE_EXPONENT = MontgomeryField.toLimbs(Fp.MODULUS.shiftRight(1));
    private static final long[] HALF = F.fromBigInteger(Fp.MODULUS.add(BigInteger.ONE).shiftRight(1));

    private final long[] t = new long[24];

    /** Whether a is a square in Fp (zero counts). */
    public boolean isSquare(long[] a, int ao) {
        if (F.isZero(a, ao)) {
            return true;
        }
        F.pow(a, ao, LEGENDRE_EXPONENT, t, 0);
        return F.isOne(t, 0);
    }

    /** r = a root of a in Fp; returns false (r unspecified) when a is not a square. */
    public boolean sqrt(long[] a, int ao, long[] r, int ro) {
        F.pow(a, ao, SQRT_EXPONENT, t, 0);
        F.sqr(t, 0, t, 4);
        boolean ok = MontgomeryField.equal(t, 4, a, ao);
        MontgomeryField.copy(t, 0, r, ro);
        return ok;
    }

    /** Whether a is a square in Fp2: exactly when its norm a0^2 + a1^2 is a square in Fp. */
    public boolean isSquareFp2(long[] a, int ao) {
        norm(a, ao, t, 8);
        return isSquare(t, 8);
    }

    /** r = a root of a in Fp2; returns false (r unspecified) when a is not a square. */
    public boolean sqrtFp2(long[] a, int ao, long[] r, int ro) {
        int a1 = ao + 4;
        if (F.isZero(a, a1)) {
            // a in Fp: its root is in Fp, or is sqrt(-a0) u since -1 is not a square
            if (sqrt(a, ao, t, 12)) {
                MontgomeryField.copy(t, 12, r, ro);
                F.setZero(r, ro + 4);
                return true;
            }
            F.neg(a, ao, t, 16);
            if (!sqrt(t, 16, t, 12)) {
                return false;
            }
            F.setZero(r, ro);
            MontgomeryField.copy(t, 12, r, ro + 4);
            return true;
        }
        norm(a, ao, t, 8);
        if (!sqrt(t, 8, t, 8)) {
            return false;
        }
        // x0^2 = (a0 + |a|) / 2 or (a0 - |a|) / 2, whichever is a square; x1 = a1 / (2 x0)
        F.add(a, ao, t, 8, t, 12);
        F.mul(t, 12, HALF, 0, t, 12);
        if (!isSquare(t, 12)) {
            F.sub(a, ao, t, 8, t, 12);
            F.mul(t, 12, HALF, 0, t, 12);
        }
        if (!sqrt(t, 12, t, 16)) {
            return false;
        }
        F.dbl(t, 16, t, 20);
        F.inv(t, 20, t, 20);
        F.mul(a, a1, t, 20, t, 20);
        MontgomeryField.copy(t, 16, r, ro);
        MontgomeryField.copy(t, 20, r, ro + 4);
        return true;
    }

    private void norm(long[] a, int ao, long[] r, int ro) {
        F.sqr(a, ao, t, 0);
        F.sqr(a, ao + 4, t, 4);
        F.add(t, 0, t, 4, r, ro);
    }
}
