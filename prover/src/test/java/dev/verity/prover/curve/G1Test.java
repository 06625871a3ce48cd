package dev.verity.prover.curve;

import static dev.verity.prover.curve.RefCurve.REF_G1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fr;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** G1 against the BigInteger affine reference. */
class G1Test {
    private static final BigInteger R = Fr.MODULUS;
    private final G1 g = new G1();
    private final Random rnd = new Random(11);

    /** The affine point as Jacobian with a random Z, so tests exercise Z != 1. */
    private long[] jacobian(BigInteger[] pt) {
        long[] j = new long[G1.JACOBIAN];
        if (pt == null) {
            return j;
        }
        BigInteger z = new BigInteger(250, rnd).add(BigInteger.ONE);
        Fp.FIELD.fromBigInteger(pt[0].multiply(z.pow(2)), j, 0);
        Fp.FIELD.fromBigInteger(pt[2].multiply(z.pow(3)), j, 4);
        Fp.FIELD.fromBigInteger(z, j, 8);
        return j;
    }

    private BigInteger[] ref(long[] jac) {
        long[] a = new long[G1.AFFINE];
        g.toAffine(jac, 0, a, 0);
        return RefCurve.fromG1(a, 0);
    }

    @Test
    void generatorHasOrderR() {
        BigInteger[] gen = RefCurve.fromG1(G1.GENERATOR, 0);
        assertArrayEquals(new BigInteger[] {BigInteger.ONE, BigInteger.ZERO, BigInteger.TWO, BigInteger.ZERO}, gen);
        assertTrue(G1.isOnCurve(G1.GENERATOR, 0));
        assertTrue(G1.isInfinity(g.mul(G1.GENERATOR, 0, R), 0));
        assertArrayEquals(REF_G1.neg(gen), ref(g.mul(G1.GENERATOR, 0, R.subtract(BigInteger.ONE))));
        assertArrayEquals(gen, ref(g.mul(G1.GENERATOR, 0, R.add(BigInteger.ONE))));
    }

    @Test
    void groupLawMatchesReference() {
        long[] r = new long[G1.JACOBIAN];
        for (int i = 0; i < 20; i++) {
            BigInteger[] p = REF_G1.randomPoint(rnd, false), q = REF_G1.randomPoint(rnd, false);
            long[] pj = jacobian(p), qj = jacobian(q), qa = RefCurve.toG1(q);
            g.add(pj, 0, qj, 0, r, 0);
            assertArrayEquals(REF_G1.add(p, q), ref(r));
            g.addAffine(pj, 0, qa, 0, r, 0);
            assertArrayEquals(REF_G1.add(p, q), ref(r));
            g.dbl(pj, 0, r, 0);
            assertArrayEquals(REF_G1.add(p, p), ref(r));
            // doubling through the addition formulas, with different Z for the same point
            g.add(pj, 0, jacobian(p), 0, r, 0);
            assertArrayEquals(REF_G1.add(p, p), ref(r));
            g.addAffine(pj, 0, RefCurve.toG1(p), 0, r, 0);
            assertArrayEquals(REF_G1.add(p, p), ref(r));
            // inverse
            g.add(pj, 0, jacobian(REF_G1.neg(p)), 0, r, 0);
            assertTrue(G1.isInfinity(r, 0));
            g.addAffine(pj, 0, RefCurve.toG1(REF_G1.neg(p)), 0, r, 0);
            assertTrue(G1.isInfinity(r, 0));
            G1.neg(pj, 0, r, 0);
            assertArrayEquals(REF_G1.neg(p), ref(r));
            // identity on both sides
            long[] inf = new long[G1.JACOBIAN];
            g.add(pj, 0, inf, 0, r, 0);
            assertArrayEquals(p, ref(r));
            g.add(inf, 0, pj, 0, r, 0);
            assertArrayEquals(p, ref(r));
            g.addAffine(inf, 0, qa, 0, r, 0);
            assertArrayEquals(q, ref(r));
            g.addAffine(pj, 0, new long[G1.AFFINE], 0, r, 0);
            assertArrayEquals(p, ref(r));
            g.dbl(inf, 0, r, 0);
            assertTrue(G1.isInfinity(r, 0));
        }
    }

    @Test
    void associativityAndAliasing() {
        for (int i = 0; i < 10; i++) {
            long[] p = jacobian(REF_G1.randomPoint(rnd, false));
            long[] q = jacobian(REF_G1.randomPoint(rnd, false));
            long[] s = jacobian(REF_G1.randomPoint(rnd, false));
            long[] left = new long[G1.JACOBIAN], right = new long[G1.JACOBIAN];
            g.add(p, 0, q, 0, left, 0);
            g.add(left, 0, s, 0, left, 0);      // output aliases the first input
            g.add(q, 0, s, 0, right, 0);
            g.add(p, 0, right, 0, right, 0);    // output aliases the second input
            assertTrue(g.equal(left, 0, right, 0));
            long[] twice = p.clone();
            g.dbl(twice, 0, twice, 0);
            long[] sum = new long[G1.JACOBIAN];
            g.add(p, 0, p, 0, sum, 0);
            assertTrue(g.equal(twice, 0, sum, 0));
            assertFalse(g.equal(p, 0, q, 0));
        }
    }

    @Test
    void equalIsProjective() {
        BigInteger[] p = REF_G1.randomPoint(rnd, false);
        assertTrue(g.equal(jacobian(p), 0, jacobian(p), 0));
        assertFalse(g.equal(jacobian(p), 0, jacobian(REF_G1.neg(p)), 0));
        assertFalse(g.equal(jacobian(p), 0, new long[G1.JACOBIAN], 0));
        assertTrue(g.equal(new long[G1.JACOBIAN], 0, new long[G1.JACOBIAN], 0));
    }

    @Test
    void scalarMultiplicationMatchesReference() {
        BigInteger[] p = REF_G1.randomPoint(rnd, false);
        long[] pa = RefCurve.toG1(p);
        BigInteger[] ks = {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(15),
            BigInteger.valueOf(16), BigInteger.valueOf(17), R.subtract(BigInteger.ONE), R, R.add(BigInteger.TWO),
            BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), new BigInteger(254, rnd), new BigInteger(100, rnd)};
        for (BigInteger k : ks) {
            assertArrayEquals(REF_G1.mul(p, k), ref(g.mul(pa, 0, k)));
        }
        // against repeated addition
        long[] acc = new long[G1.JACOBIAN];
        for (int k = 0; k <= 40; k++) {
            assertTrue(g.equal(acc, 0, g.mul(pa, 0, BigInteger.valueOf(k)), 0), "k = " + k);
            g.addAffine(acc, 0, pa, 0, acc, 0);
        }
        assertTrue(G1.isInfinity(g.mul(new long[G1.AFFINE], 0, BigInteger.TEN), 0));
        assertThrows(IllegalArgumentException.class, () -> g.mul(pa, 0, BigInteger.ONE.negate()));
    }

    @Test
    void batchToAffineMatchesSingle() {
        int n = 7;
        long[] jac = new long[n * G1.JACOBIAN];
        BigInteger[][] pts = new BigInteger[n][];
        for (int i = 0; i < n; i++) {
            pts[i] = i % 3 == 1 ? null : REF_G1.randomPoint(rnd, false);
            System.arraycopy(jacobian(pts[i]), 0, jac, i * G1.JACOBIAN, G1.JACOBIAN);
        }
        long[] out = new long[n * G1.AFFINE + 3];
        java.util.Arrays.fill(out, -1L);
        g.toAffine(jac, 0, n, out, 3);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(pts[i], RefCurve.fromG1(out, 3 + i * G1.AFFINE));
        }
    }

    @Test
    void curveMembership() {
        assertTrue(G1.isOnCurve(new long[G1.AFFINE], 0));
        long[] bad = new long[G1.AFFINE];
        Fp.FIELD.fromBigInteger(BigInteger.ONE, bad, 0);
        Fp.FIELD.fromBigInteger(BigInteger.valueOf(3), bad, 4);
        assertFalse(G1.isOnCurve(bad, 0));
        assertFalse(G1.isInSubgroup(bad, 0));
        assertTrue(G1.isInSubgroup(RefCurve.toG1(REF_G1.randomPoint(rnd, false)), 0));
        assertThrows(IllegalArgumentException.class, () -> G1.fromBigIntegers(BigInteger.ONE, BigInteger.valueOf(3)));
        assertThrows(IllegalArgumentException.class, () -> G1.fromBigIntegers(BigInteger.ONE.add(Fp.MODULUS), BigInteger.TWO));
        assertThrows(IllegalArgumentException.class, () -> G1.fromBigIntegers(BigInteger.ONE.negate(), BigInteger.TWO));
        assertArrayEquals(new long[G1.AFFINE], G1.fromBigIntegers(BigInteger.ZERO, BigInteger.ZERO));
    }

    @Test
    void evmEncodingRoundTrip() {
        BigInteger[] p = REF_G1.randomPoint(rnd, false);
        byte[] enc = G1.encodeEvm(RefCurve.toG1(p), 0);
        assertEquals(64, enc.length);
        assertEquals(p[0], new BigInteger(1, java.util.Arrays.copyOfRange(enc, 0, 32)));
        assertEquals(p[2], new BigInteger(1, java.util.Arrays.copyOfRange(enc, 32, 64)));
        byte[] shifted = new byte[70];
        System.arraycopy(enc, 0, shifted, 5, 64);
        assertArrayEquals(RefCurve.toG1(p), G1.decodeEvm(shifted, 5));
        assertArrayEquals(new byte[64], G1.encodeEvm(new long[G1.AFFINE], 0));
        assertArrayEquals(new long[G1.AFFINE], G1.decodeEvm(new byte[64], 0));
        assertThrows(IllegalArgumentException.class, () -> G1.decodeEvm(new byte[63], 0));
    }
}
