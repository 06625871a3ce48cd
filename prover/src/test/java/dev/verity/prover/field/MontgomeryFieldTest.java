package dev.verity.prover.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Field arithmetic against BigInteger, the independent reference, on random and edge values. */
class MontgomeryFieldTest {

    static List<MontgomeryField> fields() {
        return List.of(Fp.FIELD, Fr.FIELD);
    }

    private static List<BigInteger> samples(MontgomeryField f) {
        Random rnd = new Random(42);
        BigInteger q = f.modulus();
        List<BigInteger> out = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                q.subtract(BigInteger.ONE), q.subtract(BigInteger.TWO), q.shiftRight(1),
                BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(253)));
        for (int i = 0; i < 200; i++) {
            out.add(new BigInteger(q.bitLength() + 8, rnd).mod(q));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("fields")
    void ringOperationsMatchBigInteger(MontgomeryField f) {
        BigInteger q = f.modulus();
        List<BigInteger> xs = samples(f);
        long[] r = new long[4];
        for (int i = 0; i < xs.size(); i++) {
            BigInteger x = xs.get(i);
            BigInteger y = xs.get((i * 7 + 3) % xs.size());
            long[] a = f.fromBigInteger(x);
            long[] b = f.fromBigInteger(y);
            assertEquals(x, f.toBigInteger(a), "round trip");
            f.add(a, 0, b, 0, r, 0);
            assertEquals(x.add(y).mod(q), f.toBigInteger(r), "add");
            f.sub(a, 0, b, 0, r, 0);
            assertEquals(x.subtract(y).mod(q), f.toBigInteger(r), "sub");
            f.mul(a, 0, b, 0, r, 0);
            assertEquals(x.multiply(y).mod(q), f.toBigInteger(r), "mul");
            f.sqr(a, 0, r, 0);
            assertEquals(x.multiply(x).mod(q), f.toBigInteger(r), "sqr");
            f.neg(a, 0, r, 0);
            assertEquals(x.negate().mod(q), f.toBigInteger(r), "neg");
            assertTrue(f.isCanonical(MontgomeryField.toLimbs(x), 0));
        }
    }

    @ParameterizedTest
    @MethodSource("fields")
    void outputMayAliasInputs(MontgomeryField f) {
        BigInteger x = f.modulus().subtract(BigInteger.valueOf(12345));
        long[] a = f.fromBigInteger(x);
        f.mul(a, 0, a, 0, a, 0);
        assertEquals(x.multiply(x).mod(f.modulus()), f.toBigInteger(a));
        long[] slots = new long[8];
        f.fromBigInteger(BigInteger.valueOf(5), slots, 0);
        f.fromBigInteger(BigInteger.valueOf(7), slots, 4);
        f.sub(slots, 0, slots, 4, slots, 4);
        assertEquals(f.modulus().subtract(BigInteger.TWO), f.toBigInteger(slots, 4));
    }

    @ParameterizedTest
    @MethodSource("fields")
    void inversesAndBatchInversion(MontgomeryField f) {
        List<BigInteger> xs = samples(f).subList(1, 60);
        long[] values = new long[4 * (xs.size() + 1)];
        for (int i = 0; i < xs.size(); i++) {
            f.fromBigInteger(xs.get(i), values, 4 * i);
        }
        // a zero in the batch stays zero and does not spoil the others
        f.batchInvert(values, 0, xs.size() + 1, new long[4 * (xs.size() + 1)]);
        for (int i = 0; i < xs.size(); i++) {
            assertEquals(xs.get(i).modInverse(f.modulus()), f.toBigInteger(values, 4 * i));
        }
        assertTrue(f.isZero(values, 4 * xs.size()));
        assertThrows(ArithmeticException.class, () -> f.inv(new long[4], 0, new long[4], 0));
    }

    @ParameterizedTest
    @MethodSource("fields")
    void canonicalCheckRejectsModulusAndAbove(MontgomeryField f) {
        assertFalse(f.isCanonical(MontgomeryField.toLimbs(f.modulus()), 0));
        assertFalse(f.isCanonical(MontgomeryField.toLimbs(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)), 0));
        assertTrue(f.isCanonical(MontgomeryField.toLimbs(f.modulus().subtract(BigInteger.ONE)), 0));
        assertFalse(f.isCanonical(f.modulus()));
    }
}
