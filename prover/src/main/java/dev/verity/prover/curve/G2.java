package dev.verity.prover.curve;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp2;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;

/**
 * The BN254 group G2: the order-r subgroup of the sextic twist y^2 = x^3 + 3/(9+u) over Fp2
 * (D-type, as in EIP-197 and ffjavascript). The twist has a large cofactor, so unlike G1 a point
 * on the curve is not necessarily in G2: see {@link #isInSubgroup}.
 *
 * <p>Points live in flat {@code long[]} slots of Fp2 elements (8 longs each, c0 then c1): affine
 * is {@value #AFFINE} longs (x, y), the point at infinity all zeros; Jacobian is {@value #JACOBIAN}
 * longs (X, Y, Z) meaning (X/Z^2, Y/Z^3), infinity iff Z = 0.
 *
 * <p>An instance owns scratch space, so the group law allocates nothing, and it is <b>not
 * thread-safe</b>: use one instance per thread. Every method reads all of its inputs before it
 * writes its output, so outputs may alias inputs. The static methods are thread-safe.
 */
public final class G2 implements CurveArithmetic {
    public static final int AFFINE = 16;
    public static final int JACOBIAN = 24;

    private static final int E = Fp2.LIMBS;
    private static final int X = 0, Y = E, Z = 2 * E;
    private static final MontgomeryField F = Fp.FIELD;

    /** The BN parameter x (the "u" of the BN family) that generates p and r. */
    private static final BigInteger BN_X = new BigInteger("4965661367192848881");
    /** psi acts on G2 as multiplication by p = 6x^2 (mod r). */
    private static final BigInteger PSI_EIGENVALUE = BN_X.multiply(BN_X).multiply(BigInteger.valueOf(6));

    /** b2 = 3 / (9 + u). */
    private static final long[] B2;
    /** Constants of psi: xi^((p-1)/3) for x and xi^((p-1)/2) for y, xi = 9 + u. */
    static final long[] PSI_X, PSI_Y;

    static {
        Fp2 f = new Fp2();
        long[] xi = Fp2.of(BigInteger.valueOf(9), BigInteger.ONE);
        B2 = new long[E];
        f.inv(xi, 0, B2, 0);
        f.mul(B2, 0, Fp2.of(BigInteger.valueOf(3), BigInteger.ZERO), 0, B2, 0);
        BigInteger pMinus1 = Fp.MODULUS.subtract(BigInteger.ONE);
        PSI_X = pow(f, xi, pMinus1.divide(BigInteger.valueOf(3)));
        PSI_Y = pow(f, xi, pMinus1.shiftRight(1));
    }

    /** The EIP-197 generator, affine. Shared: copy it, never write to it. */
    public static final long[] GENERATOR = fromBigIntegers(
            new BigInteger[] {
                new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
                new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")},
            new BigInteger[] {
                new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
                new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")});

    private final Fp2 f2 = new Fp2();
    /** Scratch Fp2 elements, 8 longs each. */
    private final long[] t = new long[16 * E];
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
        Fp2 f = f2;
        long[] t = this.t;
        f.sqr(p, po + Z, t, 0);                 // Z1Z1
        f.sqr(q, qo + Z, t, 8);                 // Z2Z2
        f.mul(p, po + X, t, 8, t, 16);          // U1 = X1 Z2Z2
        f.mul(q, qo + X, t, 0, t, 24);          // U2 = X2 Z1Z1
        f.mul(p, po + Y, q, qo + Z, t, 32);
        f.mul(t, 32, t, 8, t, 32);              // S1 = Y1 Z2 Z2Z2
        f.mul(q, qo + Y, p, po + Z, t, 40);
        f.mul(t, 40, t, 0, t, 40);              // S2 = Y2 Z1 Z1Z1
        f.sub(t, 24, t, 16, t, 24);             // H = U2 - U1
        f.sub(t, 40, t, 32, t, 40);             // S2 - S1
        if (Fp2.isZero(t, 24)) {
            if (Fp2.isZero(t, 40)) {
                dbl(p, po, r, ro);
            } else {
                setInfinity(r, ro);
            }
            return;
        }
        f.dbl(t, 40, t, 40);                    // rr = 2 (S2 - S1)
        f.dbl(t, 24, t, 48);
        f.sqr(t, 48, t, 48);                    // I = (2H)^2
        f.mul(t, 24, t, 48, t, 56);             // J = H I
        f.mul(t, 16, t, 48, t, 64);             // V = U1 I
        f.add(p, po + Z, q, qo + Z, t, 72);
        f.sqr(t, 72, t, 72);
        f.sub(t, 72, t, 0, t, 72);
        f.sub(t, 72, t, 8, t, 72);
        f.mul(t, 72, t, 24, t, 72);             // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2) H
        f.sqr(t, 40, t, 80);
        f.sub(t, 80, t, 56, t, 80);
        f.sub(t, 80, t, 64, t, 80);
        f.sub(t, 80, t, 64, t, 80);             // X3 = rr^2 - J - 2V
        f.sub(t, 64, t, 80, t, 88);
        f.mul(t, 88, t, 40, t, 88);
        f.mul(t, 32, t, 56, t, 96);
        f.dbl(t, 96, t, 96);
        f.sub(t, 88, t, 96, r, ro + Y);         // Y3 = rr (V - X3) - 2 S1 J
        Fp2.copy(t, 80, r, ro + X);
        Fp2.copy(t, 72, r, ro + Z);
    }

    /** r = 2p, Jacobian. */
    @Override
    public void dbl(long[] p, int po, long[] r, int ro) {
        if (isInfinity(p, po)) {
            setInfinity(r, ro);
            return;
        }
        // dbl-2009-l
        Fp2 f = f2;
        long[] t = this.t;
        f.sqr(p, po + X, t, 0);                 // A = X1^2
        f.sqr(p, po + Y, t, 8);                 // B = Y1^2
        f.sqr(t, 8, t, 16);                     // C = B^2
        f.add(p, po + X, t, 8, t, 24);
        f.sqr(t, 24, t, 24);
        f.sub(t, 24, t, 0, t, 24);
        f.sub(t, 24, t, 16, t, 24);
        f.dbl(t, 24, t, 24);                    // D = 2 ((X1 + B)^2 - A - C)
        f.dbl(t, 0, t, 32);
        f.add(t, 32, t, 0, t, 32);              // E = 3A
        f.sqr(t, 32, t, 40);                    // F = E^2
        f.mul(p, po + Y, p, po + Z, t, 48);
        f.dbl(t, 48, r, ro + Z);                // Z3 = 2 Y1 Z1
        f.sub(t, 40, t, 24, t, 40);
        f.sub(t, 40, t, 24, r, ro + X);         // X3 = F - 2D
        f.sub(t, 24, r, ro + X, t, 24);
        f.mul(t, 32, t, 24, t, 24);
        f.dbl(t, 16, t, 16);
        f.dbl(t, 16, t, 16);
        f.dbl(t, 16, t, 16);
        f.sub(t, 24, t, 16, r, ro + Y);         // Y3 = E (D - X3) - 8C
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
            Fp2.setOne(r, ro + Z);
            return;
        }
        // madd-2007-bl
        Fp2 f = f2;
        long[] t = this.t;
        f.sqr(p, po + Z, t, 0);                 // Z1Z1
        f.mul(q, qo + X, t, 0, t, 8);           // U2 = X2 Z1Z1
        f.mul(q, qo + Y, p, po + Z, t, 16);
        f.mul(t, 16, t, 0, t, 16);              // S2 = Y2 Z1 Z1Z1
        f.sub(t, 8, p, po + X, t, 8);           // H = U2 - X1
        f.sub(t, 16, p, po + Y, t, 16);         // S2 - Y1
        if (Fp2.isZero(t, 8)) {
            if (Fp2.isZero(t, 16)) {
                dbl(p, po, r, ro);
            } else {
                setInfinity(r, ro);
            }
            return;
        }
        f.dbl(t, 16, t, 16);                    // rr = 2 (S2 - Y1)
        f.sqr(t, 8, t, 24);                     // HH = H^2
        f.dbl(t, 24, t, 32);
        f.dbl(t, 32, t, 32);                    // I = 4 HH
        f.mul(t, 8, t, 32, t, 40);              // J = H I
        f.mul(p, po + X, t, 32, t, 48);         // V = X1 I
        f.add(p, po + Z, t, 8, t, 56);
        f.sqr(t, 56, t, 56);
        f.sub(t, 56, t, 0, t, 56);
        f.sub(t, 56, t, 24, t, 56);             // Z3 = (Z1 + H)^2 - Z1Z1 - HH
        f.sqr(t, 16, t, 64);
        f.sub(t, 64, t, 40, t, 64);
        f.sub(t, 64, t, 48, t, 64);
        f.sub(t, 64, t, 48, t, 64);             // X3 = rr^2 - J - 2V
        f.mul(p, po + Y, t, 40, t, 72);
        f.dbl(t, 72, t, 72);                    // 2 Y1 J
        f.sub(t, 48, t, 64, t, 80);
        f.mul(t, 80, t, 16, t, 80);
        f.sub(t, 80, t, 72, r, ro + Y);         // Y3 = rr (V - X3) - 2 Y1 J
        Fp2.copy(t, 64, r, ro + X);
        Fp2.copy(t, 56, r, ro + Z);
    }

    /** r = -p, Jacobian. */
    public static void neg(long[] p, int po, long[] r, int ro) {
        Fp2.copy(p, po + X, r, ro + X);
        F.neg(p, po + Y, r, ro + Y);
        F.neg(p, po + Y + 4, r, ro + Y + 4);
        Fp2.copy(p, po + Z, r, ro + Z);
    }

    /** r = -p, affine (infinity stays all zeros). */
    public static void negAffine(long[] p, int po, long[] r, int ro) {
        Fp2.copy(p, po + X, r, ro + X);
        F.neg(p, po + Y, r, ro + Y);
        F.neg(p, po + Y + 4, r, ro + Y + 4);
    }

    /** Whether two Jacobian points are the same point (whatever their Z). */
    public boolean equal(long[] p, int po, long[] q, int qo) {
        boolean pInf = isInfinity(p, po), qInf = isInfinity(q, qo);
        if (pInf || qInf) {
            return pInf && qInf;
        }
        Fp2 f = f2;
        long[] t = this.t;
        f.sqr(p, po + Z, t, 0);                 // Z1^2
        f.sqr(q, qo + Z, t, 8);                 // Z2^2
        f.mul(p, po + X, t, 8, t, 16);
        f.mul(q, qo + X, t, 0, t, 24);
        if (!Fp2.equal(t, 16, t, 24)) {
            return false;
        }
        f.mul(t, 0, p, po + Z, t, 0);           // Z1^3
        f.mul(t, 8, q, qo + Z, t, 8);           // Z2^3
        f.mul(p, po + Y, t, 8, t, 16);
        f.mul(q, qo + Y, t, 0, t, 24);
        return Fp2.equal(t, 16, t, 24);
    }

    /**
     * r = psi(p), Jacobian: the untwist-Frobenius-twist endomorphism
     * (x, y) -> (conj(x) xi^((p-1)/3), conj(y) xi^((p-1)/2)).
     */
    public void psi(long[] p, int po, long[] r, int ro) {
        Fp2 f = f2;
        f.conjugate(p, po + X, r, ro + X);
        f.mul(r, ro + X, PSI_X, 0, r, ro + X);
        f.conjugate(p, po + Y, r, ro + Y);
        f.mul(r, ro + Y, PSI_Y, 0, r, ro + Y);
        f.conjugate(p, po + Z, r, ro + Z);
    }

    // ---------------------------------------------------------------- representation changes

    /** r (affine) = p (Jacobian); infinity becomes all zeros. */
    public void toAffine(long[] p, int po, long[] r, int ro) {
        if (isInfinity(p, po)) {
            setInfinityAffine(r, ro);
            return;
        }
        Fp2 f = f2;
        long[] t = this.t;
        f.inv(p, po + Z, t, 0);
        f.sqr(t, 0, t, 8);
        f.mul(t, 8, t, 0, t, 0);                // Z^-3
        f.mul(p, po + X, t, 8, r, ro + X);
        f.mul(p, po + Y, t, 0, r, ro + Y);
    }

    /**
     * Converts {@code count} consecutive Jacobian points to affine with one field inversion
     * (Montgomery's trick). The output must not overlap the input.
     */
    @Override
    public void toAffine(long[] p, int po, int count, long[] r, int ro) {
        Fp2 f = f2;
        long[] prefix = new long[E * count];
        long[] acc = new long[E];
        Fp2.setOne(acc, 0);
        for (int i = 0; i < count; i++) {
            int zo = po + i * JACOBIAN + Z;
            if (!Fp2.isZero(p, zo)) {
                f.mul(acc, 0, p, zo, acc, 0);
            }
            Fp2.copy(acc, 0, prefix, E * i);
        }
        f.inv(acc, 0, acc, 0);                  // acc = 1 / (product of all non-zero Z)
        long[] t = this.t;
        for (int i = count - 1; i >= 0; i--) {
            int pi = po + i * JACOBIAN;
            int oi = ro + i * AFFINE;
            if (isInfinity(p, pi)) {
                setInfinityAffine(r, oi);
                continue;
            }
            if (i > 0) {
                f.mul(acc, 0, prefix, E * (i - 1), t, 0);  // 1 / Z_i
                f.mul(acc, 0, p, pi + Z, acc, 0);
            } else {
                Fp2.copy(acc, 0, t, 0);
            }
            f.sqr(t, 0, t, 8);
            f.mul(t, 8, t, 0, t, 0);
            f.mul(p, pi + X, t, 8, r, oi + X);
            f.mul(p, pi + Y, t, 0, r, oi + Y);
        }
    }

    /** r (Jacobian) = p (affine). */
    public static void fromAffine(long[] p, int po, long[] r, int ro) {
        if (isInfinityAffine(p, po)) {
            setInfinity(r, ro);
            return;
        }
        System.arraycopy(p, po, r, ro, AFFINE);
        Fp2.setOne(r, ro + Z);
    }

    public static boolean isInfinity(long[] p, int po) {
        return Fp2.isZero(p, po + Z);
    }

    public static boolean isInfinityAffine(long[] p, int po) {
        return Fp2.isZero(p, po + X) && Fp2.isZero(p, po + Y);
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
     * twist points outside G2), as a new Jacobian point. Fixed 4-bit windows.
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

    /** Whether an affine point satisfies y^2 = x^3 + b2; infinity counts as on the curve. */
    public static boolean isOnCurve(long[] p, int po) {
        if (isInfinityAffine(p, po)) {
            return true;
        }
        Fp2 f = new Fp2();
        long[] t = new long[2 * E];
        f.sqr(p, po + Y, t, 0);
        f.sqr(p, po + X, t, E);
        f.mul(t, E, p, po + X, t, E);
        f.add(t, E, B2, 0, t, E);
        return Fp2.equal(t, 0, t, E);
    }

    /**
     * Whether an affine point is in G2 (on the twist and of order r; infinity counts). Uses the
     * endomorphism test psi(P) == [6x^2] P, which holds exactly for the points of G2 on BN curves
     * (psi has eigenvalue p = 6x^2 mod r on G2); about half the cost of computing [r] P.
     */
    public static boolean isInSubgroup(long[] p, int po) {
        if (!isOnCurve(p, po)) {
            return false;
        }
        if (isInfinityAffine(p, po)) {
            return true;
        }
        G2 g = new G2();
        long[] lhs = new long[JACOBIAN];
        fromAffine(p, po, lhs, 0);
        g.psi(lhs, 0, lhs, 0);
        long[] rhs = g.mul(p, po, PSI_EIGENVALUE);
        return g.equal(lhs, 0, rhs, 0);
    }

    /**
     * The affine point from canonical integers {@code x = {x.c0, x.c1}}, {@code y = {y.c0, y.c1}};
     * all zeros is the point at infinity. Checks that the point is on the twist, as snarkjs does;
     * call {@link #isInSubgroup} where membership in G2 matters.
     *
     * @throws IllegalArgumentException if a coordinate is not in [0, p) or the point is not on
     *     the twist
     */
    public static long[] fromBigIntegers(BigInteger[] x, BigInteger[] y) {
        if (x.length != 2 || y.length != 2) {
            throw new IllegalArgumentException("G2 coordinates need two components (c0, c1)");
        }
        long[] p = new long[AFFINE];
        set(x[0], "x.c0", p, X);
        set(x[1], "x.c1", p, X + 4);
        set(y[0], "y.c0", p, Y);
        set(y[1], "y.c1", p, Y + 4);
        if (!isOnCurve(p, 0)) {
            throw new IllegalArgumentException("G2 point is not on the twist curve");
        }
        return p;
    }

    /** {{x.c0, x.c1}, {y.c0, y.c1}} as canonical integers; infinity is all zeros. */
    public static BigInteger[][] toBigIntegers(long[] p, int po) {
        return new BigInteger[][] {Fp2.toBigIntegers(p, po + X), Fp2.toBigIntegers(p, po + Y)};
    }

    /** EIP-197 encoding: 128 bytes, big-endian x.c1, x.c0, y.c1, y.c0; infinity is all zeros. */
    public static byte[] encodeEvm(long[] p, int po) {
        byte[] out = new byte[128];
        EvmWords.write(F, p, po + X + 4, out, 0);
        EvmWords.write(F, p, po + X, out, 32);
        EvmWords.write(F, p, po + Y + 4, out, 64);
        EvmWords.write(F, p, po + Y, out, 96);
        return out;
    }

    /**
     * Decodes 128 bytes at {@code offset} as EIP-197 does: all zeros is infinity, otherwise every
     * coordinate must be below p and the point must be in G2.
     *
     * @throws IllegalArgumentException for a coordinate >= p, a point not on the twist or a point
     *     outside the subgroup
     */
    public static long[] decodeEvm(byte[] in, int offset) {
        if (offset < 0 || in.length - offset < 128) {
            throw new IllegalArgumentException("a G2 point needs 128 bytes");
        }
        long[] p = new long[AFFINE];
        EvmWords.read(F, in, offset, p, X + 4, "G2 x.c1");
        EvmWords.read(F, in, offset + 32, p, X, "G2 x.c0");
        EvmWords.read(F, in, offset + 64, p, Y + 4, "G2 y.c1");
        EvmWords.read(F, in, offset + 96, p, Y, "G2 y.c0");
        if (!isOnCurve(p, 0)) {
            throw new IllegalArgumentException("G2 point is not on the twist curve");
        }
        if (!isInSubgroup(p, 0)) {
            throw new IllegalArgumentException("G2 point is not in the subgroup of order r");
        }
        return p;
    }

    private static void set(BigInteger v, String name, long[] r, int ro) {
        if (!F.isCanonical(v)) {
            throw new IllegalArgumentException("G2 " + name + " is not in [0, p): " + v);
        }
        F.fromBigInteger(v, r, ro);
    }

    private static long[] pow(Fp2 f, long[] base, BigInteger e) {
        long[] acc = new long[E];
        Fp2.setOne(acc, 0);
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            f.sqr(acc, 0, acc, 0);
            if (e.testBit(i)) {
                f.mul(acc, 0, base, 0, acc, 0);
            }
        }
        return acc;
    }
}
