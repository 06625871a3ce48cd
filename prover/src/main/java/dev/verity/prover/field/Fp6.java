package dev.verity.prover.field;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Arithmetic in Fp6 = Fp2[v] / (v^3 - (9 + u)), the middle floor of the pairing tower (the same
 * tower as ffjavascript).
 *
 * <p>An element is three Fp2 coefficients, c0 + c1 v + c2 v^2, stored as 24 limbs in a
 * {@code long[]} slot (c0, c1, c2, each in the {@link Fp2} layout). An instance owns scratch
 * space and is <b>not thread-safe</b>: use one instance per thread. Inputs and output may alias.
 */
public final class Fp6 {
    public static final int LIMBS = 3 * Fp2.LIMBS;
    private static final int C1 = Fp2.LIMBS;
    private static final int C2 = 2 * Fp2.LIMBS;

    private final Fp2 f2 = new Fp2();
    /** Eight Fp2 temporaries; slot k starts at 8 k. */
    private final long[] t = new long[8 * Fp2.LIMBS];

    // ---------------------------------------------------------------- conversions

    /** Six coefficients in layout order: c0.c0, c0.c1, c1.c0, c1.c1, c2.c0, c2.c1. */
    public static long[] of(BigInteger... coefficients) {
        if (coefficients.length != 6) {
            throw new IllegalArgumentException("an Fp6 element has 6 Fp coefficients, got " + coefficients.length);
        }
        long[] out = new long[LIMBS];
        for (int i = 0; i < 3; i++) {
            Fp2.set(coefficients[2 * i], coefficients[2 * i + 1], out, i * Fp2.LIMBS);
        }
        return out;
    }

    /** The six Fp coefficients in layout order (see {@link #of}). */
    public static BigInteger[] toBigIntegers(long[] a, int ao) {
        BigInteger[] out = new BigInteger[6];
        for (int i = 0; i < 3; i++) {
            BigInteger[] c = Fp2.toBigIntegers(a, ao + i * Fp2.LIMBS);
            out[2 * i] = c[0];
            out[2 * i + 1] = c[1];
        }
        return out;
    }

    public static void setZero(long[] r, int ro) {
        Arrays.fill(r, ro, ro + LIMBS, 0L);
    }

    public static void setOne(long[] r, int ro) {
        Fp2.setOne(r, ro);
        Arrays.fill(r, ro + C1, ro + LIMBS, 0L);
    }

    public static boolean isZero(long[] a, int ao) {
        return Fp2.isZero(a, ao) && Fp2.isZero(a, ao + C1) && Fp2.isZero(a, ao + C2);
    }

    public static boolean isOne(long[] a, int ao) {
        return Fp2.isOne(a, ao) && Fp2.isZero(a, ao + C1) && Fp2.isZero(a, ao + C2);
    }

    public static boolean equal(long[] a, int ao, long[] b, int bo) {
        return Arrays.equals(a, ao, ao + LIMBS, b, bo, bo + LIMBS);
    }

    public static void copy(long[] a, int ao, long[] r, int ro) {
        System.arraycopy(a, ao, r, ro, LIMBS);
    }

    // ---------------------------------------------------------------- linear operations

    public void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        f2.add(a, ao, b, bo, r, ro);
        f2.add(a, ao + C1, b, bo + C1, r, ro + C1);
        f2.add(a, ao + C2, b, bo + C2, r, ro + C2);
    }

    public void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        f2.sub(a, ao, b, bo, r, ro);
        f2.sub(a, ao + C1, b, bo + C1, r, ro + C1);
        f2.sub(a, ao + C2, b, bo + C2, r, ro + C2);
    }

    public void neg(long[] a, int ao, long[] r, int ro) {
        f2.neg(a, ao, r, ro);
        f2.neg(a, ao + C1, r, ro + C1);
        f2.neg(a, ao + C2, r, ro + C2);
    }

    /** r = a * v: (c0, c1, c2) becomes (xi c2, c0, c1) with xi = 9 + u, since v^3 = xi. */
    public void mulByNonResidue(long[] a, int ao, long[] r, int ro) {
        f2.mulByNonResidue(a, ao + C2, t, 0);
        Fp2.copy(a, ao + C1, r, ro + C2);
        Fp2.copy(a, ao, r, ro + C1);
        Fp2.copy(t, 0, r, ro);
    }

    /** r = a * s for s in Fp2 (eight limbs). */
    public void mulByFp2(long[] a, int ao, long[] s, int so, long[] r, int ro) {
        f2.mul(a, ao, s, so, r, ro);
        f2.mul(a, ao + C1, s, so, r, ro + C1);
        f2.mul(a, ao + C2, s, so, r, ro + C2);
    }

    // ---------------------------------------------------------------- multiplicative operations

    /** Karatsuba over Fp2: six Fp2 products. */
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        final int t0 = 0, t1 = 8, t2 = 16, x = 24, y = 32, c0 = 40, c1 = 48, c2 = 56;
        f2.mul(a, ao, b, bo, t, t0);
        f2.mul(a, ao + C1, b, bo + C1, t, t1);
        f2.mul(a, ao + C2, b, bo + C2, t, t2);
        // c0 = t0 + xi ((a1 + a2)(b1 + b2) - t1 - t2)
        f2.add(a, ao + C1, a, ao + C2, t, x);
        f2.add(b, bo + C1, b, bo + C2, t, y);
        f2.mul(t, x, t, y, t, x);
        f2.sub(t, x, t, t1, t, x);
        f2.sub(t, x, t, t2, t, x);
        f2.mulByNonResidue(t, x, t, x);
        f2.add(t, x, t, t0, t, c0);
        // c1 = (a0 + a1)(b0 + b1) - t0 - t1 + xi t2
        f2.add(a, ao, a, ao + C1, t, x);
        f2.add(b, bo, b, bo + C1, t, y);
        f2.mul(t, x, t, y, t, x);
        f2.sub(t, x, t, t0, t, x);
        f2.sub(t, x, t, t1, t, x);
        f2.mulByNonResidue(t, t2, t, y);
        f2.add(t, x, t, y, t, c1);
        // c2 = (a0 + a2)(b0 + b2) - t0 - t2 + t1
        f2.add(a, ao, a, ao + C2, t, x);
        f2.add(b, bo, b, bo + C2, t, y);
        f2.mul(t, x, t, y, t, x);
        f2.sub(t, x, t, t0, t, x);
        f2.sub(t, x, t, t2, t, x);
        f2.add(t, x, t, t1, t, c2);
        System.arraycopy(t, c0, r, ro, LIMBS);
    }

    /** Chung-Hasan SQR2: two Fp2 products and three Fp2 squarings. */
    public void sqr(long[] a, int ao, long[] r, int ro) {
        final int s0 = 0, s1 = 8, s2 = 16, s3 = 24, s4 = 32;
        f2.sqr(a, ao, t, s0);                       // a0^2
        f2.mul(a, ao, a, ao + C1, t, s1);
        f2.add(t, s1, t, s1, t, s1);                // 2 a0 a1
        f2.sub(a, ao, a, ao + C1, t, s2);
        f2.add(t, s2, a, ao + C2, t, s2);
        f2.sqr(t, s2, t, s2);                       // (a0 - a1 + a2)^2
        f2.mul(a, ao + C1, a, ao + C2, t, s3);
        f2.add(t, s3, t, s3, t, s3);                // 2 a1 a2
        f2.sqr(a, ao + C2, t, s4);                  // a2^2
        // c2 = s1 + s2 + s3 - s0 - s4 = a1^2 + 2 a0 a2
        f2.add(t, s2, t, s1, t, s2);
        f2.add(t, s2, t, s3, t, s2);
        f2.sub(t, s2, t, s0, t, s2);
        f2.sub(t, s2, t, s4, r, ro + C2);
        // c1 = s1 + xi s4, c0 = s0 + xi s3
        f2.mulByNonResidue(t, s4, t, s4);
        f2.add(t, s1, t, s4, r, ro + C1);
        f2.mulByNonResidue(t, s3, t, s3);
        f2.add(t, s0, t, s3, r, ro);
    }

    /**
     * r = a * (b0 + b1 v), the product with a sparse element whose v^2 coefficient is zero
     * (five Fp2 products). b0 and b1 are Fp2 values at their own offsets.
     */
    public void mulBy01(long[] a, int ao, long[] b0, int b0o, long[] b1, int b1o, long[] r, int ro) {
        final int t0 = 0, t1 = 8, x = 16, y = 24, c0 = 32, c1 = 40, c2 = 48;
        f2.mul(a, ao, b0, b0o, t, t0);
        f2.mul(a, ao + C1, b1, b1o, t, t1);
        // c0 = t0 + xi ((a1 + a2) b1 - t1) = a0 b0 + xi a2 b1
        f2.add(a, ao + C1, a, ao + C2, t, x);
        f2.mul(t, x, b1, b1o, t, x);
        f2.sub(t, x, t, t1, t, x);
        f2.mulByNonResidue(t, x, t, x);
        f2.add(t, x, t, t0, t, c0);
        // c1 = (a0 + a1)(b0 + b1) - t0 - t1
        f2.add(a, ao, a, ao + C1, t, x);
        f2.add(b0, b0o, b1, b1o, t, y);
        f2.mul(t, x, t, y, t, x);
        f2.sub(t, x, t, t0, t, x);
        f2.sub(t, x, t, t1, t, c1);
        // c2 = (a0 + a2) b0 - t0 + t1 = a2 b0 + a1 b1
        f2.add(a, ao, a, ao + C2, t, x);
        f2.mul(t, x, b0, b0o, t, x);
        f2.sub(t, x, t, t0, t, x);
        f2.add(t, x, t, t1, t, c2);
        System.arraycopy(t, c0, r, ro, LIMBS);
    }

    /** r = 1 / a; throws ArithmeticException for zero. */
    public void inv(long[] a, int ao, long[] r, int ro) {
        final int ca = 0, cb = 8, cc = 16, x = 24, y = 32;
        // A = a0^2 - xi a1 a2, B = xi a2^2 - a0 a1, C = a1^2 - a0 a2
        f2.mul(a, ao + C1, a, ao + C2, t, x);
        f2.mulByNonResidue(t, x, t, x);
        f2.sqr(a, ao, t, ca);
        f2.sub(t, ca, t, x, t, ca);
        f2.sqr(a, ao + C2, t, cb);
        f2.mulByNonResidue(t, cb, t, cb);
        f2.mul(a, ao, a, ao + C1, t, x);
        f2.sub(t, cb, t, x, t, cb);
        f2.sqr(a, ao + C1, t, cc);
        f2.mul(a, ao, a, ao + C2, t, x);
        f2.sub(t, cc, t, x, t, cc);
        // norm = a0 A + xi (a2 B + a1 C), an element of Fp2
        f2.mul(a, ao + C2, t, cb, t, x);
        f2.mul(a, ao + C1, t, cc, t, y);
        f2.add(t, x, t, y, t, x);
        f2.mulByNonResidue(t, x, t, x);
        f2.mul(a, ao, t, ca, t, y);
        f2.add(t, x, t, y, t, x);
        f2.inv(t, x, t, x);
        f2.mul(t, ca, t, x, r, ro);
        f2.mul(t, cb, t, x, r, ro + C1);
        f2.mul(t, cc, t, x, r, ro + C2);
    }
}
