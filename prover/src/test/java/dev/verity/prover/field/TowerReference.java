package dev.verity.prover.field;

import java.math.BigInteger;
import java.util.Random;

/**
 * Schoolbook reference for the pairing tower on BigInteger, independent of the Karatsuba code:
 * Fp2 values are {c0, c1}, Fp6 values are three Fp2 coefficients of 1, v, v^2 reduced with
 * v^3 = xi, Fp12 values are six Fp2 coefficients of 1, w, ..., w^5 reduced with w^6 = xi.
 */
final class TowerReference {
    static final BigInteger P = Fp.MODULUS;
    static final BigInteger[] XI = {BigInteger.valueOf(9), BigInteger.ONE};

    private TowerReference() {
    }

    static BigInteger[] add2(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {a[0].add(b[0]).mod(P), a[1].add(b[1]).mod(P)};
    }

    static BigInteger[] mul2(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {
            a[0].multiply(b[0]).subtract(a[1].multiply(b[1])).mod(P),
            a[0].multiply(b[1]).add(a[1].multiply(b[0])).mod(P)};
    }

    static BigInteger[] zero2() {
        return new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO};
    }

    /** Product of polynomials over Fp2 in one variable t with t^n = xi. */
    static BigInteger[][] mulPoly(BigInteger[][] a, BigInteger[][] b) {
        int n = a.length;
        BigInteger[][] out = new BigInteger[n][];
        for (int i = 0; i < n; i++) {
            out[i] = zero2();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigInteger[] term = mul2(a[i], b[j]);
                int k = i + j;
                if (k >= n) {
                    term = mul2(term, XI);
                    k -= n;
                }
                out[k] = add2(out[k], term);
            }
        }
        return out;
    }

    static BigInteger[][] powPoly(BigInteger[][] a, BigInteger e) {
        BigInteger[][] acc = new BigInteger[a.length][];
        acc[0] = new BigInteger[] {BigInteger.ONE, BigInteger.ZERO};
        for (int i = 1; i < a.length; i++) {
            acc[i] = zero2();
        }
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            acc = mulPoly(acc, acc);
            if (e.testBit(i)) {
                acc = mulPoly(acc, a);
            }
        }
        return acc;
    }

    /** Fp6 layout (c0, c1, c2 of v) to polynomial coefficients. */
    static BigInteger[][] fromFp6(long[] a, int ao) {
        BigInteger[] flat = Fp6.toBigIntegers(a, ao);
        BigInteger[][] out = new BigInteger[3][];
        for (int i = 0; i < 3; i++) {
            out[i] = new BigInteger[] {flat[2 * i], flat[2 * i + 1]};
        }
        return out;
    }

    /** Fp12 layout (c0 = g0 + g2 v + g4 v^2, c1 = g1 + g3 v + g5 v^2 with v = w^2) to w coefficients. */
    static BigInteger[][] fromFp12(long[] a, int ao) {
        BigInteger[] flat = Fp12.toBigIntegers(a, ao);
        BigInteger[][] out = new BigInteger[6][];
        for (int j = 0; j < 3; j++) {
            out[2 * j] = new BigInteger[] {flat[2 * j], flat[2 * j + 1]};
            out[2 * j + 1] = new BigInteger[] {flat[6 + 2 * j], flat[6 + 2 * j + 1]};
        }
        return out;
    }

    static BigInteger[] randomCoefficients(Random rnd, int count) {
        BigInteger[] out = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            out[i] = new BigInteger(300, rnd).mod(P);
        }
        return out;
    }
}
