package dev.verity.prover.curve;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;

/**
 * The BN254 group G1: points of y^2 = x^3 + 3 over Fp (cofactor 1, so every curve point is in G1).
 *
 * <p>Points live in flat {@code long[]} slots of Montgomery Fp limbs: affine is {@value #AFFINE}
 * longs (x, y) with the point at infinity stored as all zeros (as snarkjs writes it; (0, 0) is not
 * on the curve); Jacobian is {@value #JACOBIAN} longs (X, Y, Z) meaning (X/Z^2, Y/Z^3), infinity
 * iff Z = 0.
 *
 * <p>An instance owns scratch space, so the group law allocates nothing, and it is <b>not
 * thread-safe</b>: use one instance per thread. Every method reads all of its inputs before it
 * writes its output, so outputs may alias inputs. The static methods are thread-safe.
 */
public final class G1 implements CurveArithmetic {
    public static final int AFFINE = 8;
    public static final int JACOBIAN = 12;

    private static final MontgomeryField F = Fp.FIELD;
    private static final int X = 0, Y = 4, Z = 8;
    private static final long[] B = F.fromBigInteger(BigInteger.valueOf(3));

    /** The standard generator (1, 2), affine. Shared: copy it, never write to it. */
    public static final long[] GENERATOR = fromBigIntegers(BigInteger.ONE, BigInteger.TWO);

    /** Scratch field elements, 4 longs each. */
    private final long[] t = new long[16 * 4];
    /** Window table for {@link #mul}: 16 Jacobian multiples. */
    private final long[] table = new long[16 * JACOBIAN];

    // ---------------------------------------------------------------- group law

    /** r = p + q, all Jacobian. */
    @Override
    public void add(long[] p, int po, long[] q, int qo, long[] r, int ro) {
        if (isInfinity(p, po)) {
            System.arraycopy(q, qo, r, ro, JACOBIAN);
            return;
        }
        if (isInfinity(q, qo)) {
            System.arraycopy(p, po, r, ro, JACOBIAN);
            return;
        }
        // add-2007-bl
        long[] t = this.t;
        F.sqr(p, po + Z, t, 0);                 // Z1Z1
        F.sqr(q, qo + Z, t, 4);                 // Z2Z2
        F.mul(p, po + X, t, 4, t, 8);           // U1 = X1 Z2Z2
        F.mul(q, qo + X, t, 0, t, 12);          // U2 = X2 Z1Z1
        F.mul(p, po + Y, q, qo + Z, t, 16);
        F.mul(t, 16, t, 4, t, 16);              // S1 = Y1 Z2 Z2Z2
        F.mul(q, qo + Y, p, po + Z, t, 20);
        F.mul(t, 20, t, 0, t, 20);              // S2 = Y2 Z1 Z1Z1
        F.sub(t, 12, t, 8, t, 12);              // H = U2 - U1
        F.sub(t, 20, t, 16, t, 20);             // S2 - S1
        if (F.isZero(t, 12)) {
            if (F.isZero(t, 20)) {
                dbl(p, po, r, ro);
            } else {
                setInfinity(r, ro);
            }
            return;
        }
        F.add(t, 20, t, 20, t, 20);             // rr = 2 (S2 - S1)
        F.add(t, 12, t, 12, t, 24);
        F.sqr(t, 24, t, 24);                    // I = (2H)^2
        F.mul(t, 12, t, 24, t, 28);             // J = H I
        F.mul(t, 8, t, 24, t, 32);              // V = U1 I
        F.add(p, po + Z, q, qo + Z, t, 36);
        F.sqr(t, 36, t, 36);
        F.sub(t, 36, t, 0, t, 36);
        F.sub(t, 36, t, 4, t, 36);
        F.mul(t, 36, t, 12, t, 36);             // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2) H
        F.sqr(t, 20, t, 40);
        F.sub(t, 40, t, 28, t, 40);
        F.sub(t, 40, t, 32, t, 40);
        F.sub(t, 40, t, 32, t, 40);             // X3 = rr^2 - J - 2V
        F.sub(t, 32, t, 40, t, 44);
        F.mul(t, 44, t, 20, t, 44);
        F.mul(t, 16, t, 28, t, 48);
        F.add(t, 48, t, 48, t, 48);
        F.sub(t, 44, t, 48, r, ro + Y);         // Y3 = rr (V - X3) - 2 S1 J
        MontgomeryField.copy(t, 40, r, ro + X);
        MontgomeryField.copy(t, 36, r, ro + Z);
    }

    /** r = 2p, Jacobian. */
    @Override
    public void dbl(long[] p, int po, long[] r, int ro) {
        if (isInfinity(p, po)) {
            setInfinity(r, ro);
            return;
        }
        // dbl-2009-l
        long[] t = this.t;
        F.sqr(p, po + X, t, 0);                 // A = X1^2
        F.sqr(p, po + Y, t, 4);                 // B = Y1^2
        F.sqr(t, 4, t, 8);                      // C = B^2
        F.add(p, po + X, t, 4, t, 12);
        F.sqr(t, 12, t, 12);
        F.sub(t, 12, t, 0, t, 12);
        F.sub(t, 12, t, 8, t, 12);
        F.add(t, 12, t, 12, t, 12);             // D = 2 ((X1 + B)^2 - A - C)
        F.add(t, 0, t, 0, t, 16);
        F.add(t, 16, t, 0, t, 16);              // E = 3A
        F.sqr(t, 16, t, 20);                    // F = E^2
        F.mul(p, po + Y, p, po + Z, t, 24);
        F.add(t, 24, t, 24, r, ro + Z);         // Z3 = 2 Y1 Z1
        F.sub(t, 20, t, 12, t, 20);
        F.sub(t, 20, t, 12, r, ro + X);         // X3 = F - 2D
        F.sub(t, 12, r, ro + X, t, 12);
        F.mul(t, 16, t, 12, t, 12);
        F.add(t, 8, t, 8, t, 8);
        F.add(t, 8, t, 8, t, 8);
        F.add(t, 8, t, 8, t, 8);
        F.sub(t, 12, t, 8, r, ro + Y);          // Y3 = E (D - X3) - 8C
    }

    /** r = p + q where p and r are Jacobian and q is affine (mixed addition). */
    @Override
    public void addAffine(long[] p, int po, long[] q, int qo, long[] r, int ro) {
        if (isInfinityAffine(q, qo)) {
            System.arraycopy(p, po, r, ro, JACOBIAN);
            return;
        }
        if (isInfinity(p, po)) {
            System.arraycopy(q, qo, r, ro, AFFINE);
            F.setOne(r, ro + Z);
            return;
        }
        // madd-2007-bl
        long[] t = this.t;
        F.sqr(p, po + Z, t, 0);                 // Z1Z1
        F.mul(q, qo + X, t, 0, t, 4);           // U2 = X2 Z1Z1
        F.mul(q, qo + Y, p, po + Z, t, 8);
        F.mul(t, 8, t, 0, t, 8);                // S2 = Y2 Z1 Z1Z1
        F.sub(t, 4, p, po + X, t, 4);           // H = U2 - X1
        F.sub(t, 8, p, po + Y, t, 8);           // S2 - Y1
        if (F.isZero(t, 4)) {
            if (F.isZero(t, 8)) {
                dbl(p, po, r, ro);
            } else {
                setInfinity(r, ro);
            }
            return;
        }
        F.add(t, 8, t, 8, t, 8);                // rr = 2 (S2 - Y1)
        F.sqr(t, 4, t, 12);                     // HH = H^2
        F.add(t, 12, t, 12, t, 16);
        F.add(t, 16, t, 16, t, 16);             // I = 4 HH
        F.mul(t, 4, t, 16, t, 20);              // J = H I
        F.mul(p, po + X, t, 16, t, 24);         // V = X1 I
        F.add(p, po + Z, t, 4, t, 28);
        F.sqr(t, 28, t, 28);
        F.sub(t, 28, t, 0, t, 28);
        F.sub(t, 28, t, 12, t, 28);             // Z3 = (Z1 + H)^2 - Z1Z1 - HH
        F.sqr(t, 8, t, 32);
        F.sub(t, 32, t, 20, t, 32);
        F.sub(t, 32, t, 24, t, 32);
        F.sub(t, 32, t, 24, t, 32);             // X3 = rr^2 - J - 2V
        F.mul(p, po + Y, t, 20, t, 36);
        F.add(t, 36, t, 36, t, 36);             // 2 Y1 J
        F.sub(t, 24, t, 32, t, 40);
        F.mul(t, 40, t, 8, t, 40);
        F.sub(t, 40, t, 36, r, ro + Y);         // Y3 = rr (V - X3) - 2 Y1 J
        MontgomeryField.copy(t, 32, r, ro + X);
        MontgomeryField.copy(t, 28, r, ro + Z);
    }

    /** r = -p, Jacobian. */
    public static void neg(long[] p, int po, long[] r, int ro) {
        MontgomeryField.copy(p, po + X, r, ro + X);
        F.neg(p, po + Y, r, ro + Y);
        MontgomeryField.copy(p, po + Z, r, ro + Z);
    }

    /** r = -p, affine (infinity stays all zeros). */
    public static void negAffine(long[] p, int po, long[] r, int ro) {
        MontgomeryField.copy(p, po + X, r, ro + X);
        F.neg(p, po + Y, r, ro + Y);
    }

    /** Whether two Jacobian points are the same point (whatever their Z). */
    public boolean equal(long[] p, int po, long[] q, int qo) {
        boolean pInf = isInfinity(p, po), qInf = isInfinity(q, qo);
        if (pInf || qInf) {
            return pInf && qInf;
        }
        long[] t = this.t;
        F.sqr(p, po + Z, t, 0);                 // Z1^2
        F.sqr(q, qo + Z, t, 4);                 // Z2^2
        F.mul(p, po + X, t, 4, t, 8);
        F.mul(q, qo + X, t, 0, t, 12);
        if (!MontgomeryField.equal(t, 8, t, 12)) {
            return false;
        }
        F.mul(t, 0, p, po + Z, t, 0);           // Z1^3
        F.mul(t, 4, q, qo + Z, t, 4);           // Z2^3
        F.mul(p, po + Y, t, 4, t, 8);
        F.mul(q, qo + Y, t, 0, t, 12);
        return MontgomeryField.equal(t, 8, t, 12);
    }

    // ---------------------------------------------------------------- representation changes

    /** r (affine) = p (Jacobian); infinity becomes all zeros. */
    public void toAffine(long[] p, int po, long[] r, int ro) {
        if (isInfinity(p, po)) {
            setInfinityAffine(r, ro);
            return;
        }
        long[] t = this.t;
        F.inv(p, po + Z, t, 0);
        F.sqr(t, 0, t, 4);
        F.mul(t, 4, t, 0, t, 0);                // Z^-3
        F.mul(p, po + X, t, 4, r, ro + X);
        F.mul(p, po + Y, t, 0, r, ro + Y);
    }

    /**
     * Converts {@code count} consecutive Jacobian points to affine with one field inversion
     * (Montgomery's trick). The output must not overlap the input.
     */
    @Override
    public void toAffine(long[] p, int po, int count, long[] r, int ro) {
        // prefix[i] = product of the non-zero Z of points 0..i
        long[] prefix = new long[4 * count];
        long[] acc = F.one();
        for (int i = 0; i < count; i++) {
            int zo = po + i * JACOBIAN + Z;
            if (!F.isZero(p, zo)) {
                F.mul(acc, 0, p, zo, acc, 0);
            }
            MontgomeryField.copy(acc, 0, prefix, 4 * i);
        }
        F.inv(acc, 0, acc, 0);                  // acc = 1 / (product of all non-zero Z)
        long[] t = this.t;
        for (int i = count - 1; i >= 0; i--) {
            int pi = po + i * JACOBIAN;
            int oi = ro + i * AFFINE;
            if (isInfinity(p, pi)) {
                setInfinityAffine(r, oi);
                continue;
            }
            if (i > 0) {
                F.mul(acc, 0, prefix, 4 * (i - 1), t, 0);  // 1 / Z_i
                F.mul(acc, 0, p, pi + Z, acc, 0);
            } else {
                MontgomeryField.copy(acc, 0, t, 0);
            }
            F.sqr(t, 0, t, 4);
            F.mul(t, 4, t, 0, t, 0);
            F.mul(p, pi + X, t, 4, r, oi + X);
            F.mul(p, pi + Y, t, 0, r, oi + Y);
        }
    }

    /** r (Jacobian) = p (affine). */
    public static void fromAffine(long[] p, int po, long[] r, int ro) {
        if (isInfinityAffine(p, po)) {
            setInfinity(r, ro);
            return;
        }
        System.arraycopy(p, po, r, ro, AFFINE);
        F.setOne(r, ro + Z);
    }

    public static boolean isInfinity(long[] p, int po) {
        return F.isZero(p, po + Z);
    }

    public static boolean isInfinityAffine(long[] p, int po) {
        return F.isZero(p, po + X) && F.isZero(p, po + Y);
    }

    public static void setInfinity(long[] r, int ro) {
        java.util.Arrays.fill(r, ro, ro + JACOBIAN, 0L);
    }

    public static void setInfinityAffine(long[] r, int ro) {
        java.util.Arrays.fill(r, ro, ro + AFFINE, 0L);
    }

    // ---------------------------------------------------------------- scalar multiplication

    /**
     * [k] p for an affine point p and any k >= 0 (not reduced mod r, so it is also meaningful for
     * points outside G1), as a new Jacobian point. Fixed 4-bit windows.
     */
    @Override
    public long[] mul(long[] p, int po, BigInteger k) {
        if (k.signum() < 0) {
            throw new IllegalArgumentException("scalar must not be negative");
        }
        long[] acc = new long[JACOBIAN];
        if (k.signum() == 0 || isInfinityAffine(p, po)) {
            return acc;
        }
        fromAffine(p, po, table, JACOBIAN);
        for (int i = 2; i < 16; i++) {
            addAffine(table, (i - 1) * JACOBIAN, p, po, table, i * JACOBIAN);
        }
        int windows = (k.bitLength() + 3) / 4;
        for (int w = windows - 1; w >= 0; w--) {
            for (int d = 0; d < 4; d++) {
                dbl(acc, 0, acc, 0);
            }
            int digit = (k.testBit(4 * w) ? 1 : 0) | (k.testBit(4 * w + 1) ? 2 : 0)
                    | (k.testBit(4 * w + 2) ? 4 : 0) | (k.testBit(4 * w + 3) ? 8 : 0);
            if (digit != 0) {
                add(acc, 0, table, digit * JACOBIAN, acc, 0);
            }
        }
        return acc;
    }

    // ---------------------------------------------------------------- validation and encodings

    /** Whether an affine point satisfies y^2 = x^3 + 3; infinity counts as on the curve. */
    public static boolean isOnCurve(long[] p, int po) {
        if (isInfinityAffine(p, po)) {
            return true;
        }
        long[] t = new long[8];
        F.sqr(p, po + Y, t, 0);
        F.sqr(p, po + X, t, 4);
        F.mul(t, 4, p, po + X, t, 4);
        F.add(t, 4, B, 0, t, 4);
        return MontgomeryField.equal(t, 0, t, 4);
    }

    /** G1 has cofactor 1: every point on the curve is in the subgroup of order r. */
    public static boolean isInSubgroup(long[] p, int po) {
        return isOnCurve(p, po);
    }

    /**
     * The affine point (x, y) from canonical integers; (0, 0) is the point at infinity.
     *
     * @throws IllegalArgumentException if a coordinate is not in [0, p) or the point is not on
     *     the curve
     */
    public static long[] fromBigIntegers(BigInteger x, BigInteger y) {
        requireCoordinate(x, "x");
        requireCoordinate(y, "y");
        long[] p = new long[AFFINE];
        F.fromBigInteger(x, p, X);
        F.fromBigInteger(y, p, Y);
        if (!isOnCurve(p, 0)) {
            throw new IllegalArgumentException("G1 point (" + x + ", " + y + ") is not on the curve");
        }
        return p;
    }

    /** {x, y} as canonical integers; infinity is {0, 0}. */
    public static BigInteger[] toBigIntegers(long[] p, int po) {
        return new BigInteger[] {F.toBigInteger(p, po + X), F.toBigInteger(p, po + Y)};
    }

    /** EIP-196 encoding: 64 bytes, big-endian x then y; infinity is all zeros. */
    public static byte[] encodeEvm(long[] p, int po) {
        byte[] out = new byte[64];
        EvmWords.write(F, p, po + X, out, 0);
        EvmWords.write(F, p, po + Y, out, 32);
        return out;
    }

    /**
     * Decodes 64 bytes at {@code offset} as EIP-196 does: all zeros is infinity, otherwise both
     * coordinates must be below p and the point must be on the curve.
     *
     * @throws IllegalArgumentException for a coordinate >= p or a point not on the curve
     */
    public static long[] decodeEvm(byte[] in, int offset) {
        if (offset < 0 || in.length - offset < 64) {
            throw new IllegalArgumentException("a G1 point needs 64 bytes");
        }
        long[] p = new long[AFFINE];
        EvmWords.read(F, in, offset, p, X, "G1 x");
        EvmWords.read(F, in, offset + 32, p, Y, "G1 y");
        if (!isOnCurve(p, 0)) {
            throw new IllegalArgumentException("G1 point is not on the curve");
        }
        return p;
    }

    private static void requireCoordinate(BigInteger v, String name) {
        if (!F.isCanonical(v)) {
            throw new IllegalArgumentException("G1 " + name + " coordinate is not in [0, p): " + v);
        }
    }
}
