package dev.verity.prover.curve;

import static dev.verity.prover.curve.RefCurve.REF_G2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp2;
import dev.verity.prover.field.Fr;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** G2 against the BigInteger affine reference, and the subgroup check against [r]P == O. */
class G2Test {
    private static final BigInteger R = Fr.MODULUS;
    /** The twist has r * (2p - r) points (BN curves: #E'(Fp2) = (p + 1 - t)(p - 1 + t)). */
    private static final BigInteger COFACTOR = Fp.MODULUS.shiftLeft(1).subtract(R);
    private final G2 g = new G2();
    private final Random rnd = new Random(12);

    private long[] jacobian(BigInteger[] pt) {
        long[] j = new long[G2.JACOBIAN];
        if (pt == null) {
            return j;
        }
        BigInteger[] z = {new BigInteger(250, rnd).add(BigInteger.ONE), new BigInteger(250, rnd)};
        BigInteger[] z2 = RefCurve.fmul(z, z), z3 = RefCurve.fmul(z2, z);
        BigInteger[] x = RefCurve.fmul(RefCurve.x(pt), z2), y = RefCurve.fmul(RefCurve.y(pt), z3);
        Fp2.set(x[0], x[1], j, 0);
        Fp2.set(y[0], y[1], j, 8);
        Fp2.set(z[0], z[1], j, 16);
        return j;
    }

    private BigInteger[] ref(long[] jac) {
        long[] a = new long[G2.AFFINE];
        g.toAffine(jac, 0, a, 0);
        return RefCurve.fromG2(a, 0);
    }

    /** A point of the twist that is in G2 (cofactor cleared). */
    private BigInteger[] subgroupPoint() {
        return REF_G2.mul(REF_G2.randomPoint(rnd, true), COFACTOR);
    }

    private boolean slowSubgroupCheck(long[] affine) {
        return G2.isOnCurve(affine, 0) && G2.isInfinity(g.mul(affine, 0, R), 0);
    }

    @Test
    void generatorIsInG2() {
        assertTrue(G2.isOnCurve(G2.GENERATOR, 0));
        assertTrue(G2.isInSubgroup(G2.GENERATOR, 0));
        assertTrue(REF_G2.onCurve(RefCurve.fromG2(G2.GENERATOR, 0)));
        assertTrue(G2.isInfinity(g.mul(G2.GENERATOR, 0, R), 0));
        BigInteger[] gen = RefCurve.fromG2(G2.GENERATOR, 0);
        assertArrayEquals(REF_G2.neg(gen), ref(g.mul(G2.GENERATOR, 0, R.subtract(BigInteger.ONE))));
    }

    @Test
    void groupLawMatchesReference() {
        long[] r = new long[G2.JACOBIAN];
        for (int i = 0; i < 8; i++) {
            BigInteger[] p = REF_G2.randomPoint(rnd, true), q = REF_G2.randomPoint(rnd, true);
            long[] pj = jacobian(p), qj = jacobian(q), qa = RefCurve.toG2(q);
            g.add(pj, 0, qj, 0, r, 0);
            assertArrayEquals(REF_G2.add(p, q), ref(r));
            g.addAffine(pj, 0, qa, 0, r, 0);
            assertArrayEquals(REF_G2.add(p, q), ref(r));
            g.dbl(pj, 0, r, 0);
            assertArrayEquals(REF_G2.add(p, p), ref(r));
            g.add(pj, 0, jacobian(p), 0, r, 0);
            assertArrayEquals(REF_G2.add(p, p), ref(r));
            g.addAffine(pj, 0, RefCurve.toG2(p), 0, r, 0);
            assertArrayEquals(REF_G2.add(p, p), ref(r));
            g.add(pj, 0, jacobian(REF_G2.neg(p)), 0, r, 0);
            assertTrue(G2.isInfinity(r, 0));
            g.addAffine(pj, 0, RefCurve.toG2(REF_G2.neg(p)), 0, r, 0);
            assertTrue(G2.isInfinity(r, 0));
            G2.neg(pj, 0, r, 0);
            assertArrayEquals(REF_G2.neg(p), ref(r));
            long[] inf = new long[G2.JACOBIAN];
            g.add(pj, 0, inf, 0, r, 0);
            assertArrayEquals(p, ref(r));
            g.add(inf, 0, pj, 0, r, 0);
            assertArrayEquals(p, ref(r));
            g.addAffine(inf, 0, qa, 0, r, 0);
            assertArrayEquals(q, ref(r));
            g.addAffine(pj, 0, new long[G2.AFFINE], 0, r, 0);
            assertArrayEquals(p, ref(r));
        }
    }

    @Test
    void associativityAndAliasing() {
        for (int i = 0; i < 5; i++) {
            long[] p = jacobian(REF_G2.randomPoint(rnd, true));
            long[] q = jacobian(REF_G2.randomPoint(rnd, true));
            long[] s = jacobian(REF_G2.randomPoint(rnd, true));
            long[] left = new long[G2.JACOBIAN], right = new long[G2.JACOBIAN];
            g.add(p, 0, q, 0, left, 0);
            g.add(left, 0, s, 0, left, 0);
            g.add(q, 0, s, 0, right, 0);
            g.add(p, 0, right, 0, right, 0);
            assertTrue(g.equal(left, 0, right, 0));
            assertFalse(g.equal(p, 0, q, 0));
        }
    }

    @Test
    void scalarMultiplicationMatchesReference() {
        BigInteger[] p = subgroupPoint();
        long[] pa = RefCurve.toG2(p);
        for (BigInteger k : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(16),
            R.subtract(BigInteger.ONE), new BigInteger(254, rnd), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)}) {
            assertArrayEquals(REF_G2.mul(p, k), ref(g.mul(pa, 0, k)));
        }
        long[] acc = new long[G2.JACOBIAN];
        for (int k = 0; k <= 20; k++) {
            assertTrue(g.equal(acc, 0, g.mul(pa, 0, BigInteger.valueOf(k)), 0), "k = " + k);
            g.addAffine(acc, 0, pa, 0, acc, 0);
        }
    }

    @Test
    void batchToAffineMatchesSingle() {
        int n = 5;
        long[] jac = new long[n * G2.JACOBIAN];
        BigInteger[][] pts = new BigInteger[n][];
        for (int i = 0; i < n; i++) {
            pts[i] = i == 2 ? null : REF_G2.randomPoint(rnd, true);
            System.arraycopy(jacobian(pts[i]), 0, jac, i * G2.JACOBIAN, G2.JACOBIAN);
        }
        long[] out = new long[n * G2.AFFINE];
        g.toAffine(jac, 0, n, out, 0);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(pts[i], RefCurve.fromG2(out, i * G2.AFFINE));
        }
    }

    @Test
    void psiIsAnEndomorphismWithEigenvalueP() {
        BigInteger[] p = REF_G2.randomPoint(rnd, true), q = REF_G2.randomPoint(rnd, true);
        long[] psiP = new long[G2.JACOBIAN], psiQ = new long[G2.JACOBIAN], sum = new long[G2.JACOBIAN];
        g.psi(jacobian(p), 0, psiP, 0);
        g.psi(jacobian(q), 0, psiQ, 0);
        assertTrue(REF_G2.onCurve(ref(psiP)));
        g.add(psiP, 0, psiQ, 0, sum, 0);
        long[] psiSum = new long[G2.JACOBIAN];
        g.psi(jacobian(REF_G2.add(p, q)), 0, psiSum, 0);
        assertTrue(g.equal(sum, 0, psiSum, 0));
        // on G2, psi is multiplication by p (mod r)
        BigInteger[] s = subgroupPoint();
        long[] psiS = new long[G2.JACOBIAN];
        g.psi(jacobian(s), 0, psiS, 0);
        assertArrayEquals(REF_G2.mul(s, Fp.MODULUS.mod(R)), ref(psiS));
    }

    @Test
    void subgroupCheckAgreesWithOrderCheck() {
        int inside = 0, outside = 0;
        for (int i = 0; i < 6; i++) {
            BigInteger[] twist = REF_G2.randomPoint(rnd, true);
            BigInteger[] cleared = REF_G2.mul(twist, COFACTOR);
            BigInteger[] torsion = REF_G2.mul(twist, R);          // order divides the cofactor
            BigInteger[] mixed = REF_G2.add(cleared, torsion);
            assertNotNull(torsion);
            assertTrue(REF_G2.mul(torsion, COFACTOR) == null);
            for (BigInteger[] pt : new BigInteger[][] {twist, cleared, torsion, mixed}) {
                long[] a = RefCurve.toG2(pt);
                boolean expected = slowSubgroupCheck(a);
                assertEquals(expected, G2.isInSubgroup(a, 0));
                if (expected) {
                    inside++;
                } else {
                    outside++;
                }
            }
        }
        assertEquals(6, inside);                 // the cleared points
        assertEquals(18, outside);
        assertTrue(G2.isInSubgroup(new long[G2.AFFINE], 0));
    }

    @Test
    void curveMembershipAndParsing() {
        long[] bad = G2.GENERATOR.clone();
        bad[0] ^= 1;
        assertFalse(G2.isOnCurve(bad, 0));
        assertFalse(G2.isInSubgroup(bad, 0));
        BigInteger[][] gen = G2.toBigIntegers(G2.GENERATOR, 0);
        assertArrayEquals(G2.GENERATOR, G2.fromBigIntegers(gen[0], gen[1]));
        assertThrows(IllegalArgumentException.class,
                () -> G2.fromBigIntegers(gen[0], new BigInteger[] {gen[1][0], gen[1][1].add(BigInteger.ONE)}));
        assertThrows(IllegalArgumentException.class,
                () -> G2.fromBigIntegers(new BigInteger[] {gen[0][0].add(Fp.MODULUS), gen[0][1]}, gen[1]));
        assertThrows(IllegalArgumentException.class, () -> G2.fromBigIntegers(gen[0], new BigInteger[] {BigInteger.ONE}));
    }

    @Test
    void evmEncoding() {
        byte[] enc = G2.encodeEvm(G2.GENERATOR, 0);
        // EIP-197 lists the generator with the imaginary part first
        assertEquals(new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
                new BigInteger(1, java.util.Arrays.copyOfRange(enc, 0, 32)));
        assertEquals(new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
                new BigInteger(1, java.util.Arrays.copyOfRange(enc, 32, 64)));
        assertEquals(new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531"),
                new BigInteger(1, java.util.Arrays.copyOfRange(enc, 64, 96)));
        assertEquals(new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
                new BigInteger(1, java.util.Arrays.copyOfRange(enc, 96, 128)));
        assertArrayEquals(G2.GENERATOR, G2.decodeEvm(enc, 0));
        assertArrayEquals(new long[G2.AFFINE], G2.decodeEvm(new byte[128], 0));
        assertArrayEquals(new byte[128], G2.encodeEvm(new long[G2.AFFINE], 0));

        long[] outside = RefCurve.toG2(REF_G2.randomPoint(rnd, true));
        byte[] outsideEnc = G2.encodeEvm(outside, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> G2.decodeEvm(outsideEnc, 0));
        assertTrue(e.getMessage().contains("subgroup"), e.getMessage());

        byte[] offCurve = enc.clone();
        offCurve[127] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> G2.decodeEvm(offCurve, 0));
        byte[] tooBig = enc.clone();
        byte[] p = Fp.MODULUS.toByteArray();   // 32 bytes: p < 2^254
        System.arraycopy(p, p.length - 32, tooBig, 32, 32);
        e = assertThrows(IllegalArgumentException.class, () -> G2.decodeEvm(tooBig, 0));
        assertTrue(e.getMessage().contains("x.c0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> G2.decodeEvm(enc, 1));
    }
}
