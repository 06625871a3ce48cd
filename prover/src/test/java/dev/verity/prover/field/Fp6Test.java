package dev.verity.prover.field;

import static dev.verity.prover.field.TowerReference.fromFp6;
import static dev.verity.prover.field.TowerReference.mulPoly;
import static dev.verity.prover.field.TowerReference.randomCoefficients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fp6 against schoolbook polynomial arithmetic modulo v^3 - (9 + u) on BigInteger. */
class Fp6Test {
    private final Fp6 f6 = new Fp6();
    private final Random rnd = new Random(61);

    private long[] random() {
        return Fp6.of(randomCoefficients(rnd, 6));
    }

    private static BigInteger[][] poly(BigInteger[]... coefficients) {
        return coefficients;
    }

    @Test
    void productsMatchSchoolbook() {
        long[] r = new long[Fp6.LIMBS];
        for (int i = 0; i < 50; i++) {
            long[] a = random(), b = random();
            f6.mul(a, 0, b, 0, r, 0);
            assertArrayEquals(mulPoly(fromFp6(a, 0), fromFp6(b, 0)), fromFp6(r, 0));
            f6.sqr(a, 0, r, 0);
            assertArrayEquals(mulPoly(fromFp6(a, 0), fromFp6(a, 0)), fromFp6(r, 0));

            BigInteger[] zero = TowerReference.zero2(), one = {BigInteger.ONE, BigInteger.ZERO};
            f6.mulByNonResidue(a, 0, r, 0);
            assertArrayEquals(mulPoly(fromFp6(a, 0), poly(zero, one, zero)), fromFp6(r, 0));

            long[] s = Fp2.of(new BigInteger(254, rnd), new BigInteger(254, rnd));
            BigInteger[] sRef = Fp2.toBigIntegers(s, 0);
            f6.mulByFp2(a, 0, s, 0, r, 0);
            assertArrayEquals(mulPoly(fromFp6(a, 0), poly(sRef, zero, zero)), fromFp6(r, 0));

            // sparse operand b0 + b1 v, taken from the first two coefficients of b
            f6.mulBy01(a, 0, b, 0, b, Fp2.LIMBS, r, 0);
            BigInteger[][] bRef = fromFp6(b, 0);
            assertArrayEquals(mulPoly(fromFp6(a, 0), poly(bRef[0], bRef[1], zero)), fromFp6(r, 0));
        }
    }

    @Test
    void fieldLawsAndInverse() {
        long[] x = new long[Fp6.LIMBS], y = new long[Fp6.LIMBS];
        for (int i = 0; i < 30; i++) {
            long[] a = random(), b = random(), c = random();
            // a (b + c) == a b + a c
            f6.add(b, 0, c, 0, x, 0);
            f6.mul(a, 0, x, 0, x, 0);
            f6.mul(a, 0, b, 0, y, 0);
            f6.mul(a, 0, c, 0, c, 0);
            f6.add(y, 0, c, 0, y, 0);
            assertTrue(Fp6.equal(x, 0, y, 0));
            // (a b) c == a (b c) after c was replaced by a c above; still random
            f6.mul(a, 0, b, 0, x, 0);
            f6.mul(x, 0, c, 0, x, 0);
            f6.mul(b, 0, c, 0, y, 0);
            f6.mul(a, 0, y, 0, y, 0);
            assertTrue(Fp6.equal(x, 0, y, 0));
            // a - b + b == a and a + (-a) == 0
            f6.sub(a, 0, b, 0, x, 0);
            f6.add(x, 0, b, 0, x, 0);
            assertTrue(Fp6.equal(x, 0, a, 0));
            f6.neg(a, 0, x, 0);
            f6.add(x, 0, a, 0, x, 0);
            assertTrue(Fp6.isZero(x, 0));
            // a * a^-1 == 1, with the output aliasing the input
            long[] inv = a.clone();
            f6.inv(inv, 0, inv, 0);
            f6.mul(inv, 0, a, 0, x, 0);
            assertTrue(Fp6.isOne(x, 0));
        }
        assertThrows(ArithmeticException.class, () -> f6.inv(new long[Fp6.LIMBS], 0, x, 0));
    }

    @Test
    void outputMayAliasInputs() {
        long[] a = random(), b = random(), expected = new long[Fp6.LIMBS];
        f6.mul(a, 0, b, 0, expected, 0);
        long[] c = a.clone();
        f6.mul(c, 0, b, 0, c, 0);
        assertTrue(Fp6.equal(c, 0, expected, 0));
        c = b.clone();
        f6.mul(a, 0, c, 0, c, 0);
        assertTrue(Fp6.equal(c, 0, expected, 0));
        f6.sqr(a, 0, expected, 0);
        c = a.clone();
        f6.sqr(c, 0, c, 0);
        assertTrue(Fp6.equal(c, 0, expected, 0));
        f6.mulBy01(a, 0, b, 0, b, 8, expected, 0);
        c = a.clone();
        f6.mulBy01(c, 0, b, 0, b, 8, c, 0);
        assertTrue(Fp6.equal(c, 0, expected, 0));
        f6.mulByNonResidue(a, 0, expected, 0);
        c = a.clone();
        f6.mulByNonResidue(c, 0, c, 0);
        assertTrue(Fp6.equal(c, 0, expected, 0));
    }

    @Test
    void conversionsRoundTrip() {
        BigInteger[] coefficients = randomCoefficients(rnd, 6);
        assertArrayEquals(coefficients, Fp6.toBigIntegers(Fp6.of(coefficients), 0));
        long[] one = new long[Fp6.LIMBS];
        Fp6.setOne(one, 0);
        assertArrayEquals(new BigInteger[] {BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO},
                Fp6.toBigIntegers(one, 0));
        assertThrows(IllegalArgumentException.class, () -> Fp6.of(BigInteger.ONE));
    }
}
