package dev.verity.prover.r1cs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Linear combination algebra checked against BigInteger arithmetic on random wire values. */
class LinearCombinationTest {
    private static final BigInteger R = Fr.MODULUS;

    @Test
    void randomExpressionsEvaluateAsBigIntegerArithmeticSays() {
        Random rnd = new Random(7);
        CircuitBuilder b = new CircuitBuilder();
        int n = 6;
        LinearCombination[] w = new LinearCombination[n];
        BigInteger[] v = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            v[i] = new BigInteger(256, rnd).mod(R);
            w[i] = b.privateInput(v[i]);
        }
        for (int trial = 0; trial < 200; trial++) {
            LinearCombination lc = LinearCombination.ZERO;
            BigInteger expected = BigInteger.ZERO;
            LinearCombination.Sum sum = new LinearCombination.Sum();
            for (int step = 0; step < 8; step++) {
                int i = rnd.nextInt(n);
                long k = rnd.nextLong();
                BigInteger big = new BigInteger(300, rnd).subtract(BigInteger.ONE.shiftLeft(299));
                switch (rnd.nextInt(5)) {
                    case 0 -> {
                        lc = lc.add(w[i].times(k));
                        sum.add(w[i], k);
                        expected = expected.add(v[i].multiply(BigInteger.valueOf(k)));
                    }
                    case 1 -> {
                        lc = lc.sub(w[i].times(big));
                        sum.add(w[i], big.negate());
                        expected = expected.subtract(v[i].multiply(big));
                    }
                    case 2 -> {
                        lc = lc.add(k);
                        sum.addConstant(k);
                        expected = expected.add(BigInteger.valueOf(k));
                    }
                    case 3 -> {
                        lc = lc.add(w[i]).sub(w[i]); // cancels exactly
                        sum.add(w[i]).add(w[i], -1);
                    }
                    default -> {
                        lc = lc.negate();
                        LinearCombination built = sum.build();
                        sum = new LinearCombination.Sum().add(built, -1);
                        expected = expected.negate();
                    }
                }
            }
            assertEquals(expected.mod(R), b.value(lc));
            assertEquals(expected.mod(R), b.value(sum.build()));
            assertTrue(lc.terms() <= n + 1, "terms must be merged, got " + lc.terms());
        }
        assertEquals(0, b.constraints(), "linear combinations must cost no constraint");
    }

    @Test
    void cancellingTermsLeaveNothing() {
        CircuitBuilder b = new CircuitBuilder();
        LinearCombination x = b.privateInput(5);
        LinearCombination y = b.privateInput(9);
        assertEquals(0, x.add(y).sub(y).sub(x).terms());
        LinearCombination sum = new LinearCombination.Sum().add(x, 3).add(y).add(x, -3).add(y, -1).build();
        assertEquals(0, sum.terms());
        assertTrue(LinearCombination.constant(R.add(BigInteger.TWO)).isConstant());
        assertEquals(BigInteger.TWO, LinearCombination.constant(R.add(BigInteger.TWO)).constantValue());
        assertEquals(R.subtract(BigInteger.ONE), LinearCombination.constant(-1).constantValue());
        assertEquals(BigInteger.ONE.shiftLeft(63), LinearCombination.constant(Long.MIN_VALUE).negate().constantValue());
        assertThrows(IllegalStateException.class, x::constantValue);
    }

    @Test
    void longValuesAreSigned() {
        CircuitBuilder b = new CircuitBuilder();
        LinearCombination x = b.privateInput(-12345);
        assertEquals(-12345, b.longValue(x));
        assertEquals(R.subtract(BigInteger.valueOf(12345)), b.value(x));
        assertEquals(BigInteger.valueOf(-12345), b.signedValue(x));
        assertEquals(Long.MAX_VALUE, b.longValue(b.privateInput(Long.MAX_VALUE)));
        assertThrows(ArithmeticException.class, () -> b.longValue(b.privateInput(BigInteger.ONE.shiftLeft(80))));
    }
}
