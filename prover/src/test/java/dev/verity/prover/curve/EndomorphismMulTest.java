package dev.verity.prover.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Endomorphism-split scalar multiplication against the plain double-and-add of G1.mul / G2.mul. */
class EndomorphismMulTest {
    private static final BigInteger R = Fr.MODULUS;
    private final Random rnd = new Random(5);
    private final G1 g1 = new G1();
    private final G2 g2 = new G2();

    private BigInteger randomScalar() {
        return new BigInteger(260, rnd).mod(R);
    }

    private long[] g1Affine(BigInteger k) {
        long[] a = new long[G1.AFFINE];
        g1.toAffine(g1.mul(G1.GENERATOR, 0, k), 0, a, 0);
        return a;
    }

    private long[] g2Affine(BigInteger k) {
        long[] a = new long[G2.AFFINE];
        g2.toAffine(g2.mul(G2.GENERATOR, 0, k), 0, a, 0);
        return a;
    }

    /** The value sum_i d_i 2^i of NAF digits. */
    private static BigInteger value(byte[] digits) {
        BigInteger v = BigInteger.ZERO;
        for (int i = digits.length - 1; i >= 0; i--) {
            v = v.shiftLeft(1).add(BigInteger.valueOf(digits[i]));
        }
        return v;
    }

    @Test
    void lambdaIsACubeRootOfUnityAndMatchesBetaOnRandomPoints() {
        assertEquals(BigInteger.ONE, EndomorphismMul.LAMBDA.modPow(BigInteger.valueOf(3), R));
        for (int i = 0; i < 3; i++) {
            long[] p = g1Affine(randomScalar());
            long[] expected = new long[G1.AFFINE];
            g1.toAffine(g1.mul(p, 0, EndomorphismMul.LAMBDA), 0, expected, 0);
            long[] image = p.clone();
            dev.verity.prover.field.Fp.FIELD.mul(p, 0, EndomorphismMul.BETA, 0, image, 0);
            assertArrayEquals(expected, image);
        }
    }

    @Test
    void psiActsAsSixXSquaredOnG2() {
        long[] p = g2Affine(randomScalar());
        long[] psi = new long[G2.JACOBIAN];
        G2.fromAffine(p, 0, psi, 0);
        g2.psi(psi, 0, psi, 0);
        assertTrue(g2.equal(psi, 0, g2.mul(p, 0, EndomorphismMul.PSI_EIGENVALUE), 0));
    }

    @Test
    void splitsRecombineToTheScalarWithHalvesOfAbout127Bits() {
        List<BigInteger> scalars = edgeScalars();
        for (int i = 0; i < 200; i++) {
            scalars.add(randomScalar());
        }
        for (BigInteger k : scalars) {
            SplitScalar s1 = EndomorphismMul.splitG1(k);
            assertEquals(2, s1.parts.length);
            BigInteger a = value(s1.parts[0]), b = value(s1.parts[1]);
            assertEquals(k, a.add(b.multiply(EndomorphismMul.LAMBDA)).mod(R), "G1 split of " + k);
            assertTrue(a.abs().bitLength() <= 128 && b.abs().bitLength() <= 128, "G1 halves of " + k);
            assertTrue(s1.length <= 130);
            SplitScalar s2 = EndomorphismMul.splitG2(k);
            assertEquals(4, s2.parts.length);
            BigInteger sum = BigInteger.ZERO;
            for (int j = 3; j >= 0; j--) {
                BigInteger part = value(s2.parts[j]);
                assertTrue(part.abs().bitLength() <= 66, "G2 part " + j + " of " + k + ": " + part);
                sum = sum.multiply(EndomorphismMul.PSI_EIGENVALUE).add(part);
            }
            assertEquals(k, sum.mod(R), "G2 split of " + k);
            assertTrue(s2.length <= 67);
        }
    }

    @Test
    void nafDigitsAreOddSmallAndSparse() {
        for (int i = 0; i < 100; i++) {
            BigInteger k = new BigInteger(189, rnd).subtract(BigInteger.ONE.shiftLeft(188));
            byte[] digits = SplitScalar.naf(k);
            assertEquals(k, value(digits));
            int lastNonZero = -10;
            for (int j = 0; j < digits.length; j++) {
                if (digits[j] != 0) {
                    assertTrue((digits[j] & 1) != 0 && Math.abs(digits[j]) < 16, "digit " + digits[j]);
                    assertTrue(j - lastNonZero >= SplitScalar.WINDOW, "digits too close");
                    lastNonZero = j;
                }
            }
        }
    }

    private List<BigInteger> edgeScalars() {
        List<BigInteger> ks = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                BigInteger.valueOf(15), BigInteger.valueOf(16), R.subtract(BigInteger.ONE), R.subtract(BigInteger.TWO),
                EndomorphismMul.LAMBDA, R.subtract(EndomorphismMul.LAMBDA), EndomorphismMul.PSI_EIGENVALUE,
                EndomorphismMul.PSI_EIGENVALUE.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(253),
                BigInteger.ONE.shiftLeft(127), R.shiftRight(1)));
        return ks;
    }

    @Test
    void g1BatchMatchesG1MulForRandomAndEdgeScalarsAndInfinity() {
        List<BigInteger> ks = edgeScalars();
        for (int i = 0; i < 20; i++) {
            ks.add(randomScalar());
        }
        int n = ks.size() + 1;
        long[] points = new long[n * G1.AFFINE];
        int[] offsets = new int[n];
        SplitScalar[] scalars = new SplitScalar[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = (n - 1 - i) * G1.AFFINE; // any order, not just consecutive
            if (i < n - 1) {
                System.arraycopy(g1Affine(randomScalar()), 0, points, offsets[i], G1.AFFINE);
                scalars[i] = EndomorphismMul.splitG1(ks.get(i));
            } else {
                scalars[i] = EndomorphismMul.splitG1(randomScalar()); // times the point at infinity
            }
        }
        EndomorphismMul mul = EndomorphismMul.g1();
        long[] out = new long[n * G1.JACOBIAN + 5];
        mul.multiply(points, offsets, scalars, n, out, 5);
        for (int i = 0; i < n; i++) {
            BigInteger k = i < n - 1 ? ks.get(i) : BigInteger.ONE;
            long[] expected = g1.mul(points, offsets[i], k);
            assertTrue(g1.equal(expected, 0, out, 5 + i * G1.JACOBIAN), "G1 k = " + k);
        }
    }

    @Test
    void g2BatchMatchesG2MulForRandomAndEdgeScalarsAndInfinity() {
        List<BigInteger> ks = edgeScalars();
        for (int i = 0; i < 6; i++) {
            ks.add(randomScalar());
        }
        int n = ks.size() + 1;
        long[] points = new long[n * G2.AFFINE];
        int[] offsets = new int[n];
        SplitScalar[] scalars = new SplitScalar[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = i * G2.AFFINE;
            if (i < n - 1) {
                System.arraycopy(g2Affine(randomScalar()), 0, points, offsets[i], G2.AFFINE);
                scalars[i] = EndomorphismMul.splitG2(ks.get(i));
            } else {
                scalars[i] = EndomorphismMul.splitG2(randomScalar());
            }
        }
        EndomorphismMul mul = EndomorphismMul.g2();
        long[] out = new long[n * G2.JACOBIAN];
        mul.multiply(points, offsets, scalars, n, out, 0);
        for (int i = 0; i < n; i++) {
            BigInteger k = i < n - 1 ? ks.get(i) : BigInteger.ONE;
            long[] expected = g2.mul(points, offsets[i], k);
            assertTrue(g2.equal(expected, 0, out, i * G2.JACOBIAN), "G2 k = " + k);
        }
    }

    @Test
    void scalarsOutsideTheFieldAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EndomorphismMul.splitG1(R));
        assertThrows(IllegalArgumentException.class, () -> EndomorphismMul.splitG2(BigInteger.ONE.negate()));
    }
}
