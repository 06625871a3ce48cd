package dev.verity.prover.curve;

import dev.verity.prover.field.Fp;
import java.math.BigInteger;
import java.util.Random;

/**
 * Test-only reference: textbook affine arithmetic on y^2 = x^3 + b over Fp2 = Fp[u]/(u^2 + 1), in
 * BigInteger. G1 is the special case b = (3, 0) with all c1 components zero. A point is
 * {x0, x1, y0, y1}; the point at infinity is {@code null}. Independent of the production code
 * (no Montgomery form, no Jacobian coordinates).
 */
final class RefCurve {
    static final BigInteger P = Fp.MODULUS;
    static final BigInteger[] B_G1 = {BigInteger.valueOf(3), BigInteger.ZERO};
    /** 3 / (9 + u) computed here from scratch: 3 (9 - u) / 82. */
    static final BigInteger[] B_G2 = fdiv(new BigInteger[] {BigInteger.valueOf(27), BigInteger.valueOf(-3).mod(P)},
            new BigInteger[] {BigInteger.valueOf(82), BigInteger.ZERO});

    static final RefCurve REF_G1 = new RefCurve(B_G1);
    static final RefCurve REF_G2 = new RefCurve(B_G2);

    final BigInteger[] b;

    private RefCurve(BigInteger[] b) {
        this.b = b;
    }

    // ---------------------------------------------------------------- Fp2 in BigInteger

    static BigInteger[] fadd(BigInteger[] a, BigInteger[] c) {
        return new BigInteger[] {a[0].add(c[0]).mod(P), a[1].add(c[1]).mod(P)};
    }

    static BigInteger[] fsub(BigInteger[] a, BigInteger[] c) {
        return new BigInteger[] {a[0].subtract(c[0]).mod(P), a[1].subtract(c[1]).mod(P)};
    }

    static BigInteger[] fmul(BigInteger[] a, BigInteger[] c) {
        return new BigInteger[] {
            a[0].multiply(c[0]).subtract(a[1].multiply(c[1])).mod(P),
            a[0].multiply(c[1]).add(a[1].multiply(c[0])).mod(P)};
    }

    static BigInteger[] scale(BigInteger[] a, long k) {
        return fmul(a, new BigInteger[] {BigInteger.valueOf(k), BigInteger.ZERO});
    }

    static BigInteger[] finv(BigInteger[] a) {
        BigInteger norm = a[0].pow(2).add(a[1].pow(2)).mod(P).modInverse(P);
        return new BigInteger[] {a[0].multiply(norm).mod(P), a[1].negate().multiply(norm).mod(P)};
    }

    static BigInteger[] fdiv(BigInteger[] a, BigInteger[] c) {
        return fmul(a, finv(c));
    }

    static boolean isZero(BigInteger[] a) {
        return a[0].signum() == 0 && a[1].signum() == 0;
    }

    /** A square root in Fp (p = 3 mod 4), or null. */
    static BigInteger sqrtFp(BigInteger a) {
        BigInteger s = a.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
        return s.multiply(s).mod(P).equals(a.mod(P)) ? s : null;
    }

    /** A square root in Fp2, or null if a is not a square (complex method via the norm). */
    static BigInteger[] sqrt(BigInteger[] a) {
        if (isZero(a)) {
            return new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO};
        }
        BigInteger alpha = sqrtFp(a[0].pow(2).add(a[1].pow(2)).mod(P));
        if (alpha == null) {
            return null;
        }
        BigInteger half = BigInteger.TWO.modInverse(P);
        for (BigInteger sign : new BigInteger[] {BigInteger.ONE, BigInteger.ONE.negate()}) {
            BigInteger delta = a[0].add(sign.multiply(alpha)).multiply(half).mod(P);
            BigInteger x0 = sqrtFp(delta);
            if (x0 == null || x0.signum() == 0) {
                continue;
            }
            BigInteger x1 = a[1].multiply(x0.shiftLeft(1).modInverse(P)).mod(P);
            BigInteger[] root = {x0, x1};
            if (fmul(root, root)[0].equals(a[0]) && fmul(root, root)[1].equals(a[1])) {
                return root;
            }
        }
        // a = c0 with c1 = 0 and c0 a non-square in Fp: root is purely imaginary
        BigInteger x1 = sqrtFp(a[0].negate().mod(P));
        return x1 == null ? null : new BigInteger[] {BigInteger.ZERO, x1};
    }

    // ---------------------------------------------------------------- curve

    static BigInteger[] x(BigInteger[] pt) {
        return new BigInteger[] {pt[0], pt[1]};
    }

    static BigInteger[] y(BigInteger[] pt) {
        return new BigInteger[] {pt[2], pt[3]};
    }

    static BigInteger[] point(BigInteger[] x, BigInteger[] y) {
        return new BigInteger[] {x[0], x[1], y[0], y[1]};
    }

    boolean onCurve(BigInteger[] pt) {
        if (pt == null) {
            return true;
        }
        BigInteger[] x = x(pt), y = y(pt);
        return java.util.Arrays.equals(fmul(y, y), fadd(fmul(fmul(x, x), x), b));
    }

    BigInteger[] neg(BigInteger[] pt) {
        return pt == null ? null : point(x(pt), fsub(new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO}, y(pt)));
    }

    BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        if (p == null) {
            return q;
        }
        if (q == null) {
            return p;
        }
        BigInteger[] x1 = x(p), y1 = y(p), x2 = x(q), y2 = y(q);
        BigInteger[] lambda;
        if (java.util.Arrays.equals(x1, x2)) {
            if (!java.util.Arrays.equals(y1, y2) || isZero(y1)) {
                return null;
            }
            lambda = fdiv(scale(fmul(x1, x1), 3), scale(y1, 2));
        } else {
            lambda = fdiv(fsub(y2, y1), fsub(x2, x1));
        }
        BigInteger[] x3 = fsub(fsub(fmul(lambda, lambda), x1), x2);
        BigInteger[] y3 = fsub(fmul(lambda, fsub(x1, x3)), y1);
        return point(x3, y3);
    }

    /** Double-and-add, k >= 0, not reduced. */
    BigInteger[] mul(BigInteger[] p, BigInteger k) {
        BigInteger[] acc = null;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = add(acc, acc);
            if (k.testBit(i)) {
                acc = add(acc, p);
            }
        }
        return acc;
    }

    /** A uniformly random point of the curve (for G2: of the whole twist, not only G2). */
    BigInteger[] randomPoint(Random rnd, boolean overFp2) {
        while (true) {
            BigInteger[] x = {new BigInteger(260, rnd).mod(P), overFp2 ? new BigInteger(260, rnd).mod(P) : BigInteger.ZERO};
            BigInteger[] rhs = fadd(fmul(fmul(x, x), x), b);
            BigInteger[] y = overFp2 ? sqrt(rhs) : (rhs[1].signum() == 0 && sqrtFp(rhs[0]) != null
                    ? new BigInteger[] {sqrtFp(rhs[0]), BigInteger.ZERO} : null);
            if (y != null) {
                return point(x, rnd.nextBoolean() ? y : fsub(new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO}, y));
            }
        }
    }

    // ---------------------------------------------------------------- conversions to the production layout

    static long[] toG1(BigInteger[] pt) {
        return pt == null ? new long[G1.AFFINE]
                : G1.fromBigIntegers(pt[0], pt[2]);
    }

    static BigInteger[] fromG1(long[] affine, int off) {
        if (G1.isInfinityAffine(affine, off)) {
            return null;
        }
        BigInteger[] xy = G1.toBigIntegers(affine, off);
        return new BigInteger[] {xy[0], BigInteger.ZERO, xy[1], BigInteger.ZERO};
    }

    static long[] toG2(BigInteger[] pt) {
        return pt == null ? new long[G2.AFFINE]
                : G2.fromBigIntegers(x(pt), y(pt));
    }

    static BigInteger[] fromG2(long[] affine, int off) {
        if (G2.isInfinityAffine(affine, off)) {
            return null;
        }
        BigInteger[][] xy = G2.toBigIntegers(affine, off);
        return point(xy[0], xy[1]);
    }
}
