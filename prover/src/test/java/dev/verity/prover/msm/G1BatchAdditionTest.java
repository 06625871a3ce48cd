package dev.verity.prover.msm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.curve.G1;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * G1 batch additions, with the values kept in SIMD lanes and with block products, against
 * one-by-one group additions: batches of sizes that are not whole blocks, with subtractions,
 * doublings (P + P) and cancellations (P + (-P), P - P).
 */
class G1BatchAdditionTest {
    private static final int A = G1.AFFINE;
    private final G1 g = new G1();
    private final Random rnd = new Random(77);

    private long[] randomAffine() {
        long[] out = new long[A];
        g.toAffine(g.mul(G1.GENERATOR, 0, new BigInteger(250, rnd).add(BigInteger.ONE)), 0, out, 0);
        return out;
    }

    @Test
    void lanesAndBlocksMatchGroupAdditions() {
        for (boolean lanes : new boolean[] {true, false}) {
            for (int size : new int[] {1, 7, 8, 13, 64, 203}) {
                check(lanes, size);
            }
        }
    }

    private void check(boolean lanes, int size) {
        long[] dst = new long[size * A], src = new long[size * A];
        int[] dstAt = new int[size], srcAt = new int[size];
        for (int j = 0; j < size; j++) {
            System.arraycopy(randomAffine(), 0, dst, j * A, A);
            dstAt[j] = j * A;
            srcAt[j] = j * A;
            switch (j % 6) {
                case 1 -> System.arraycopy(dst, j * A, src, j * A, A);          // doubling
                case 2 -> G1.negAffine(dst, j * A, src, j * A);                 // P + (-P)
                case 3 -> {                                                     // P - P
                    System.arraycopy(dst, j * A, src, j * A, A);
                    srcAt[j] = ~srcAt[j];
                }
                case 4 -> {                                                     // P - (-P) = 2P
                    G1.negAffine(dst, j * A, src, j * A);
                    srcAt[j] = ~srcAt[j];
                }
                case 5 -> {
                    System.arraycopy(randomAffine(), 0, src, j * A, A);
                    srcAt[j] = ~srcAt[j];
                }
                default -> System.arraycopy(randomAffine(), 0, src, j * A, A);
            }
        }
        long[] expected = new long[size * A];
        long[] jac = new long[G1.JACOBIAN], term = new long[A];
        for (int j = 0; j < size; j++) {
            G1.fromAffine(dst, j * A, jac, 0);
            int q = srcAt[j] < 0 ? ~srcAt[j] : srcAt[j];
            if (srcAt[j] < 0) {
                G1.negAffine(src, q, term, 0);
            } else {
                System.arraycopy(src, q, term, 0, A);
            }
            g.addAffine(jac, 0, term, 0, jac, 0);
            g.toAffine(jac, 0, expected, j * A);
        }
        G1Buckets buckets = new G1Buckets(null, 0, 0, 256, 0, lanes);
        buckets.addBatch(dst, dstAt, src, srcAt, size);
        for (int j = 0; j < size; j++) {
            String what = (lanes ? "lanes" : "blocks") + ", batch of " + size + ", entry " + j + " (case " + j % 6 + ")";
            assertArrayEquals(Arrays.copyOfRange(expected, j * A, j * A + A), Arrays.copyOfRange(dst, j * A, j * A + A),
                    what);
            if (j % 6 == 2 || j % 6 == 3) {
                assertTrue(G1.isInfinityAffine(dst, j * A), what);
            }
        }
    }
}
