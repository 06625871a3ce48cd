package dev.verity.prover.field;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Arithmetic in Fp12 = Fp6[w] / (w^2 - v), the pairing target field (the same tower as
 * ffjavascript, so values print exactly as snarkjs prints {@code vk_alphabeta_12}).
 *
 * <p>An element is c0 + c1 w with c0, c1 in {@link Fp6}: 48 limbs in a {@code long[]} slot, c0
 * first. Seen over Fp2 it is g0 + g1 w + ... + g5 w^5 with w^6 = 9 + u, where g0, g2, g4 are the
 * coefficients of c0 and g1, g3, g5 those of c1. An instance owns scratch space and is <b>not
 * thread-safe</b>: use one instance per thread. Inputs and output may alias.
 */
public final class Fp12 {
    public static final int LIMBS = 2 * Fp6.LIMBS;
    /** The BN254 curve parameter x (the "z" of ffjavascript); p and r are polynomials in it. */
    public static final BigInteger BN_X = new BigInteger("4965661367192848881");

    private static final int C1 = Fp6.LIMBS;
    /** Offset of the Fp2 coefficient g_i of w^i inside an element. */
    private static final int[] W_POWER_OFFSET = {0, C1, Fp2.LIMBS, C1 + Fp2.LIMBS, 2 * Fp2.LIMBS, C1 + 2 * Fp2.LIMBS};
    /** FROBENIUS[k][i] = xi^(i (p^k - 1) / 6) = w^(i (p^k - 1)), for k in 0..11, i in 0..5. */
    private static final long[][][] FROBENIUS = frobeniusCoefficients();
    /** Signed binary digits of BN_X, most significant first (fewer multiplications than binary). */
    private static final int[] BN_X_NAF = nonAdjacentForm(BN_X);

    private final Fp2 f2 = new Fp2();
    private final Fp6 f6 = new Fp6();
    /** Four Fp6 temporaries for mul, sqr, inv and the sparse product. */
    private final long[] t = new long[4 * Fp6.LIMBS];
    /** Temporaries of the cyclotomic squaring: eleven Fp2 values. */
    private final long[] cs = new long[11 * Fp2.LIMBS];
    /** Base, conjugated base and accumulator of the exponentiations (they call mul and sqr). */
    private final long[] e = new long[3 * LIMBS];

    // ---------------------------------------------------------------- conversions

    /**
     * Twelve Fp coefficients in layout order: c0.c0.c0, c0.c0.c1, c0.c1.c0, ..., c1.c2.c1 (the
     * order in which snarkjs nests them, flattened).
     */
    public static long[] of(BigInteger... coefficients) {
        if (coefficients.length != 12) {
            throw new IllegalArgumentException("an Fp12 element has 12 Fp coefficients, got " + coefficients.length);
        }
        long[] out = new long[LIMBS];
        for (int i = 0; i < 6; i++) {
            Fp2.set(coefficients[2 * i], coefficients[2 * i + 1], out, i * Fp2.LIMBS);
        }
        return out;
    }

    /** The twelve Fp coefficients in layout order (see {@link #of}). */
    public static BigInteger[] toBigIntegers(long[] a, int ao) {
        BigInteger[] out = new BigInteger[12];
        for (int i = 0; i < 6; i++) {
            BigInteger[] c = Fp2.toBigIntegers(a, ao + i * Fp2.LIMBS);
            out[2 * i] = c[0];
            out[2 * i + 1] = c[1];
        }
        return out;
    }

    /**
     * The decimal form snarkjs writes for a target-group element ({@code Gt.toObject}):
     * {@code [[[c0.c0.c0, c0.c0.c1], [c0.c1.c0, c0.c1.c1], [c0.c2.c0, c0.c2.c1]], [[c1.c0.c0, ...], ...]]}.
     * Serialised with Jackson it is exactly the {@code vk_alphabeta_12} value.
     */
    public static String[][][] toDecimalStrings(long[] a, int ao) {
        BigInteger[] flat = toBigIntegers(a, ao);
        String[][][] out = new String[2][3][2];
        for (int i = 0; i < 12; i++) {
            out[i / 6][(i / 2) % 3][i % 2] = flat[i].toString();
        }
        return out;
    }

    /** Inverse of {@link #toDecimalStrings}; every coefficient must be a canonical decimal below p. */
    public static long[] fromDecimalStrings(String[][][] nested) {
        if (nested == null || nested.length != 2) {
            throw new IllegalArgumentException("an Fp12 element nests as [2][3][2] decimal strings");
        }
        BigInteger[] flat = new BigInteger[12];
        for (int i = 0; i < 2; i++) {
            if (nested[i] == null || nested[i].length != 3) {
                throw new IllegalArgumentException("Fp12 coefficient c" + i + " is not three Fp2 values");
            }
            for (int j = 0; j < 3; j++) {
                if (nested[i][j] == null || nested[i][j].length != 2) {
                    throw new IllegalArgumentException("Fp12 coefficient c" + i + ".c" + j + " is not two Fp values");
                }
                for (int k = 0; k < 2; k++) {
                    flat[6 * i + 2 * j + k] = parseCanonical(nested[i][j][k], "c" + i + ".c" + j + ".c" + k);
                }
            }
        }
        return of(flat);
    }

    private static BigInteger parseCanonical(String decimal, String where) {
        BigInteger v;
        try {
            v = new BigInteger(decimal);
        } catch (NumberFormatException | NullPointerException ex) {
            throw new IllegalArgumentException("Fp12 coefficient " + where + " is not a decimal integer: " + decimal);
        }
        if (!Fp.FIELD.isCanonical(v)) {
            throw new IllegalArgumentException("Fp12 coefficient " + where + " is not in [0, p): " + decimal);
        }
        return v;
    }

    public static void setZero(long[] r, int ro) {
        Arrays.fill(r, ro, ro + LIMBS, 0L);
    }

    public static void setOne(long[] r, int ro) {
        Fp6.setOne(r, ro);
        Fp6.setZero(r, ro + C1);
    }

    public static long[] one() {
        long[] out = new long[LIMBS];
        setOne(out, 0);
        return out;
    }

    public static boolean isZero(long[] a, int ao) {
        return Fp6.isZero(a, ao) && Fp6.isZero(a, ao + C1);
    }

    public static boolean isOne(long[] a, int ao) {
        return Fp6.isOne(a, ao) && Fp6.isZero(a, ao + C1);
    }

    public static boolean equal(long[] a, int ao, long[] b, int bo) {
        return Arrays.equals(a, ao, ao + LIMBS, b, bo, bo + LIMBS);
    }

    public static void copy(long[] a, int ao, long[] r, int ro) {
        System.arraycopy(a, ao, r, ro, LIMBS);
    }

    /**
     * A copy of the Fp2 constant xi^(i (p^k - 1) / 6) = w^(i (p^k - 1)) by which the Frobenius map
     * x -> x^(p^k) scales the coefficient of w^i. The pairing uses k = 1, 2 and i = 2, 3 to map
     * twist points through the Frobenius endomorphism.
     */
    public static long[] frobeniusCoefficient(int k, int i) {
        if (k < 0 || k > 11 || i < 0 || i > 5) {
            throw new IllegalArgumentException("Frobenius coefficient needs 0 <= k <= 11 and 0 <= i <= 5, got k=" + k + ", i=" + i);
        }
        return FROBENIUS[k][i].clone();
    }

    // ---------------------------------------------------------------- linear operations

    public void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        f6.add(a, ao, b, bo, r, ro);
        f6.add(a, ao + C1, b, bo + C1, r, ro + C1);
    }

    public void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        f6.sub(a, ao, b, bo, r, ro);
        f6.sub(a, ao + C1, b, bo + C1, r, ro + C1);
    }

    public void neg(long[] a, int ao, long[] r, int ro) {
        f6.neg(a, ao, r, ro);
        f6.neg(a, ao + C1, r, ro + C1);
    }

    /**
     * r = c0 - c1 w = a^(p^6). On the cyclotomic subgroup (where pairing values live) this is the
     * inverse, at the cost of a negation.
     */
    public void conjugate(long[] a, int ao, long[] r, int ro) {
        Fp6.copy(a, ao, r, ro);
        f6.neg(a, ao + C1, r, ro + C1);
    }

    /** r = a^(p^k) for 0 <= k <= 11: conjugate each Fp2 coefficient k times and scale it. */
    public void frobenius(long[] a, int ao, int k, long[] r, int ro) {
        if (k < 0 || k > 11) {
            throw new IllegalArgumentException("Frobenius power must be in 0..11, got " + k);
        }
        for (int i = 0; i < 6; i++) {
            int ai = ao + W_POWER_OFFSET[i], ri = ro + W_POWER_OFFSET[i];
            if ((k & 1) == 1) {
                f2.conjugate(a, ai, r, ri);
            } else {
                Fp2.copy(a, ai, r, ri);
            }
            if (i > 0 && k > 0) {
                f2.mul(r, ri, FROBENIUS[k][i], 0, r, ri);
            }
        }
    }

    // ---------------------------------------------------------------- multiplicative operations

    /** Karatsuba over Fp6: three Fp6 products. */
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        final int t0 = 0, t1 = C1, x = 2 * C1, y = 3 * C1;
        f6.mul(a, ao, b, bo, t, t0);
        f6.mul(a, ao + C1, b, bo + C1, t, t1);
        // c1 = (a0 + a1)(b0 + b1) - t0 - t1
        f6.add(a, ao, a, ao + C1, t, x);
        f6.add(b, bo, b, bo + C1, t, y);
        f6.mul(t, x, t, y, t, x);
        f6.sub(t, x, t, t0, t, x);
        f6.sub(t, x, t, t1, r, ro + C1);
        // c0 = t0 + v t1
        f6.mulByNonResidue(t, t1, t, t1);
        f6.add(t, t0, t, t1, r, ro);
    }

    /** Complex squaring: c0 = (a0 + a1)(a0 + v a1) - t - v t, c1 = 2 t with t = a0 a1. */
    public void sqr(long[] a, int ao, long[] r, int ro) {
        final int ab = 0, x = C1, y = 2 * C1;
        f6.mul(a, ao, a, ao + C1, t, ab);
        f6.add(a, ao, a, ao + C1, t, x);
        f6.mulByNonResidue(a, ao + C1, t, y);
        f6.add(t, y, a, ao, t, y);
        f6.mul(t, x, t, y, t, x);
        f6.sub(t, x, t, ab, t, x);
        f6.mulByNonResidue(t, ab, t, y);
        f6.sub(t, x, t, y, r, ro);
        f6.add(t, ab, t, ab, r, ro + C1);
    }

    /** r = 1 / a = (c0 - c1 w) / (c0^2 - v c1^2); throws ArithmeticException for zero. */
    public void inv(long[] a, int ao, long[] r, int ro) {
        final int x = 0, y = C1;
        f6.sqr(a, ao, t, x);
        f6.sqr(a, ao + C1, t, y);
        f6.mulByNonResidue(t, y, t, y);
        f6.sub(t, x, t, y, t, x);
        f6.inv(t, x, t, x);
        f6.mul(a, ao, t, x, r, ro);
        f6.mul(a, ao + C1, t, x, t, y);
        f6.neg(t, y, r, ro + C1);
    }

    /**
     * r = a * (l0 + l1 w + l3 w^3), the shape of a Miller-loop line value: nonzero only in
     * c0.c0, c1.c0 and c1.c1 (flat Fp2 positions 0, 3, 4). The three Fp2 values l0, l1, l3 are
     * consecutive in {@code line} from {@code lo}. Thirteen Fp2 products instead of eighteen.
     */
    public void mulBy034(long[] a, int ao, long[] line, int lo, long[] r, int ro) {
        final int t0 = 0, t1 = C1, x = 2 * C1, l01 = 3 * C1;
        final int l0 = lo, l1 = lo + Fp2.LIMBS, l3 = lo + 2 * Fp2.LIMBS;
        // a = A0 + A1 w and the line is L0 + L1 w with L0 = l0 and L1 = l1 + l3 v.
        f6.mulByFp2(a, ao, line, l0, t, t0);
        f6.mulBy01(a, ao + C1, line, l1, line, l3, t, t1);
        f6.add(a, ao, a, ao + C1, t, x);
        f2.add(line, l0, line, l1, t, l01);
        f6.mulBy01(t, x, t, l01, line, l3, t, x);
        f6.sub(t, x, t, t0, t, x);
        f6.sub(t, x, t, t1, r, ro + C1);
        f6.mulByNonResidue(t, t1, t, t1);
        f6.add(t, t0, t, t1, r, ro);
    }

    /**
     * r = a^2 for a in the cyclotomic subgroup (a^(p^6 + 1) = 1 and a^(p^4 - p^2 + 1) = 1, as
     * after the easy part of the final exponentiation); wrong for other elements.
     *
     * <p>Granger-Scott: over Fp4 = Fp2[s] / (s^2 - xi) with s = w^3, a = A0 + A1 w + A2 w^2 with
     * A0 = g0 + g3 s, A1 = g1 + g4 s, A2 = g2 + g5 s, and a^2 = (3 A0^2 - 2 conj(A0))
     * + (3 s A2^2 + 2 conj(A1)) w + (3 A1^2 - 2 conj(A2)) w^2, conj(x + y s) = x - y s.
     * Nine Fp2 squarings instead of twelve Fp2 products.
     */
    public void cyclotomicSqr(long[] a, int ao, long[] r, int ro) {
        final int h0 = 0, h1 = 8, h2 = 16, h3 = 24, h4 = 32, h5 = 40, x = 48, y = 56, z = 64;
        fp4Sqr(a, ao + W_POWER_OFFSET[0], ao + W_POWER_OFFSET[3], x, y);  // A0^2
        threeTimesMinusTwice(x, a, ao + W_POWER_OFFSET[0], h0);
        threeTimesPlusTwice(y, a, ao + W_POWER_OFFSET[3], h3);
        fp4Sqr(a, ao + W_POWER_OFFSET[1], ao + W_POWER_OFFSET[4], x, y);  // A1^2
        threeTimesMinusTwice(x, a, ao + W_POWER_OFFSET[2], h2);
        threeTimesPlusTwice(y, a, ao + W_POWER_OFFSET[5], h5);
        fp4Sqr(a, ao + W_POWER_OFFSET[2], ao + W_POWER_OFFSET[5], x, y);  // A2^2; s A2^2 = xi y + x s
        f2.mulByNonResidue(cs, y, cs, z);
        threeTimesPlusTwice(z, a, ao + W_POWER_OFFSET[1], h1);
        threeTimesMinusTwice(x, a, ao + W_POWER_OFFSET[4], h4);
        for (int i = 0; i < 6; i++) {
            Fp2.copy(cs, 8 * i, r, ro + W_POWER_OFFSET[i]);
        }
    }

    /** (x0 + x1 s)^2 = (x0^2 + xi x1^2) + ((x0 + x1)^2 - x0^2 - x1^2) s into cs[lo], cs[hi]. */
    private void fp4Sqr(long[] a, int x0, int x1, int lo, int hi) {
        final int square0 = 72, cross = 80;
        f2.sqr(a, x0, cs, square0);
        f2.sqr(a, x1, cs, hi);
        f2.add(a, x0, a, x1, cs, cross);
        f2.sqr(cs, cross, cs, cross);
        f2.sub(cs, cross, cs, square0, cs, cross);
        f2.sub(cs, cross, cs, hi, cs, cross);
        f2.mulByNonResidue(cs, hi, cs, hi);
        f2.add(cs, square0, cs, hi, cs, lo);
        Fp2.copy(cs, cross, cs, hi);
    }

    /** cs[out] = 3 cs[sq] - 2 g. */
    private void threeTimesMinusTwice(int sq, long[] g, int go, int out) {
        f2.sub(cs, sq, g, go, cs, out);
        f2.add(cs, out, cs, out, cs, out);
        f2.add(cs, out, cs, sq, cs, out);
    }

    /** cs[out] = 3 cs[sq] + 2 g. */
    private void threeTimesPlusTwice(int sq, long[] g, int go, int out) {
        f2.add(cs, sq, g, go, cs, out);
        f2.add(cs, out, cs, out, cs, out);
        f2.add(cs, out, cs, sq, cs, out);
    }

    /**
     * r = a^x for the BN parameter x, for a in the cyclotomic subgroup (it uses
     * {@link #cyclotomicSqr} and the conjugate as inverse for the negative signed digits).
     */
    public void cyclotomicExpByX(long[] a, int ao, long[] r, int ro) {
        final int base = 0, inverse = LIMBS, acc = 2 * LIMBS;
        copy(a, ao, e, base);
        conjugate(e, base, e, inverse);
        copy(e, base, e, acc);      // the leading digit is 1
        for (int i = 1; i < BN_X_NAF.length; i++) {
            cyclotomicSqr(e, acc, e, acc);
            if (BN_X_NAF[i] == 1) {
                mul(e, acc, e, base, e, acc);
            } else if (BN_X_NAF[i] == -1) {
                mul(e, acc, e, inverse, e, acc);
            }
        }
        copy(e, acc, r, ro);
    }

    /** r = a^exponent for any a and exponent >= 0 (plain square-and-multiply). */
    public void pow(long[] a, int ao, BigInteger exponent, long[] r, int ro) {
        if (exponent.signum() < 0) {
            throw new IllegalArgumentException("Fp12 exponent must not be negative: " + exponent);
        }
        final int base = 0, acc = 2 * LIMBS;
        copy(a, ao, e, base);
        setOne(e, acc);
        for (int i = exponent.bitLength() - 1; i >= 0; i--) {
            sqr(e, acc, e, acc);
            if (exponent.testBit(i)) {
                mul(e, acc, e, base, e, acc);
            }
        }
        copy(e, acc, r, ro);
    }

    // ---------------------------------------------------------------- constants

    /**
     * gamma(k, i) = xi^(i (p^k - 1) / 6). Since (p^k - 1) / 6 = (p - 1) / 6 * (1 + p + ... + p^(k-1))
     * and the Frobenius of Fp2 is conjugation, gamma(k, 1) = prod_{j < k} conj^j(gamma(1, 1)),
     * and gamma(k, i) = gamma(k, 1)^i. (p = 1 mod 6, so the exponents are integers.)
     */
    private static long[][][] frobeniusCoefficients() {
        BigInteger p = Fp.MODULUS;
        Fp2 f2 = new Fp2();
        long[] xi = Fp2.of(BigInteger.valueOf(9), BigInteger.ONE);
        long[] gamma11 = fp2Pow(f2, xi, p.subtract(BigInteger.ONE).divide(BigInteger.valueOf(6)));
        long[][][] out = new long[12][6][];
        long[] gammaK1 = Fp2.of(BigInteger.ONE, BigInteger.ZERO);
        long[] conjPower = gamma11.clone();     // conj^j(gamma(1, 1)) for j = k - 1
        for (int k = 0; k < 12; k++) {
            long[] power = Fp2.of(BigInteger.ONE, BigInteger.ZERO);
            for (int i = 0; i < 6; i++) {
                out[k][i] = power.clone();
                f2.mul(power, 0, gammaK1, 0, power, 0);
            }
            f2.mul(gammaK1, 0, conjPower, 0, gammaK1, 0);
            f2.conjugate(conjPower, 0, conjPower, 0);
        }
        return out;
    }

    private static long[] fp2Pow(Fp2 f2, long[] a, BigInteger exponent) {
        long[] acc = Fp2.of(BigInteger.ONE, BigInteger.ZERO);
        for (int i = exponent.bitLength() - 1; i >= 0; i--) {
            f2.sqr(acc, 0, acc, 0);
            if (exponent.testBit(i)) {
                f2.mul(acc, 0, a, 0, acc, 0);
            }
        }
        return acc;
    }

    /** Signed digits in {-1, 0, 1} with no two adjacent nonzero, most significant first. */
    private static int[] nonAdjacentForm(BigInteger n) {
        int[] lsbFirst = new int[n.bitLength() + 1];
        int len = 0;
        BigInteger rest = n;
        while (rest.signum() > 0) {
            int digit = 0;
            if (rest.testBit(0)) {
                digit = rest.testBit(1) ? -1 : 1;      // rest mod 4 == 3 -> -1, == 1 -> +1
                rest = rest.subtract(BigInteger.valueOf(digit));
            }
            lsbFirst[len++] = digit;
            rest = rest.shiftRight(1);
        }
        int[] msbFirst = new int[len];
        for (int i = 0; i < len; i++) {
            msbFirst[i] = lsbFirst[len - 1 - i];
        }
        return msbFirst;
    }
}
