package dev.verity.prover.field;

import java.math.BigInteger;

/**
 * Arithmetic in Fp2 = Fp[u] / (u^2 + 1), the field of G2 coordinates.
 *
 * <p>An element is eight limbs in a {@code long[]} slot: c0 (four limbs) then c1, both in
 * Montgomery form. An instance owns scratch space, so it is cheap to call in hot loops and is
 * <b>not thread-safe</b>: use one instance per thread. Inputs and output may alias.
 */
public final class Fp2 {
    public static final int LIMBS = 8;
    private static final MontgomeryField F = Fp.FIELD;
    private static final int C1 = MontgomeryField.LIMBS;

    private final long[] t = new long[4 * MontgomeryField.LIMBS];

    // ---------------------------------------------------------------- conversions

    public static long[] of(BigInteger c0, BigInteger c1) {
        long[] out = new long[LIMBS];
        set(c0, c1, out, 0);
        return out;
    }

    public static void set(BigInteger c0, BigInteger c1, long[] r, int ro) {
        F.fromBigInteger(c0, r, ro);
        F.fromBigInteger(c1, r, ro + C1);
    }

    public static BigInteger[] toBigIntegers(long[] a, int ao) {
        return new BigInteger[] {F.toBigInteger(a, ao), F.toBigInteger(a, ao + C1)};
    }

    public static void setZero(long[] r, int ro) {
        java.util.Arrays.fill(r, ro, ro + LIMBS, 0L);
    }

    public static void setOne(long[] r, int ro) {
        F.setOne(r, ro);
        F.setZero(r, ro + C1);
    }

    public static boolean isZero(long[] a, int ao) {
        return F.isZero(a, ao) && F.isZero(a, ao + C1);
    }

    public static boolean isOne(long[] a, int ao) {
        return F.isOne(a, ao) && F.isZero(a, ao + C1);
    }

    public static boolean equal(long[] a, int ao, long[] b, int bo) {
        return MontgomeryField.equal(a, ao, b, bo) && MontgomeryField.equal(a, ao + C1, b, bo + C1);
    }

    public static void copy(long[] a, int ao, long[] r, int ro) {
        System.arraycopy(a, ao, r, ro, LIMBS);
    }

    // ---------------------------------------------------------------- linear operations

    public void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        F.add(a, ao, b, bo, r, ro);
        F.add(a, ao + C1, b, bo + C1, r, ro + C1);
    }

    public void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        F.sub(a, ao, b, bo, r, ro);
        F.sub(a, ao + C1, b, bo + C1, r, ro + C1);
    }

    public void dbl(long[] a, int ao, long[] r, int ro) {
        F.add(a, ao, a, ao, r, ro);
        F.add(a, ao + C1, a, ao + C1, r, ro + C1);
    }

    public void neg(long[] a, int ao, long[] r, int ro) {
        F.neg(a, ao, r, ro);
        F.neg(a, ao + C1, r, ro + C1);
    }

    /** r = conjugate(a) = c0 - c1 u, which is also the Frobenius map a^p. */
    public void conjugate(long[] a, int ao, long[] r, int ro) {
        MontgomeryField.copy(a, ao, r, ro);
        F.neg(a, ao + C1, r, ro + C1);
    }

    /** r = a * s for s in Fp (four limbs). */
    public void mulByFp(long[] a, int ao, long[] s, int so, long[] r, int ro) {
        F.mul(a, ao, s, so, r, ro);
        F.mul(a, ao + C1, s, so, r, ro + C1);
    }

    // ---------------------------------------------------------------- multiplicative operations

    /** Karatsuba: three base-field products. */
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        F.mul(a, ao, b, bo, t, 0);                 // a0 b0
        F.mul(a, ao + C1, b, bo + C1, t, 4);       // a1 b1
        F.add(a, ao, a, ao + C1, t, 8);            // a0 + a1
        F.add(b, bo, b, bo + C1, t, 12);           // b0 + b1
        F.mul(t, 8, t, 12, t, 8);                  // (a0 + a1)(b0 + b1)
        F.sub(t, 8, t, 0, t, 8);
        F.sub(t, 8, t, 4, r, ro + C1);             // a0 b1 + a1 b0
        F.sub(t, 0, t, 4, r, ro);                  // a0 b0 - a1 b1
    }

    /** Complex squaring: (a0 + a1)(a0 - a1) and 2 a0 a1. */
    public void sqr(long[] a, int ao, long[] r, int ro) {
        F.add(a, ao, a, ao + C1, t, 0);
        F.sub(a, ao, a, ao + C1, t, 4);
        F.mul(a, ao, a, ao + C1, t, 8);
        F.mul(t, 0, t, 4, r, ro);
        F.add(t, 8, t, 8, r, ro + C1);
    }

    /** r = a * (9 + u), the non-residue that builds Fp6 and the sextic twist. */
    public void mulByNonResidue(long[] a, int ao, long[] r, int ro) {
        // (a0 + a1 u)(9 + u) = (9 a0 - a1) + (a0 + 9 a1) u
        times9(a, ao, t, 0);
        times9(a, ao + C1, t, 4);
        F.sub(t, 0, a, ao + C1, t, 8);
        F.add(t, 4, a, ao, r, ro + C1);
        MontgomeryField.copy(t, 8, r, ro);
    }

    public void inv(long[] a, int ao, long[] r, int ro) {
        // 1 / (a0 + a1 u) = (a0 - a1 u) / (a0^2 + a1^2)
        F.sqr(a, ao, t, 0);
        F.sqr(a, ao + C1, t, 4);
        F.add(t, 0, t, 4, t, 0);
        F.inv(t, 0, t, 0);
        F.mul(a, ao, t, 0, r, ro);
        F.mul(a, ao + C1, t, 0, t, 4);
        F.neg(t, 4, r, ro + C1);
    }

    /**
     * Inverts {@code count} nonzero elements in place with one inversion (Montgomery's trick);
     * {@code scratch} needs {@code LIMBS * (count + 1)} longs.
     */
    public void batchInvert(long[] values, int offset, int count, long[] scratch) {
        int inverse = count * LIMBS;
        copy(values, offset, scratch, 0);
        for (int i = 1; i < count; i++) {
            mul(scratch, (i - 1) * LIMBS, values, offset + i * LIMBS, scratch, i * LIMBS);
        }
        inv(scratch, (count - 1) * LIMBS, scratch, inverse);
        for (int i = count - 1; i > 0; i--) {
            int at = offset + i * LIMBS;
            mul(scratch, inverse, scratch, (i - 1) * LIMBS, scratch, (i - 1) * LIMBS);  // 1 / value i
            mul(scratch, inverse, values, at, scratch, inverse);                       // 1 / product of those before
            copy(scratch, (i - 1) * LIMBS, values, at);
        }
        copy(scratch, inverse, values, offset);
    }

    private void times9(long[] a, int ao, long[] r, int ro) {
        F.add(a, ao, a, ao, t, 12);     // 2a
        F.add(t, 12, t, 12, t, 12);     // 4a
        F.add(t, 12, t, 12, t, 12);     // 8a
        F.add(t, 12, a, ao, r, ro);     // 9a
    }
}
