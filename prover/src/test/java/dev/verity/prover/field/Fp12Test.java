package dev.verity.prover.field;

import static dev.verity.prover.field.TowerReference.P;
import static dev.verity.prover.field.TowerReference.fromFp12;
import static dev.verity.prover.field.TowerReference.mulPoly;
import static dev.verity.prover.field.TowerReference.powPoly;
import static dev.verity.prover.field.TowerReference.randomCoefficients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fp12 against schoolbook polynomial arithmetic modulo w^6 - (9 + u) on BigInteger. */
class Fp12Test {
    private final Fp12 f12 = new Fp12();
    private final Random rnd = new Random(121);

    private long[] random() {
        return Fp12.of(randomCoefficients(rnd, 12));
    }

    /** An element of the cyclotomic subgroup: a^((p^6 - 1)(p^2 + 1)). */
    private long[] randomCyclotomic() {
        long[] a = random(), t = new long[Fp12.LIMBS];
        f12.inv(a, 0, t, 0);
        f12.conjugate(a, 0, a, 0);
        f12.mul(a, 0, t, 0, a, 0);
        f12.frobenius(a, 0, 2, t, 0);
        f12.mul(a, 0, t, 0, a, 0);
        return a;
    }

    @Test
    void productsMatchSchoolbook() {
        long[] r = new long[Fp12.LIMBS];
        for (int i = 0; i < 30; i++) {
            long[] a = random(), b = random();
            f12.mul(a, 0, b, 0, r, 0);
            assertArrayEquals(mulPoly(fromFp12(a, 0), fromFp12(b, 0)), fromFp12(r, 0));
            f12.sqr(a, 0, r, 0);
            assertArrayEquals(mulPoly(fromFp12(a, 0), fromFp12(a, 0)), fromFp12(r, 0));
        }
    }

    @Test
    void sparseLineProductMatchesSchoolbook() {
        long[] r = new long[Fp12.LIMBS];
        for (int i = 0; i < 30; i++) {
            long[] a = random();
            long[] line = new long[3 * Fp2.LIMBS];
            BigInteger[] l = randomCoefficients(rnd, 6);
            for (int j = 0; j < 3; j++) {
                Fp2.set(l[2 * j], l[2 * j + 1], line, j * Fp2.LIMBS);
            }
            BigInteger[] zero = TowerReference.zero2();
            BigInteger[][] lineRef = {{l[0], l[1]}, {l[2], l[3]}, zero, {l[4], l[5]}, zero, zero};
            f12.mulBy034(a, 0, line, 0, r, 0);
            assertArrayEquals(mulPoly(fromFp12(a, 0), lineRef), fromFp12(r, 0));
            f12.mulBy034(a, 0, line, 0, a, 0);
            assertTrue(Fp12.equal(a, 0, r, 0), "output aliasing the input");
        }
    }

    @Test
    void fieldLawsAndInverse() {
        long[] x = new long[Fp12.LIMBS], y = new long[Fp12.LIMBS];
        for (int i = 0; i < 20; i++) {
            long[] a = random(), b = random(), c = random();
            f12.add(b, 0, c, 0, x, 0);
            f12.mul(a, 0, x, 0, x, 0);
            f12.mul(a, 0, b, 0, y, 0);
            f12.mul(a, 0, c, 0, c, 0);
            f12.add(y, 0, c, 0, y, 0);
            assertTrue(Fp12.equal(x, 0, y, 0), "distributivity");
            f12.mul(a, 0, b, 0, x, 0);
            f12.mul(x, 0, c, 0, x, 0);
            f12.mul(b, 0, c, 0, y, 0);
            f12.mul(y, 0, a, 0, y, 0);
            assertTrue(Fp12.equal(x, 0, y, 0), "associativity and commutativity");
            f12.sub(a, 0, b, 0, x, 0);
            f12.add(x, 0, b, 0, x, 0);
            assertTrue(Fp12.equal(x, 0, a, 0));
            f12.neg(a, 0, x, 0);
            f12.add(x, 0, a, 0, x, 0);
            assertTrue(Fp12.isZero(x, 0));
            long[] inv = a.clone();
            f12.inv(inv, 0, inv, 0);
            f12.mul(inv, 0, a, 0, x, 0);
            assertTrue(Fp12.isOne(x, 0));
            assertFalse(Fp12.isOne(a, 0));
        }
        assertThrows(ArithmeticException.class, () -> f12.inv(new long[Fp12.LIMBS], 0, x, 0));
    }

    @Test
    void frobeniusIsExponentiationByP() {
        long[] a = random(), r = new long[Fp12.LIMBS];
        BigInteger[][] ref = fromFp12(a, 0);
        BigInteger pk = BigInteger.ONE;
        for (int k = 1; k <= 3; k++) {
            pk = pk.multiply(P);
            f12.frobenius(a, 0, k, r, 0);
            assertArrayEquals(powPoly(ref, pk), fromFp12(r, 0), "a^(p^" + k + ")");
        }
    }

    @Test
    void frobeniusPowersCompose() {
        long[] a = random(), iterated = a.clone(), direct = new long[Fp12.LIMBS];
        for (int k = 0; k <= 12; k++) {
            f12.frobenius(a, 0, k % 12, direct, 0);
            assertTrue(Fp12.equal(direct, 0, iterated, 0), "frobenius(" + k + ")");
            f12.frobenius(iterated, 0, 1, iterated, 0);
        }
        // conjugation is the p^6 power
        f12.conjugate(a, 0, direct, 0);
        f12.frobenius(a, 0, 6, iterated, 0);
        assertTrue(Fp12.equal(direct, 0, iterated, 0));
        assertThrows(IllegalArgumentException.class, () -> f12.frobenius(a, 0, 12, direct, 0));
    }

    @Test
    void frobeniusCoefficientsArePowersOfXi() {
        BigInteger[][] xi = {TowerReference.XI};
        BigInteger pk = BigInteger.ONE;
        for (int k = 1; k <= 3; k++) {
            pk = pk.multiply(P);
            for (int i = 0; i < 6; i++) {
                BigInteger exponent = pk.subtract(BigInteger.ONE).multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(6));
                assertArrayEquals(powPoly(xi, exponent)[0], Fp2.toBigIntegers(Fp12.frobeniusCoefficient(k, i), 0), "k=" + k + " i=" + i);
            }
        }
    }

    @Test
    void cyclotomicSquaringAndExponentiationByX() {
        long[] expected = new long[Fp12.LIMBS], r = new long[Fp12.LIMBS];
        for (int i = 0; i < 5; i++) {
            long[] g = randomCyclotomic();
            f12.sqr(g, 0, expected, 0);
            f12.cyclotomicSqr(g, 0, r, 0);
            assertTrue(Fp12.equal(r, 0, expected, 0), "cyclotomic square");
            f12.pow(g, 0, Fp12.BN_X, expected, 0);
            f12.cyclotomicExpByX(g, 0, g, 0);
            assertTrue(Fp12.equal(g, 0, expected, 0), "g^x");
        }
    }

    @Test
    void powMatchesSchoolbook() {
        long[] a = random(), r = new long[Fp12.LIMBS];
        BigInteger e = new BigInteger(100, rnd);
        f12.pow(a, 0, e, r, 0);
        assertArrayEquals(powPoly(fromFp12(a, 0), e), fromFp12(r, 0));
        f12.pow(a, 0, BigInteger.ZERO, r, 0);
        assertTrue(Fp12.isOne(r, 0));
        assertThrows(IllegalArgumentException.class, () -> f12.pow(a, 0, BigInteger.ONE.negate(), r, 0));
    }

    @Test
    void decimalStringsNestLikeSnarkjs() {
        BigInteger[] flat = new BigInteger[12];
        for (int i = 0; i < 12; i++) {
            flat[i] = BigInteger.valueOf(i + 1);
        }
        String[][][] nested = Fp12.toDecimalStrings(Fp12.of(flat), 0);
        String[][][] expected = {
            {{"1", "2"}, {"3", "4"}, {"5", "6"}},
            {{"7", "8"}, {"9", "10"}, {"11", "12"}}};
        assertArrayEquals(expected, nested);
        assertArrayEquals(flat, Fp12.toBigIntegers(Fp12.fromDecimalStrings(nested), 0));

        long[] a = random();
        assertTrue(Fp12.equal(a, 0, Fp12.fromDecimalStrings(Fp12.toDecimalStrings(a, 0)), 0));

        String pString = P.toString();
        String[][][] notCanonical = {{{pString, "0"}, {"0", "0"}, {"0", "0"}}, {{"0", "0"}, {"0", "0"}, {"0", "0"}}};
        assertThrows(IllegalArgumentException.class, () -> Fp12.fromDecimalStrings(notCanonical));
        String[][][] wrongShape = {{{"1", "2"}, {"3", "4"}}, {{"0", "0"}, {"0", "0"}, {"0", "0"}}};
        assertThrows(IllegalArgumentException.class, () -> Fp12.fromDecimalStrings(wrongShape));
        String[][][] notDecimal = {{{"0x1", "0"}, {"0", "0"}, {"0", "0"}}, {{"0", "0"}, {"0", "0"}, {"0", "0"}}};
        assertThrows(IllegalArgumentException.class, () -> Fp12.fromDecimalStrings(notDecimal));
        assertEquals(Fp12.LIMBS, Fp12.one().length);
    }
}
