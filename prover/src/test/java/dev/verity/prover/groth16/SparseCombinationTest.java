package dev.verity.prover.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.verity.prover.curve.CurveArithmetic;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.r1cs.SparseMatrix;
import dev.verity.prover.util.Progress;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Key generation's per-wire sums against a naive reference (one scalar multiplication per term):
 * coefficients 1 and -1 (batched affine rounds, including rounds small enough to go Jacobian),
 * small and full-size coefficients, a heavy column, a point and its negation, a repeated point,
 * the point at infinity, more than one chunk of wires, and several matrices at once.
 */
class SparseCombinationTest {
    private static final MontgomeryField FR = Fr.FIELD;
    private static final int WIRES = 1500;   // two chunks
    private static final int ROWS = 160;

    @Test
    void g1SumsEqualTheNaiveSums() {
        check(CurveGroup.G1_GROUP, 11);
    }

    @Test
    void g2SumsEqualTheNaiveSums() {
        check(CurveGroup.G2_GROUP, 12);
    }

    private static void check(CurveGroup group, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SparseColumns[] columns = {columns(random), columns(random)};
        long[][] points = {points(group, random), points(group, random)};
        long[] got = SparseCombination.combine(group, 0, WIRES, columns, points, Progress.NONE, "test");
        assertArrayEquals(naive(group, columns, points), got);
        // a window of wires starting inside the first chunk
        long[] window = SparseCombination.combine(group, 700, 600, columns, points, Progress.NONE, "test");
        long[] expected = new long[600 * group.affine];
        System.arraycopy(got, 700 * group.affine, expected, 0, expected.length);
        assertArrayEquals(expected, window);
    }

    /**
     * Rows of a few random wires each, plus wire 1 in every row with coefficient 1 (over both
     * matrices past the heavy-column threshold: Pippenger), and wires 2..40 in three rows of four
     * with 1 or -1 (batches over many rounds, the last of them small enough for the Jacobian
     * fallback).
     */
    private static SparseColumns columns(SplittableRandom random) {
        SparseMatrix.Builder m = new SparseMatrix.Builder();
        long[] coefficient = new long[4];
        for (int row = 0; row < ROWS; row++) {
            m.addTerm(1, FR.one(), 0);
            for (int w = 2; w <= 40; w++) {
                if (random.nextInt(4) != 0) {
                    coefficientOf(random.nextBoolean() ? 1 : 5, random, coefficient);
                    m.addTerm(w, coefficient, 0);
                }
            }
            for (int t = 0; t < 12; t++) {
                coefficientOf(random.nextInt(10), random, coefficient);
                m.addTerm(41 + random.nextInt(WIRES - 41), coefficient, 0);
            }
            m.endRow();
        }
        return SparseColumns.of(m.build(), WIRES);
    }

    /** Mostly 1 and -1, then 2, 2^40, 3, a full-size element (Montgomery form, for the builder). */
    private static void coefficientOf(int kind, SplittableRandom random, long[] out) {
        BigInteger value = switch (kind) {
            case 0, 1, 2, 3 -> BigInteger.ONE;
            case 4, 5 -> Fr.MODULUS.subtract(BigInteger.ONE);
            case 6 -> BigInteger.TWO;
            case 7 -> BigInteger.ONE.shiftLeft(40);
            case 8 -> BigInteger.valueOf(3);
            default -> new BigInteger(253, new java.util.Random(random.nextLong()));
        };
        FR.fromBigInteger(value, out, 0);
    }

    /** Random multiples of the generator; row 3 repeats row 2, row 5 is minus row 4, row 6 is infinity. */
    private static long[] points(CurveGroup group, SplittableRandom random) {
        CurveArithmetic arithmetic = group.arithmetic();
        long[] out = new long[ROWS * group.affine];
        for (int row = 0; row < ROWS; row++) {
            long[] p = arithmetic.mul(group.generator, 0, BigInteger.valueOf(random.nextLong() >>> 1).add(BigInteger.ONE));
            arithmetic.toAffine(p, 0, 1, out, row * group.affine);
        }
        System.arraycopy(out, 2 * group.affine, out, 3 * group.affine, group.affine);
        group.negAffine(out, 4 * group.affine, out, 5 * group.affine);
        java.util.Arrays.fill(out, 6 * group.affine, 7 * group.affine, 0L);
        return out;
    }

    private static long[] naive(CurveGroup group, SparseColumns[] columns, long[][] points) {
        CurveArithmetic arithmetic = group.arithmetic();
        long[] jacobian = new long[WIRES * group.jacobian];
        for (int wire = 0; wire < WIRES; wire++) {
            for (int j = 0; j < columns.length; j++) {
                SparseColumns m = columns[j];
                for (int k = m.columnStart[wire]; k < m.columnStart[wire + 1]; k++) {
                    BigInteger coef = MontgomeryField.limbsToBigInteger(m.coefficients, 4 * k);
                    long[] point = new long[group.affine];
                    if (coef.compareTo(Fr.MODULUS.shiftRight(1)) > 0) {   // -c P = c (-P), with a short c
                        coef = Fr.MODULUS.subtract(coef);
                        group.negAffine(points[j], m.rows[k] * group.affine, point, 0);
                    } else {
                        System.arraycopy(points[j], m.rows[k] * group.affine, point, 0, group.affine);
                    }
                    long[] term = arithmetic.mul(point, 0, coef);
                    arithmetic.add(jacobian, wire * group.jacobian, term, 0, jacobian, wire * group.jacobian);
                }
            }
        }
        long[] out = new long[WIRES * group.affine];
        arithmetic.toAffine(jacobian, 0, WIRES, out, 0);
        return out;
    }
}
