package dev.verity.prover.poly;

import static dev.verity.prover.poly.FrButterfliesTest.assertBelow;
import static dev.verity.prover.poly.FrButterfliesTest.belowTwoR;
import static dev.verity.prover.poly.FrButterfliesTest.lazyValues;
import static dev.verity.prover.poly.FrButterfliesTest.limbs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.Simd;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lane butterflies against BigInteger over {@link FrButterflies}' whole input ranges (the
 * edges 0, r - 1, r, 2r - 1, 2r, 3r, 4r - 1 among them), and against {@link FrButterflies} itself
 * word for word once both are canonical; counts that are not whole lane blocks leave their tail to
 * the scalar kernel.
 */
class LaneButterfliesTest {
    private static final BigInteger R = Fr.MODULUS;
    private static final BigInteger MONTGOMERY_R_INV = BigInteger.ONE.shiftLeft(256).modInverse(R);

    @Test
    void cooleyTukeyMatchesBigIntegerAndTheScalarKernel() {
        assumeTrue(Simd.available(), "needs the Vector API");
        Random rnd = new Random(11);
        List<BigInteger> xs = lazyValues(rnd);
        List<BigInteger> ys = shuffled(xs, rnd);
        List<BigInteger> ws = twiddles(xs.size(), rnd);
        for (int count : new int[] {xs.size(), xs.size() - 3, 8, 5}) {
            long[] a = limbs(concat(xs, ys));
            long[] scalar = a.clone();
            int n = xs.size();
            LaneButterflies.get().run(a, 0, n, count, limbs(ws), 0, 4);
            FrButterflies.run(scalar, 0, n, count, limbs(ws), 0, 4);
            for (int j = 0; j < count; j++) {
                BigInteger t = ys.get(j).multiply(ws.get(j)).multiply(MONTGOMERY_R_INV);
                assertBelow(R.shiftLeft(2), xs.get(j).add(t), a, j, "x + w y at " + j + " of " + count);
                assertBelow(R.shiftLeft(2), xs.get(j).subtract(t), a, n + j, "x - w y at " + j + " of " + count);
            }
            assertSameAfterNormalizing(scalar, a, 2 * n, "count " + count);
        }
    }

    @Test
    void gentlemanSandeMatchesBigIntegerAndTheScalarKernel() {
        assumeTrue(Simd.available(), "needs the Vector API");
        Random rnd = new Random(12);
        List<BigInteger> xs = belowTwoR(lazyValues(rnd));
        List<BigInteger> ys = shuffled(xs, rnd);
        int n = xs.size();
        List<BigInteger> ws = twiddles(n, rnd);
        List<BigInteger> reversed = new ArrayList<>(ws);
        Collections.reverse(reversed);
        for (int count : new int[] {n, n - 3, 8, 5}) {
            long[] a = limbs(concat(xs, ys));
            long[] scalar = a.clone();
            // the factors read backwards with a negative stride, as the inverse transform reads them
            LaneButterflies.get().runInverse(a, 0, n, count, limbs(reversed), 4 * (n - 1), -4, false);
            FrButterflies.runInverse(scalar, 0, n, count, limbs(reversed), 4 * (n - 1), -4);
            for (int j = 0; j < count; j++) {
                BigInteger x = xs.get(j), y = ys.get(j);
                assertBelow(R.shiftLeft(1), x.add(y), a, j, "x + y at " + j + " of " + count);
                assertBelow(R.shiftLeft(1), y.subtract(x).multiply(ws.get(j)).multiply(MONTGOMERY_R_INV), a, n + j,
                        "(y - x) w at " + j + " of " + count);
            }
            assertSameAfterNormalizing(scalar, a, 2 * n, "count " + count);
            // butterfly 0 with the factor -1 instead of the table's: x - y, as the unit kernel gives
            long[] b = limbs(concat(xs, ys));
            long[] scalarB = b.clone();
            LaneButterflies.get().runInverse(b, 0, n, count, limbs(reversed), 4 * (n - 1), -4, true);
            FrButterflies.runInverseUnit(scalarB, 0, n, 1);
            FrButterflies.runInverse(scalarB, 1, n + 1, count - 1, limbs(reversed), 4 * (n - 2), -4);
            assertSameAfterNormalizing(scalarB, b, 2 * n, "count " + count + ", first factor -1");
        }
    }

    @Test
    void narrowLevelsMatchTheScalarKernelsBlockByBlock() {
        assumeTrue(Simd.available(), "needs the Vector API");
        Random rnd = new Random(13);
        List<BigInteger> forward = lazyValues(rnd).subList(0, 64);
        List<BigInteger> inverse = belowTwoR(lazyValues(rnd)).subList(0, 64);
        for (int log2Half = 1; log2Half <= 2; log2Half++) {
            int half = 1 << log2Half;
            // a table laid out as Twiddles' shared one: w^k of the root of order 2h at 4 (h - 1 + k)
            long[] w = new long[4 * (2 * half - 1)];
            long[] root = Domain.of(log2Half + 1).root();
            Fr.FIELD.setOne(w, 4 * (half - 1));
            for (int k = 1; k < half; k++) {
                Fr.FIELD.mul(w, 4 * (half - 1 + k - 1), root, 0, w, 4 * (half - 1 + k));
            }
            int wOffset = 4 * (half - 1);
            long[] a = limbs(forward), scalar = a.clone();
            LaneButterflies.get().runNarrow(a, 16, 64, log2Half, w, wOffset, 4, false);
            for (int block = 16; block < 64; block += 2 * half) {
                FrButterflies.runUnit(scalar, block, block + half, 1);
                FrButterflies.run(scalar, block + 1, block + half + 1, half - 1, w, wOffset + 4, 4);
            }
            assertSameAfterNormalizing(scalar, a, 64, "Cooley-Tukey, half-width " + half);
            long[] b = limbs(inverse), scalarB = b.clone();
            LaneButterflies.get().runNarrow(b, 16, 64, log2Half, w, wOffset, 4, true);
            for (int block = 16; block < 64; block += 2 * half) {
                FrButterflies.runInverseUnit(scalarB, block, block + half, 1);
                FrButterflies.runInverse(scalarB, block + 1, block + half + 1, half - 1, w, wOffset + 4 * (half - 1),
                        -4);
            }
            assertSameAfterNormalizing(scalarB, b, 64, "Gentleman-Sande, half-width " + half);
        }
    }

    @Test
    void multiplyMatchesTheScalarKernel() {
        assumeTrue(Simd.available(), "needs the Vector API");
        Random rnd = new Random(14);
        List<BigInteger> values = lazyValues(rnd);
        long[] factors = limbs(twiddles(values.size(), rnd));
        for (int stride : new int[] {4, 0}) {
            for (int to : new int[] {values.size(), values.size() - 5}) {
                long[] a = limbs(values), scalar = a.clone();
                LaneButterflies.get().multiply(a, 3, to, factors, 8, stride);
                FrButterflies.multiply(scalar, 3, to, factors, 8, stride);
                assertSameAfterNormalizing(scalar, a, values.size(), "stride " + stride + ", to " + to);
            }
        }
    }

    /** The extremes first (r - 1 and 0), then random canonical twiddles. */
    private static List<BigInteger> twiddles(int n, Random rnd) {
        List<BigInteger> ws = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            ws.add(j == 0 ? R.subtract(BigInteger.ONE) : j == 1 ? BigInteger.ZERO : new BigInteger(256, rnd).mod(R));
        }
        return ws;
    }

    private static List<BigInteger> shuffled(List<BigInteger> values, Random rnd) {
        List<BigInteger> out = new ArrayList<>(values);
        Collections.shuffle(out, rnd);
        return out;
    }

    private static List<BigInteger> concat(List<BigInteger> a, List<BigInteger> b) {
        List<BigInteger> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void assertSameAfterNormalizing(long[] expected, long[] actual, int elements, String what) {
        long[] e = expected.clone(), a = actual.clone();
        FrButterflies.normalize(e, 0, elements);
        FrButterflies.normalize(a, 0, elements);
        assertArrayEquals(e, a, what);
    }
}
