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
import java.util.function.Consumer;
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
        BigInteger[] out = new BigInteger[s.length];
        for (int j = 0; j < s.length; j++) {
            out[j] = naiveOutput(s, log2Size, j);
        }
        return out;
    }

    /** Output j from the definition: (1/m) sum_i w^(-ij) s_i. */
    private static BigInteger naiveOutput(BigInteger[] s, int log2Size, int j) {
        int m = s.length;
        BigInteger step = Domain.rootOfUnity(log2Size).modInverse(R).modPow(BigInteger.valueOf(j), R);
        BigInteger power = BigInteger.ONE;
        BigInteger acc = BigInteger.ZERO;
        for (int i = 0; i < m; i++) {
            acc = acc.add(power.multiply(s[i]));
            power = power.multiply(step).mod(R);
        }
        return acc.mod(R).multiply(BigInteger.valueOf(m).modInverse(R)).mod(R);
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

    /** 2^10 reaches the stages whose twiddles are split per chunk rather than cached. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 7, 8, 10})
    void g1MatchesTheNaiveSum(int log2Size) {
        BigInteger[] s = logs(1 << log2Size);
        long[] points = g1Points(s);
        assertProgressCountsEveryButterfly(log2Size, progress -> GroupNtt.inverseG1(points, log2Size, progress, "test"));
        assertArrayEquals(g1Points(naiveInverse(s, log2Size)), points);
    }

    /** Runs the transform and checks its progress reports: total = all butterflies, all of them done. */
    private static void assertProgressCountsEveryButterfly(int log2Size, Consumer<Progress> transform) {
        AtomicLong last = new AtomicLong();
        transform.accept((step, done, total) -> {
            assertEquals(GroupNtt.butterflies(log2Size), total);
            last.accumulateAndGet(done, Math::max);
        });
        assertEquals(GroupNtt.butterflies(log2Size), last.get());
    }

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
        for (int sample = 0; sample < 64; sample++) {
            int j = sample == 0 ? 0 : sample == 1 ? m - 1 : rnd.nextInt(m);
            long[] expected = new long[G1.AFFINE];
            g1.toAffine(g1.mul(G1.GENERATOR, 0, naiveOutput(logs, log2Size, j)), 0, expected, 0);
            assertArrayEquals(expected, Arrays.copyOfRange(points, j * G1.AFFINE, (j + 1) * G1.AFFINE), "output " + j);
        }
    }

    /**
     * G2 runs radix-4 passes: even sizes are passes only, odd ones start with a radix-2 stage; 2^11
     * reaches the passes whose twiddles are split per chunk rather than cached.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 11})
    void g2MatchesTheNaiveSum(int log2Size) {
        BigInteger[] s = logs(1 << log2Size);
        long[] points = g2Points(s);
        assertProgressCountsEveryButterfly(log2Size, progress -> GroupNtt.inverseG2(points, log2Size, progress, "test"));
        assertArrayEquals(g2Points(naiveInverse(s, log2Size)), points);
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
