package dev.verity.prover.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fp2 against schoolbook complex arithmetic on BigInteger. */
class Fp2Test {
    private static final BigInteger P = Fp.MODULUS;
    private final Fp2 f2 = new Fp2();

    private static BigInteger[] ref(BigInteger a0, BigInteger a1, BigInteger b0, BigInteger b1) {
        return new BigInteger[] {a0.multiply(b0).subtract(a1.multiply(b1)).mod(P), a0.multiply(b1).add(a1.multiply(b0)).mod(P)};
    }

    @Test
    void arithmeticMatchesSchoolbook() {
        Random rnd = new Random(7);
        long[] r = new long[8];
        for (int i = 0; i < 100; i++) {
            BigInteger a0 = new BigInteger(260, rnd).mod(P), a1 = new BigInteger(260, rnd).mod(P);
            BigInteger b0 = new BigInteger(260, rnd).mod(P), b1 = new BigInteger(260, rnd).mod(P);
            long[] a = Fp2.of(a0, a1), b = Fp2.of(b0, b1);
            f2.mul(a, 0, b, 0, r, 0);
            assertArrayEquals(ref(a0, a1, b0, b1), Fp2.toBigIntegers(r, 0));
            f2.sqr(a, 0, r, 0);
            assertArrayEquals(ref(a0, a1, a0, a1), Fp2.toBigIntegers(r, 0));
            f2.mulByNonResidue(a, 0, r, 0);
            assertArrayEquals(ref(a0, a1, BigInteger.valueOf(9), BigInteger.ONE), Fp2.toBigIntegers(r, 0));
            f2.inv(a, 0, r, 0);
            f2.mul(r, 0, a, 0, r, 0);
            assertTrue(Fp2.isOne(r, 0));
            // aliasing output with input
            long[] c = a.clone();
            f2.mul(c, 0, b, 0, c, 0);
            assertArrayEquals(ref(a0, a1, b0, b1), Fp2.toBigIntegers(c, 0));
        }
    }
}
