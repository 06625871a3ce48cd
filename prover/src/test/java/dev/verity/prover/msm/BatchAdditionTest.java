package dev.verity.prover.msm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.curve.CurveArithmetic;
import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * G1 and G2 batch additions, with the values kept in SIMD lanes and with block products, against
 * one-by-one group additions: the empty batch, batches of sizes that are not whole blocks, with
 * subtractions, doublings (P + P) and cancellations (P + (-P), P - P).
 */
class BatchAdditionTest {
    private final Random rnd = new Random(77);
    private boolean g1;
    private int affine;
    private CurveArithmetic g;

    private long[] randomAffine() {
        long[] out = new long[affine];
        BigInteger k = new BigInteger(250, rnd).add(BigInteger.ONE);
        g.toAffine(g.mul(g1 ? G1.GENERATOR : G2.GENERATOR, 0, k), 0, 1, out, 0);
        return out;
    }

    private void negAffine(long[] p, int po, long[] r, int ro) {
        if (g1) {
            G1.negAffine(p, po, r, ro);
        } else {
            G2.negAffine(p, po, r, ro);
        }
    }

    @Test
    void lanesAndBlocksMatchGroupAdditionsInG1() {
        g1 = true;
        affine = G1.AFFINE;
        g = new G1();
        for (boolean lanes : new boolean[] {true, false}) {
            for (int size : new int[] {0, 1, 7, 8, 13, 64, 203}) {
                check(lanes, size);
            }
        }
    }

    @Test
    void lanesAndBlocksMatchGroupAdditionsInG2() {
        g1 = false;
        affine = G2.AFFINE;
        g = new G2();
        for (boolean lanes : new boolean[] {true, false}) {
            for (int size : new int[] {0, 1, 9, 16, 45}) {
                check(lanes, size);
            }
        }
    }

    private void check(boolean lanes, int size) {
        long[] dst = new long[size * affine], src = new long[size * affine];
        int[] dstAt = new int[size], srcAt = new int[size];
        for (int j = 0; j < size; j++) {
            System.arraycopy(randomAffine(), 0, dst, j * affine, affine);
            dstAt[j] = j * affine;
            srcAt[j] = j * affine;
            switch (j % 6) {
                case 1 -> System.arraycopy(dst, j * affine, src, j * affine, affine);          // doubling
                case 2 -> negAffine(dst, j * affine, src, j * affine);                 // P + (-P)
                case 3 -> {                                                     // P - P
                    System.arraycopy(dst, j * affine, src, j * affine, affine);
                    srcAt[j] = ~srcAt[j];
                }
                case 4 -> {                                                     // P - (-P) = 2P
                    negAffine(dst, j * affine, src, j * affine);
                    srcAt[j] = ~srcAt[j];
                }
                case 5 -> {
                    System.arraycopy(randomAffine(), 0, src, j * affine, affine);
                    srcAt[j] = ~srcAt[j];
                }
                default -> System.arraycopy(randomAffine(), 0, src, j * affine, affine);
            }
        }
        long[] expected = new long[size * affine];
        long[] jac = new long[g1 ? G1.JACOBIAN : G2.JACOBIAN], term = new long[affine];
        for (int j = 0; j < size; j++) {
            if (g1) {
                G1.fromAffine(dst, j * affine, jac, 0);
            } else {
                G2.fromAffine(dst, j * affine, jac, 0);
            }
            int q = srcAt[j] < 0 ? ~srcAt[j] : srcAt[j];
            if (srcAt[j] < 0) {
                negAffine(src, q, term, 0);
            } else {
                System.arraycopy(src, q, term, 0, affine);
            }
            g.addAffine(jac, 0, term, 0, jac, 0);
            g.toAffine(jac, 0, 1, expected, j * affine);
        }
        Buckets buckets = g1 ? new G1Buckets(null, 0, 0, 256, 0, lanes) : new G2Buckets(null, 0, 0, 256, 0, lanes);
        buckets.addBatch(dst, dstAt, src, srcAt, size);
        for (int j = 0; j < size; j++) {
            String what = (g1 ? "G1 " : "G2 ") + (lanes ? "lanes" : "blocks") + ", batch of " + size + ", entry " + j
                    + " (case " + j % 6 + ")";
            int at = j * affine;
            assertArrayEquals(Arrays.copyOfRange(expected, at, at + affine), Arrays.copyOfRange(dst, at, at + affine),
                    what);
            if (j % 6 == 2 || j % 6 == 3) {
                assertTrue(g1 ? G1.isInfinityAffine(dst, at) : G2.isInfinityAffine(dst, at), what);
            }
        }
    }
}
