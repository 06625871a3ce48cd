package dev.verity.prover.ptau;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fr;
import dev.verity.prover.poly.Domain;
import dev.verity.prover.util.Progress;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The group inverse NTT against the naive O(m^2) sum. Inputs are [s_i] G for known s_i, so the
 * reference is out_j = [(1/m) sum_i w^(-ij) s_i] G, computed with BigInteger from the definition
 * and one plain multiplication per output.
 */
class GroupNttTest {
    private static final BigInteger R = Fr.MODULUS;
    private final Random rnd = new Random(3);
    private final G1 g1 = new G1();
    private final G2 g2 = new G2();

    /** Random discrete logs; the last one is 0 (the point at infinity, as in prepare phase2's top block). */
    private BigInteger[] logs(int m) {
        BigInteger[] s = new BigInteger[m];
        for (int i = 0; i < m; i++) {
            s[i] = i == m - 1 && m > 1 ? BigInteger.ZERO : new BigInteger(256, rnd).mod(R);
        }
        return s;
    }

    private static BigInteger[] naiveInverse(BigInteger[] s, int log2Size) {
        int m = s.length;
        BigInteger wInv = Domain.rootOfUnity(log2Size).modInverse(R);
        BigInteger mInv = BigInteger.valueOf(m).modInverse(R);
        BigInteger[] out = new BigInteger[m];
        for (int j = 0; j < m; j++) {
            BigInteger step = wInv.modPow(BigInteger.valueOf(j), R);
            BigInteger power = BigInteger.ONE;
            BigInteger acc = BigInteger.ZERO;
            for (int i = 0; i < m; i++) {
                acc = acc.add(power.multiply(s[i]));
                power = power.multiply(step).mod(R);
            }
            out[j] = acc.mod(R).multiply(mInv).mod(R);
        }
        return out;
    }

    private long[] g1Points(BigInteger[] s) {
        long[] p = new long[s.length * G1.AFFINE];
        for (int i = 0; i < s.length; i++) {
            g1.toAffine(g1.mul(G1.GENERATOR, 0, s[i]), 0, p, i * G1.AFFINE);
        }
        return p;
    }

    private long[] g2Points(BigInteger[] s) {
        long[] p = new long[s.length * G2.AFFINE];
        for (int i = 0; i < s.length; i++) {
            g2.toAffine(g2.mul(G2.GENERATOR, 0, s[i]), 0, p, i * G2.AFFINE);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 7, 8})
    void g1MatchesTheNaiveSum(int log2Size) {
        BigInteger[] s = logs(1 << log2Size);
        long[] points = g1Points(s);
        AtomicLong last = new AtomicLong();
        GroupNtt.inverseG1(points, log2Size, (step, done, total) -> {
            assertEquals(GroupNtt.butterflies(log2Size), total);
            last.accumulateAndGet(done, Math::max);
        }, "test");
        assertArrayEquals(g1Points(naiveInverse(s, log2Size)), points);
        assertEquals(GroupNtt.butterflies(log2Size), last.get());
    }

    /** 2^10 reaches the stage sizes whose twiddles are split per chunk rather than cached. */
    @Test
    void g1MatchesTheNaiveSumAtSize1024() {
        BigInteger[] s = logs(1 << 10);
        long[] points = g1Points(s);
        GroupNtt.inverseG1(points, 10, Progress.NONE, "test");
        assertArrayEquals(g1Points(naiveInverse(s, 10)), points);
    }

    /** G2 runs radix-4 passes: even sizes are passes only, odd ones start with a radix-2 stage. */
    /**
     * 2^13 reaches stages whose twiddles are split per chunk while a chunk still spans eight
     * blocks (one twiddle per lane block). Inputs [c + i·d] G, made by additions; 64 sampled
     * outputs against the sum from the definition.
     */
    @Test
    void g1MatchesTheSumAtSampledOutputsOfSize8192() {
        int log2Size = 13, m = 1 << log2Size;
        BigInteger c = new BigInteger(256, rnd).mod(R), d = new BigInteger(256, rnd).mod(R);
        long[] step = g1.mul(G1.GENERATOR, 0, d);
        long[] jacobian = new long[m * G1.JACOBIAN];
        System.arraycopy(g1.mul(G1.GENERATOR, 0, c), 0, jacobian, 0, G1.JACOBIAN);
        for (int i = 1; i < m; i++) {
            g1.add(jacobian, (i - 1) * G1.JACOBIAN, step, 0, jacobian, i * G1.JACOBIAN);
        }
        long[] points = new long[m * G1.AFFINE];
        g1.toAffine(jacobian, 0, m, points, 0);
        GroupNtt.inverseG1(points, log2Size, Progress.NONE, "test");
        BigInteger[] logs = new BigInteger[m];
        for (int i = 0; i < m; i++) {
            logs[i] = c.add(d.multiply(BigInteger.valueOf(i))).mod(R);
        }
        BigInteger wInv = Domain.rootOfUnity(log2Size).modInverse(R);
        BigInteger mInv = BigInteger.valueOf(m).modInverse(R);
        for (int sample = 0; sample < 64; sample++) {
            int j = sample == 0 ? 0 : sample == 1 ? m - 1 : rnd.nextInt(m);
            BigInteger stepJ = wInv.modPow(BigInteger.valueOf(j), R);
            BigInteger power = BigInteger.ONE;
            BigInteger acc = BigInteger.ZERO;
            for (int i = 0; i < m; i++) {
                acc = acc.add(power.multiply(logs[i]));
                power = power.multiply(stepJ).mod(R);
            }
            long[] expected = new long[G1.AFFINE];
            g1.toAffine(g1.mul(G1.GENERATOR, 0, acc.mod(R).multiply(mInv).mod(R)), 0, expected, 0);
            assertArrayEquals(expected, Arrays.copyOfRange(points, j * G1.AFFINE, (j + 1) * G1.AFFINE), "output " + j);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void g2MatchesTheNaiveSum(int log2Size) {
        BigInteger[] s = logs(1 << log2Size);
        long[] points = g2Points(s);
        AtomicLong last = new AtomicLong();
        GroupNtt.inverseG2(points, log2Size, (step, done, total) -> {
            assertEquals(GroupNtt.butterflies(log2Size), total);
            last.accumulateAndGet(done, Math::max);
        }, "test");
        assertArrayEquals(g2Points(naiveInverse(s, log2Size)), points);
        assertEquals(GroupNtt.butterflies(log2Size), last.get());
    }

    /** 2^11 reaches the radix-4 passes whose twiddles are split per chunk rather than cached. */
    @Test
    void g2MatchesTheNaiveSumAtSize2048() {
        BigInteger[] s = logs(1 << 11);
        long[] points = g2Points(s);
        GroupNtt.inverseG2(points, 11, Progress.NONE, "test");
        assertArrayEquals(g2Points(naiveInverse(s, 11)), points);
    }

    /** The radix-4 passes' inner twiddle: psi^3 is multiplication by w_4 on G2, so -psi^3 is by w_4^-1. */
    @Test
    void psiCubedIsTheFourthRootOfUnity() {
        long[] p = g2Points(new BigInteger[] {new BigInteger(256, rnd).mod(R)});
        long[] image = new long[G2.JACOBIAN];
        G2.fromAffine(p, 0, image, 0);
        for (int n = 0; n < 3; n++) {
            g2.psi(image, 0, image, 0);
        }
        long[] expected = new long[G2.AFFINE];
        long[] actual = new long[G2.AFFINE];
        g2.toAffine(g2.mul(p, 0, Domain.rootOfUnity(2)), 0, expected, 0);
        g2.toAffine(image, 0, actual, 0);
        assertArrayEquals(expected, actual);
    }

    @Test
    void rejectsAWrongLength() {
        assertThrows(IllegalArgumentException.class,
                () -> GroupNtt.inverseG1(new long[3 * G1.AFFINE], 2, Progress.NONE, "test"));
        assertThrows(IllegalArgumentException.class,
                () -> GroupNtt.inverseG2(new long[G2.AFFINE], -1, Progress.NONE, "test"));
    }
}
