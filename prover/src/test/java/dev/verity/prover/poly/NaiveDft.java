package dev.verity.prover.poly;

import dev.verity.prover.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** O(n^2) polynomial evaluation and interpolation with BigInteger: the independent reference. */
final class NaiveDft {
    private static final BigInteger R = Fr.MODULUS;

    private NaiveDft() {
    }

    /** Horner evaluation of sum_j coeffs_j x^j. */
    static BigInteger evaluate(List<BigInteger> coeffs, BigInteger x) {
        BigInteger acc = BigInteger.ZERO;
        for (int j = coeffs.size() - 1; j >= 0; j--) {
            acc = acc.multiply(x).add(coeffs.get(j)).mod(R);
        }
        return acc;
    }

    /** Values of the polynomial at shift * w^i, i &lt; n, w of order n = coeffs.size(). */
    static List<BigInteger> evaluateOnCoset(List<BigInteger> coeffs, BigInteger w, BigInteger shift) {
        List<BigInteger> out = new ArrayList<>();
        BigInteger x = shift.mod(R);
        for (int i = 0; i < coeffs.size(); i++) {
            out.add(evaluate(coeffs, x));
            x = x.multiply(w).mod(R);
        }
        return out;
    }

    /** Coefficients of the polynomial of degree &lt; n with the given values at w^i. */
    static List<BigInteger> interpolate(List<BigInteger> values, BigInteger w) {
        int n = values.size();
        BigInteger wInv = w.modInverse(R);
        BigInteger nInv = BigInteger.valueOf(n).modInverse(R);
        // coeffs_j = 1/n sum_i values_i w^(-ij): evaluation at powers of w^-1 of the values.
        List<BigInteger> sums = evaluateOnCoset(values, wInv, BigInteger.ONE);
        List<BigInteger> out = new ArrayList<>();
        for (BigInteger s : sums) {
            out.add(s.multiply(nInv).mod(R));
        }
        return out;
    }
}
