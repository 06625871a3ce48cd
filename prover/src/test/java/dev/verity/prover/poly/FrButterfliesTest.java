package dev.verity.prover.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The lazily reduced kernels on raw limbs against BigInteger, across their whole input ranges. */
class FrButterfliesTest {
    private static final BigInteger R = Fr.MODULUS;
    private static final BigInteger FOUR_R = R.shiftLeft(2);
    private static final BigInteger MONTGOMERY_R_INV = BigInteger.ONE.shiftLeft(256).modInverse(R);

    static List<BigInteger> lazyValues(Random rnd) {
        List<BigInteger> out = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE,
                R.subtract(BigInteger.ONE), R, R.shiftLeft(1).subtract(BigInteger.ONE), R.shiftLeft(1),
                R.multiply(BigInteger.valueOf(3)), FOUR_R.subtract(BigInteger.ONE)));
        for (int i = 0; i < 200; i++) {
            out.add(new BigInteger(256, rnd).mod(FOUR_R));
        }
        return out;
    }

    static long[] limbs(List<BigInteger> values) {
        long[] out = new long[4 * values.size()];
        for (int i = 0; i < values.size(); i++) {
            System.arraycopy(MontgomeryField.toLimbs(values.get(i)), 0, out, 4 * i, 4);
        }
        return out;
    }

    @Test
    void butterfliesAreExactModRAndStayBelowFourR() {
        Random rnd = new Random(7);
        List<BigInteger> xs = lazyValues(rnd);
        int n = xs.size();
        List<BigInteger> ys = new ArrayList<>(xs);
        Collections.shuffle(ys, rnd);
        List<BigInteger> ws = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            ws.add(j == 0 ? R.subtract(BigInteger.ONE) : j == 1 ? BigInteger.ZERO : new BigInteger(256, rnd).mod(R));
        }
        List<BigInteger> both = new ArrayList<>(xs);
        both.addAll(ys);
        long[] a = limbs(both);
        FrButterflies.run(a, 0, n, n, limbs(ws), 0, 4);
        long[] unit = limbs(both);
        FrButterflies.runUnit(unit, 0, n, n);
        for (int j = 0; j < n; j++) {
            BigInteger t = ys.get(j).multiply(ws.get(j)).multiply(MONTGOMERY_R_INV);
            assertLazy(xs.get(j).add(t), a, j, "x + w y at " + j);
            assertLazy(xs.get(j).subtract(t), a, n + j, "x - w y at " + j);
            assertLazy(xs.get(j).add(ys.get(j)), unit, j, "x + y at " + j);
            assertLazy(xs.get(j).subtract(ys.get(j)), unit, n + j, "x - y at " + j);
        }
    }

    @Test
    void inverseButterfliesAreExactModRAndStayBelowTwoR() {
        Random rnd = new Random(9);
        List<BigInteger> xs = belowTwoR(lazyValues(rnd));
        int n = xs.size();
        List<BigInteger> ys = new ArrayList<>(xs);
        Collections.shuffle(ys, rnd);
        List<BigInteger> ws = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            ws.add(j == 0 ? R.subtract(BigInteger.ONE) : j == 1 ? BigInteger.ZERO : new BigInteger(256, rnd).mod(R));
        }
        List<BigInteger> both = new ArrayList<>(xs);
        both.addAll(ys);
        long[] a = limbs(both);
        // Read the factors backwards, as the inverse transform does.
        List<BigInteger> reversed = new ArrayList<>(ws);
        Collections.reverse(reversed);
        FrButterflies.runInverse(a, 0, n, n, limbs(reversed), 4 * (n - 1), -4);
        long[] unit = limbs(both);
        FrButterflies.runInverseUnit(unit, 0, n, n);
        for (int j = 0; j < n; j++) {
            BigInteger x = xs.get(j);
            BigInteger y = ys.get(j);
            assertBelow(R.shiftLeft(1), x.add(y), a, j, "x + y at " + j);
            assertBelow(R.shiftLeft(1), y.subtract(x).multiply(ws.get(j)).multiply(MONTGOMERY_R_INV), a, n + j,
                    "(y - x) w at " + j);
            assertBelow(R.shiftLeft(1), x.add(y), unit, j, "unit x + y at " + j);
            assertBelow(R.shiftLeft(1), x.subtract(y), unit, n + j, "unit x - y at " + j);
        }
    }

    @Test
    void multiplyScalesByOneFactorOrASequence() {
        Random rnd = new Random(10);
        List<BigInteger> values = lazyValues(rnd);
        int n = values.size();
        List<BigInteger> factors = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            factors.add(new BigInteger(256, rnd).mod(R));
        }
        long[] bySequence = limbs(values);
        FrButterflies.multiply(bySequence, 0, n, limbs(factors), 0, 4);
        long[] byOne = limbs(values);
        FrButterflies.multiply(byOne, 1, n, limbs(factors), 4 * 7, 0);
        for (int j = 0; j < n; j++) {
            BigInteger v = values.get(j).multiply(MONTGOMERY_R_INV);
            assertBelow(R.shiftLeft(1), v.multiply(factors.get(j)), bySequence, j, "sequence at " + j);
            if (j == 0) {
                assertEquals(values.get(0), MontgomeryField.limbsToBigInteger(byOne, 0), "outside the range");
            } else {
                assertBelow(R.shiftLeft(1), v.multiply(factors.get(7)), byOne, j, "one factor at " + j);
            }
        }
    }

    @Test
    void normalizeReducesIntoTheField() {
        List<BigInteger> values = lazyValues(new Random(8));
        long[] a = limbs(values);
        FrButterflies.normalize(a, 0, values.size());
        for (int i = 0; i < values.size(); i++) {
            assertEquals(values.get(i).mod(R), MontgomeryField.limbsToBigInteger(a, 4 * i), "value " + i);
        }
    }

    static List<BigInteger> belowTwoR(List<BigInteger> values) {
        List<BigInteger> out = new ArrayList<>();
        for (BigInteger v : values) {
            out.add(v.mod(R.shiftLeft(1)));
        }
        return out;
    }

    private static void assertLazy(BigInteger expected, long[] a, int index, String what) {
        assertBelow(FOUR_R, expected, a, index, what);
    }

    static void assertBelow(BigInteger bound, BigInteger expected, long[] a, int index, String what) {
        BigInteger got = MontgomeryField.limbsToBigInteger(a, 4 * index);
        assertTrue(got.compareTo(bound) < 0, what + " is below the bound");
        assertEquals(expected.mod(R), got.mod(R), what);
    }
}
