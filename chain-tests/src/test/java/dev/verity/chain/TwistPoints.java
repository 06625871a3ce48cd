package dev.verity.chain;

import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fr;
import java.math.BigInteger;

/**
 * Points of the BN254 twist E'(Fp2): y^2 = x^3 + 3/(9+u) that are NOT in G2, built with plain
 * BigInteger arithmetic in Fp2 = Fp[u]/(u^2 + 1). The twist has r * (2p - r) points, so a point
 * found by solving the curve equation for a given x lies outside the order-r subgroup except
 * with negligible probability; {@link #outsideSubgroup()} still checks that [r]P != O.
 */
final class TwistPoints {
    private static final BigInteger P = Fp.MODULUS;
    private static final BigInteger TWO = BigInteger.TWO;
    /** b2 = 3 / (9 + u) = 3 (9 - u) / 82. */
    private static final BigInteger[] B2 = {
        BigInteger.valueOf(27).multiply(BigInteger.valueOf(82).modInverse(P)).mod(P),
        BigInteger.valueOf(-3).multiply(BigInteger.valueOf(82).modInverse(P)).mod(P)};

    private TwistPoints() {
    }

    /** {x0, x1, y0, y1}: a point on the twist of order not dividing r. */
    static BigInteger[] outsideSubgroup() {
        for (int c = 1; ; c++) {
            BigInteger[] x = {BigInteger.valueOf(c), BigInteger.ONE};
            BigInteger[] rhs = add(mul(mul(x, x), x), B2);
            BigInteger[] y = sqrt(rhs);
            if (y == null) {
                continue;
            }
            long[] point = G2.fromBigIntegers(x, y);
            if (!G2.isInfinity(new G2().mul(point, 0, Fr.MODULUS), 0)) {
                return new BigInteger[] {x[0], x[1], y[0], y[1]};
            }
        }
    }

    private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {a[0].add(b[0]).mod(P), a[1].add(b[1]).mod(P)};
    }

    private static BigInteger[] mul(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {
            a[0].multiply(b[0]).subtract(a[1].multiply(b[1])).mod(P),
            a[0].multiply(b[1]).add(a[1].multiply(b[0])).mod(P)};
    }

    /** A square root in Fp (p = 3 mod 4), or null for a non-residue. */
    private static BigInteger sqrtFp(BigInteger a) {
        BigInteger s = a.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
        return s.multiply(s).mod(P).equals(a.mod(P)) ? s : null;
    }

    /**
     * A square root in Fp2, or null: with n = a0^2 + a1^2 = s^2, a root is (t, a1 / 2t) where
     * t^2 = (a0 + s) / 2 or (a0 - s) / 2, whichever is a square in Fp.
     */
    private static BigInteger[] sqrt(BigInteger[] a) {
        BigInteger s = sqrtFp(a[0].pow(2).add(a[1].pow(2)).mod(P));
        if (s == null) {
            return null;
        }
        BigInteger half = TWO.modInverse(P);
        for (BigInteger t2 : new BigInteger[] {a[0].add(s).multiply(half).mod(P), a[0].subtract(s).multiply(half).mod(P)}) {
            BigInteger t = sqrtFp(t2);
            if (t != null && t.signum() != 0) {
                BigInteger[] root = {t, a[1].multiply(TWO.multiply(t).modInverse(P)).mod(P)};
                BigInteger[] square = mul(root, root);
                if (square[0].equals(a[0].mod(P)) && square[1].equals(a[1].mod(P))) {
                    return root;
                }
            }
        }
        return null;
    }
}
