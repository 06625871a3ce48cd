package dev.verity.prover.pairing;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp2;
import java.math.BigInteger;

/**
 * Test-only affine arithmetic on BN254 and its twist with BigInteger, independent of the production
 * code. One implementation serves both groups: a point is {x0, x1, y0, y1} over Fp2 (G1 points
 * have x1 = y1 = 0), {@code null} is the point at infinity.
 */
final class CurveReference {
    static final BigInteger P = Fp.MODULUS;
    static final BigInteger R = new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");
    static final BigInteger[] G1_B = {BigInteger.valueOf(3), BigInteger.ZERO};
    /** b' = 3 / (9 + u). */
    static final BigInteger[] G2_B = mul(new BigInteger[] {BigInteger.valueOf(3), BigInteger.ZERO},
            inv(new BigInteger[] {BigInteger.valueOf(9), BigInteger.ONE}));
    static final BigInteger[] G1_GENERATOR = {BigInteger.ONE, BigInteger.ZERO, BigInteger.TWO, BigInteger.ZERO};
    /** The G2 generator of EIP-197 and ffjavascript. */
    static final BigInteger[] G2_GENERATOR = {
        new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
        new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
        new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
        new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")};

    private CurveReference() {
    }

    static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {a[0].add(b[0]).mod(P), a[1].add(b[1]).mod(P)};
    }

    static BigInteger[] sub(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {a[0].subtract(b[0]).mod(P), a[1].subtract(b[1]).mod(P)};
    }

    static BigInteger[] mul(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {
            a[0].multiply(b[0]).subtract(a[1].multiply(b[1])).mod(P),
            a[0].multiply(b[1]).add(a[1].multiply(b[0])).mod(P)};
    }

    static BigInteger[] inv(BigInteger[] a) {
        BigInteger norm = a[0].multiply(a[0]).add(a[1].multiply(a[1])).mod(P).modInverse(P);
        return new BigInteger[] {a[0].multiply(norm).mod(P), a[1].negate().multiply(norm).mod(P)};
    }

    static BigInteger[] x(BigInteger[] point) {
        return new BigInteger[] {point[0], point[1]};
    }

    static BigInteger[] y(BigInteger[] point) {
        return new BigInteger[] {point[2], point[3]};
    }

    static BigInteger[] point(BigInteger[] x, BigInteger[] y) {
        return new BigInteger[] {x[0], x[1], y[0], y[1]};
    }

    static boolean isOnCurve(BigInteger[] point, BigInteger[] b) {
        BigInteger[] x = x(point), y = y(point);
        return java.util.Arrays.equals(mul(y, y), add(mul(mul(x, x), x), b));
    }

    static BigInteger[] negate(BigInteger[] point) {
        return point == null ? null : point(x(point), sub(new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO}, y(point)));
    }

    static BigInteger[] addPoints(BigInteger[] a, BigInteger[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        BigInteger[] slope;
        if (java.util.Arrays.equals(x(a), x(b))) {
            if (!java.util.Arrays.equals(y(a), y(b)) || (y(a)[0].signum() == 0 && y(a)[1].signum() == 0)) {
                return null;
            }
            BigInteger[] xx = mul(x(a), x(a));
            slope = mul(add(add(xx, xx), xx), inv(add(y(a), y(a))));
        } else {
            slope = mul(sub(y(b), y(a)), inv(sub(x(b), x(a))));
        }
        BigInteger[] x3 = sub(sub(mul(slope, slope), x(a)), x(b));
        BigInteger[] y3 = sub(mul(slope, sub(x(a), x3)), y(a));
        return point(x3, y3);
    }

    static BigInteger[] multiply(BigInteger[] point, BigInteger k) {
        BigInteger[] acc = null;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = addPoints(acc, acc);
            if (k.testBit(i)) {
                acc = addPoints(acc, point);
            }
        }
        return acc;
    }

    /** The shared G1 affine layout (8 limbs, Montgomery; zeros for infinity). */
    static long[] g1Limbs(BigInteger[] point) {
        long[] out = new long[8];
        if (point != null) {
            Fp.FIELD.fromBigInteger(point[0], out, 0);
            Fp.FIELD.fromBigInteger(point[2], out, 4);
        }
        return out;
    }

    /** The shared G2 affine layout (16 limbs, Montgomery; zeros for infinity). */
    static long[] g2Limbs(BigInteger[] point) {
        long[] out = new long[16];
        if (point != null) {
            Fp2.set(point[0], point[1], out, 0);
            Fp2.set(point[2], point[3], out, 8);
        }
        return out;
    }

    /** Concatenates affine points of one group into a flat array. */
    static long[] concat(long[]... points) {
        int size = 0;
        for (long[] p : points) {
            size += p.length;
        }
        long[] out = new long[size];
        int at = 0;
        for (long[] p : points) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
