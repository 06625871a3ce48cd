package dev.verity.prover.ptau;

import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fp;
import java.math.BigInteger;
import java.util.Random;

/** Random points of the G2 twist y^2 = x^3 + 3/(9+u), BigInteger arithmetic: almost never in G2. */
final class TwistPoints {
    private static final BigInteger P = Fp.MODULUS;

    private TwistPoints() {
    }

    /** An affine twist point (shared layout) with a random x. */
    static long[] random(Random rnd) {
        // b2 = 3 / (9 + u) = 3 (9 - u) / 82
        BigInteger inv82 = BigInteger.valueOf(82).modInverse(P);
        BigInteger[] b2 = {BigInteger.valueOf(27).multiply(inv82).mod(P), BigInteger.valueOf(-3).multiply(inv82).mod(P)};
        while (true) {
            BigInteger[] x = {new BigInteger(260, rnd).mod(P), new BigInteger(260, rnd).mod(P)};
            BigInteger[] rhs = add(mul(mul(x, x), x), b2);
            BigInteger[] y = sqrt(rhs);
            if (y != null) {
                return G2.fromBigIntegers(x, y);
            }
        }
    }

    private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {a[0].add(b[0]).mod(P), a[1].add(b[1]).mod(P)};
    }

    private static BigInteger[] mul(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {a[0].multiply(b[0]).subtract(a[1].multiply(b[1])).mod(P),
            a[0].multiply(b[1]).add(a[1].multiply(b[0])).mod(P)};
    }

    /** A square root in Fp, or null (p = 3 mod 4). */
    private static BigInteger sqrtFp(BigInteger a) {
        BigInteger s = a.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
        return s.multiply(s).mod(P).equals(a.mod(P)) ? s : null;
    }

    /** A square root of a0 + a1 u in Fp2 (u^2 = -1), or null: via the norm, checked at the end. */
    private static BigInteger[] sqrt(BigInteger[] a) {
        BigInteger norm = sqrtFp(a[0].multiply(a[0]).add(a[1].multiply(a[1])).mod(P));
        if (norm == null) {
            return null;
        }
        BigInteger half = BigInteger.TWO.modInverse(P);
        BigInteger x0 = sqrtFp(a[0].add(norm).multiply(half).mod(P));
        if (x0 == null) {
            x0 = sqrtFp(a[0].subtract(norm).multiply(half).mod(P));
        }
        if (x0 == null || x0.signum() == 0) {
            return null;
        }
        BigInteger x1 = a[1].multiply(x0.shiftLeft(1).modInverse(P)).mod(P);
        BigInteger[] root = {x0, x1};
        BigInteger[] check = mul(root, root);
        return check[0].equals(a[0].mod(P)) && check[1].equals(a[1].mod(P)) ? root : null;
    }
}
