package dev.verity.prover.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.io.Fixtures;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import dev.verity.prover.io.WtnsFile;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.msm.Msm;
import dev.verity.prover.pairing.Pairing;
import dev.verity.prover.r1cs.Witness;
import dev.verity.prover.util.Progress;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The unsafe development Powers of Tau file, checked without trusting the generator's own
 * arithmetic: powers by pairings and against the known secret, Lagrange blocks by the DFT relation
 * to the powers (BigInteger roots of unity, Pippenger MSMs), and keys made from it prove.
 */
class DevPowersOfTauTest {
    private static final BigInteger R = Fr.MODULUS;
    /** Large enough for many_public (48 constraints + 17 public rows need a domain of 128). */
    private static final int POWER = 7;
    private static final int N = 1 << POWER;
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path dir;
    private static Path file;
    private static BigInteger tau;
    private static BigInteger alpha;
    private static BigInteger beta;
    private static final ConcurrentHashMap<String, Long> progressTotals = new ConcurrentHashMap<>();

    @BeforeAll
    static void writeFile() throws IOException {
        tau = randomScalar();
        alpha = randomScalar();
        beta = randomScalar();
        file = dir.resolve("dev.ptau");
        DevPowersOfTau.write(file, POWER, new DevPowersOfTau.ToxicWaste(Fr.FIELD.fromBigInteger(tau),
                Fr.FIELD.fromBigInteger(alpha), Fr.FIELD.fromBigInteger(beta)),
                (step, done, total) -> progressTotals.merge(step, done, Math::max));
    }

    @Test
    void headerAndPointsAreTheSecretsMultiples() throws IOException {
        try (PtauFile ptau = PtauFile.open(file)) {
            assertEquals(POWER, ptau.power());
            assertEquals(POWER, ptau.ceremonyPower());
            assertTrue(ptau.isPreparedForPhase2());
            assertArrayEquals(new byte[4], ptau.contributions(), "no contributions, as after powersoftau new");
            G1 g1 = new G1();
            G2 g2 = new G2();
            for (int i : new int[] {0, 1, 2, 2 * N - 2}) {
                assertArrayEquals(g1Times(g1, tau.modPow(BigInteger.valueOf(i), R)), ptau.tauG1(i, 1), "tauG1 " + i);
            }
            assertArrayEquals(g2Times(g2, tau), ptau.tauG2(1, 1));
            assertArrayEquals(g2Times(g2, tau.modPow(BigInteger.valueOf(N - 1), R)), ptau.tauG2(N - 1, 1));
            assertArrayEquals(g1Times(g1, alpha), ptau.alphaTauG1(0, 1));
            assertArrayEquals(g1Times(g1, beta.multiply(tau).mod(R)), ptau.betaTauG1(1, 1));
            assertArrayEquals(g2Times(g2, beta), ptau.betaG2());
        }
        assertEquals(2L * N - 1, progressTotals.get("tauG1 (UNSAFE dev ptau)"));
        assertEquals(4L * N - 1, progressTotals.get("Lagrange tauG1 (UNSAFE dev ptau)"));
    }

    /**
     * Each section is a chain of powers of one tau: e(P[i+1], G2) == e(P[i], [tau] G2) for G1
     * sections and the mirror for tauG2, all i at once through random combinations (the check
     * snarkjs' verifier uses), which fails for any wrong point except with negligible probability.
     */
    @Test
    void consecutivePointsDifferByTheSameTauInThePairing() throws IOException {
        try (PtauFile ptau = PtauFile.open(file)) {
            long[] tauG1 = ptau.tauG1(0, 2 * N - 1);
            long[] tauG2 = ptau.tauG2(0, N);
            long[] tau2 = ptau.tauG2(1, 1);
            assertArrayEquals(G1.GENERATOR, ptau.tauG1(0, 1));
            assertArrayEquals(G2.GENERATOR, ptau.tauG2(0, 1));
            assertTrue(sameRatioG1(tauG1, 2 * N - 1, tau2), "tauG1");
            assertTrue(sameRatioG1(ptau.alphaTauG1(0, N), N, tau2), "alphaTauG1");
            assertTrue(sameRatioG1(ptau.betaTauG1(0, N), N, tau2), "betaTauG1");
            long[] r = randomScalars(N - 1);
            long[] g1Points = concat(G1.GENERATOR, negated(ptau.tauG1(1, 1)));
            long[] g2Points = concat(affineG2(Msm.g2(tauG2, 1, r, 0, N - 1)), affineG2(Msm.g2(tauG2, 0, r, 0, N - 1)));
            assertTrue(Pairing.pairingProductIsOne(g1Points, g2Points, 2), "tauG2");
            // beta in G1 and G2 agree: e(betaTauG1[0], G2) == e(G1, betaG2)
            assertTrue(Pairing.pairingProductIsOne(concat(ptau.betaTauG1(0, 1), negated(G1.GENERATOR)),
                    concat(G2.GENERATOR, ptau.betaG2()), 2), "betaG2");
            // and the check can fail: a chain with one point doubled
            long[] broken = tauG1.clone();
            G1 g1 = new G1();
            g1.toAffine(g1.mul(tauG1, 8 * 5, BigInteger.TWO), 0, broken, 8 * 5);
            assertFalse(sameRatioG1(broken, 2 * N - 1, tau2));
        }
    }

    /**
     * Block p holds B_j = [c L_j(tau)] for the size-2^p domain with root w, so the DFT of the
     * block gives the powers back: sum_j w^(jk) B_j = [c tau^k]. Checked for all k at once with a
     * random combination over k; k = 0 alone is the sum of the block. In section 12's top block
     * the last power is zero (snarkjs prepares it from a tauG1 that lacks that power).
     */
    @Test
    void lagrangeBlocksTransformBackToThePowers() throws IOException {
        try (PtauFile ptau = PtauFile.open(file)) {
            long[] tauG1 = ptau.tauG1(0, 2 * N - 1);
            long[] tauG2 = ptau.tauG2(0, N);
            long[] alphaTauG1 = ptau.alphaTauG1(0, N);
            long[] betaTauG1 = ptau.betaTauG1(0, N);
            for (int p = 0; p <= POWER + 1; p++) {
                int size = 1 << p;
                long[][] dft = dftScalars(p);
                long[] lagrange = ptau.lagrangeG1(p);
                int powers = p == POWER + 1 ? size - 1 : size;
                assertArrayEquals(G1.GENERATOR, affineG1(Msm.g1(lagrange, ones(size))), "sum of G1 block " + p);
                assertTrue(transformsBackG1(lagrange, dft, tauG1, powers), "Lagrange tauG1 block " + p);
                if (p <= POWER) {
                    assertTrue(transformsBackG1(ptau.lagrangeAlphaG1(p), dft, alphaTauG1, size), "alpha block " + p);
                    assertTrue(transformsBackG1(ptau.lagrangeBetaG1(p), dft, betaTauG1, size), "beta block " + p);
                    long[] lagrangeG2 = ptau.lagrangeG2(p);
                    assertArrayEquals(G2.GENERATOR, affineG2(Msm.g2(lagrangeG2, ones(size))), "sum of G2 block " + p);
                    assertArrayEquals(affineG2(Msm.g2(tauG2, 0, dft[1], 0, size)),
                            affineG2(Msm.g2(lagrangeG2, dft[0])), "Lagrange tauG2 block " + p);
                }
            }
            // the top block is not the plain Lagrange basis, which would transform back to all 2N powers
            long[] allPowers = concat(tauG1, g1Times(new G1(), tau.modPow(BigInteger.valueOf(2 * N - 1), R)));
            assertFalse(transformsBackG1(ptau.lagrangeG1(POWER + 1), dftScalars(POWER + 1), allPowers, 2 * N));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "many_public"})
    void keysFromTheFileProveAndVerify(String circuit) throws IOException {
        Zkey key;
        try (PtauFile ptau = PtauFile.open(file)) {
            key = Setup.fromPtau(R1csFile.read(Fixtures.path(circuit + ".r1cs")), ptau, Progress.NONE);
        }
        Witness witness = WtnsFile.read(Fixtures.path(circuit + ".wtns"));
        Proof proof = Prover.prove(key, witness, RANDOM, Progress.NONE);
        VerificationKey vk = VerificationKeys.of(key);
        long[] signals = witness.publicSignals(key.nPublic());
        assertTrue(Verifier.verify(vk, signals, proof));
        signals[0] ^= 1;
        assertFalse(Verifier.verify(vk, signals, proof));
    }

    @Test
    void drawsAFreshSecretEachTimeAndRefusesPowersOutsideTheFormat() throws IOException {
        Path first = dir.resolve("first.ptau");
        Path second = dir.resolve("second.ptau");
        DevPowersOfTau.generateUnsafe(first, 1, RANDOM, Progress.NONE);
        DevPowersOfTau.generateUnsafe(second, 1, RANDOM, Progress.NONE);
        try (PtauFile a = PtauFile.open(first); PtauFile b = PtauFile.open(second)) {
            assertEquals(1, a.power());
            assertFalse(java.util.Arrays.equals(a.tauG1(1, 1), b.tauG1(1, 1)));
        }
        Path bad = dir.resolve("bad.ptau");
        assertThrows(IllegalArgumentException.class,
                () -> DevPowersOfTau.generateUnsafe(bad, 0, RANDOM, Progress.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> DevPowersOfTau.generateUnsafe(bad, DevPowersOfTau.MAX_POWER + 1, RANDOM, Progress.NONE));
    }

    // ------------------------------------------------------------------ helpers

    /** Whether e(sum r_i P[i+1], G2) == e(sum r_i P[i], tau2) for random r over the first count points. */
    private static boolean sameRatioG1(long[] points, int count, long[] tau2) {
        long[] r = randomScalars(count - 1);
        long[] shifted = affineG1(Msm.g1(points, 1, r, 0, count - 1));
        long[] unshifted = affineG1(Msm.g1(points, 0, r, 0, count - 1));
        return Pairing.pairingProductIsOne(concat(shifted, negated(unshifted)), concat(G2.GENERATOR, tau2), 2);
    }

    /**
     * Whether sum_k r_k sum_j w^(jk) B_j == sum_k r_k P[k], dft = {s, r} from {@link #dftScalars};
     * P[k] for k from {@code powers} on count as zero.
     */
    private static boolean transformsBackG1(long[] block, long[][] dft, long[] powerPoints, int powers) {
        long[] expected = affineG1(Msm.g1(powerPoints, 0, dft[1], 0, powers));
        return java.util.Arrays.equals(expected, affineG1(Msm.g1(block, dft[0])));
    }

    /**
     * For random r_k over the size-2^p domain: {s_j = sum_k r_k w^(jk)} and {r_k}, plain limbs.
     * w = 5^((r-1)/2^28) squared down to order 2^p, computed here independently of the poly package.
     */
    private static long[][] dftScalars(int p) {
        int size = 1 << p;
        BigInteger w = BigInteger.valueOf(5).modPow(R.subtract(BigInteger.ONE).shiftRight(28), R);
        for (int i = p; i < 28; i++) {
            w = w.multiply(w).mod(R);
        }
        BigInteger[] r = new BigInteger[size];
        long[] rLimbs = new long[4 * size];
        for (int k = 0; k < size; k++) {
            r[k] = randomScalar();
            System.arraycopy(MontgomeryField.toLimbs(r[k]), 0, rLimbs, 4 * k, 4);
        }
        long[] s = new long[4 * size];
        BigInteger wj = BigInteger.ONE;
        for (int j = 0; j < size; j++) {
            // Horner in w^j: sum_k r_k (w^j)^k
            BigInteger acc = BigInteger.ZERO;
            for (int k = size - 1; k >= 0; k--) {
                acc = acc.multiply(wj).add(r[k]).mod(R);
            }
            System.arraycopy(MontgomeryField.toLimbs(acc), 0, s, 4 * j, 4);
            wj = wj.multiply(w).mod(R);
        }
        return new long[][] {s, rLimbs};
    }

    private static BigInteger randomScalar() {
        return Prover.randomScalar(RANDOM);
    }

    private static long[] randomScalars(int count) {
        long[] out = new long[4 * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(MontgomeryField.toLimbs(randomScalar()), 0, out, 4 * i, 4);
        }
        return out;
    }

    private static long[] ones(int count) {
        long[] out = new long[4 * count];
        for (int i = 0; i < count; i++) {
            out[4 * i] = 1;
        }
        return out;
    }

    private static long[] g1Times(G1 g1, BigInteger k) {
        return affineG1(g1.mul(G1.GENERATOR, 0, k));
    }

    private static long[] g2Times(G2 g2, BigInteger k) {
        return affineG2(g2.mul(G2.GENERATOR, 0, k));
    }

    private static long[] affineG1(long[] jacobian) {
        long[] out = new long[G1.AFFINE];
        new G1().toAffine(jacobian, 0, out, 0);
        return out;
    }

    private static long[] affineG2(long[] jacobian) {
        long[] out = new long[G2.AFFINE];
        new G2().toAffine(jacobian, 0, out, 0);
        return out;
    }

    private static long[] negated(long[] g1Affine) {
        long[] out = new long[G1.AFFINE];
        G1.negAffine(g1Affine, 0, out, 0);
        return out;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
