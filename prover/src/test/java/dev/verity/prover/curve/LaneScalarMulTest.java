package dev.verity.prover.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.Simd;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIMD-lane batch multiplication ({@link LaneScalarMul}) against the plain double-and-add of
 * {@link G1#mul} and {@link G2#mul}, and the regular recoding it uses against the integers it
 * encodes.
 */
class LaneScalarMulTest {
    private static final BigInteger R = Fr.MODULUS;
    private final Random rnd = new Random(11);

    /** One of the two groups, for tests written once for both. */
    private record Group(boolean isG1, CurveArithmetic arithmetic, int affine, int jacobian, long[] generator) {
        static Group of(boolean isG1) {
            return isG1 ? new Group(true, new G1(), G1.AFFINE, G1.JACOBIAN, G1.GENERATOR)
                    : new Group(false, new G2(), G2.AFFINE, G2.JACOBIAN, G2.GENERATOR);
        }

        LaneScalarMul lanes() {
            return isG1 ? LaneScalarMul.g1() : LaneScalarMul.g2();
        }

        SplitScalar split(BigInteger k) {
            return isG1 ? EndomorphismMul.splitG1(k) : EndomorphismMul.splitG2(k);
        }
    }

    @Test
    void theTestJvmRunsTheLanes() {
        assertTrue(Simd.available(), "the tests must exercise the lane code (surefire adds jdk.incubator.vector)");
    }

    @ParameterizedTest
    @CsvSource({"true, 1", "true, 7", "true, 8", "true, 9", "true, 64", "true, 65", "true, 130", "false, 1",
        "false, 9", "false, 64", "false, 70"})
    void matchesDoubleAndAddOnRandomPointsAndScalars(boolean isG1, int count) {
        Group group = Group.of(isG1);
        BigInteger[] scalars = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            scalars[i] = new BigInteger(260, rnd).mod(R);
        }
        check(group, randomPoints(group, count), scalars);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void edgeScalarsAndPoints(boolean isG1) {
        Group group = Group.of(isG1);
        BigInteger e = isG1 ? EndomorphismMul.LAMBDA : EndomorphismMul.PSI_EIGENVALUE;
        BigInteger[] scalars = {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(15),
            BigInteger.valueOf(16), BigInteger.valueOf(17), R.subtract(BigInteger.ONE), R.subtract(BigInteger.TWO), e,
            e.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(128), BigInteger.ONE.shiftLeft(253),
            new BigInteger(200, rnd), BigInteger.valueOf(3), BigInteger.ONE, BigInteger.valueOf(12345)};
        long[] points = randomPoints(group, scalars.length);
        // the point at infinity in two lanes, the generator in another
        Arrays.fill(points, 3 * group.affine(), 4 * group.affine(), 0L);
        Arrays.fill(points, 14 * group.affine(), 15 * group.affine(), 0L);
        System.arraycopy(group.generator(), 0, points, 5 * group.affine(), group.affine());
        check(group, points, scalars);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void scatteredOffsetsAndAnOutputOffset(boolean isG1) {
        Group group = Group.of(isG1);
        int count = 20;
        long[] points = randomPoints(group, 2 * count);
        int[] offsets = new int[count];
        SplitScalar[] splits = new SplitScalar[count];
        BigInteger[] scalars = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = (2 * count - 1 - 2 * i) * group.affine();
            scalars[i] = new BigInteger(254, rnd).mod(R);
            splits[i] = group.split(scalars[i]);
        }
        long[] out = new long[(count + 3) * group.jacobian()];
        group.lanes().multiply(points, offsets, splits, count, out, 3 * group.jacobian());
        for (int i = 0; i < count; i++) {
            assertArrayEquals(expected(group, points, offsets[i], scalars[i]),
                    affine(group, out, (3 + i) * group.jacobian()), "job " + i);
        }
    }

    /**
     * Shared scalar objects, as the group NTT passes them: 19 jobs of one scalar (two whole lane
     * blocks and three left over) interleaved with 9 of another and with scalars of their own, the
     * point at infinity in a shared block, and eight jobs sharing the scalar 0.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void jobsSharingAScalarRunInWholeBlocks(boolean isG1) {
        Group group = Group.of(isG1);
        int count = 19 + 9 + 8 + 6;
        long[] points = randomPoints(group, count);
        BigInteger a = new BigInteger(254, rnd).mod(R), b = new BigInteger(254, rnd).mod(R);
        SplitScalar sharedA = group.split(a), sharedB = group.split(b), zero = group.split(BigInteger.ZERO);
        BigInteger[] scalars = new BigInteger[count];
        SplitScalar[] splits = new SplitScalar[count];
        int[] offsets = new int[count];
        List<Integer> kinds = new ArrayList<>();
        int[] jobsOfKind = {19, 9, 8, 6};
        for (int kind = 0; kind < 4; kind++) {
            kinds.addAll(Collections.nCopies(jobsOfKind[kind], kind));
        }
        Collections.shuffle(kinds, rnd);
        for (int i = 0; i < count; i++) {
            int kind = kinds.get(i);
            offsets[i] = i * group.affine();
            scalars[i] = kind == 0 ? a : kind == 1 ? b : kind == 2 ? BigInteger.ZERO : new BigInteger(254, rnd).mod(R);
            splits[i] = kind == 0 ? sharedA : kind == 1 ? sharedB : kind == 2 ? zero : group.split(scalars[i]);
        }
        int firstOfA = kinds.indexOf(0);
        Arrays.fill(points, offsets[firstOfA], offsets[firstOfA] + group.affine(), 0L);
        long[] out = new long[count * group.jacobian()];
        group.lanes().multiply(points, offsets, splits, count, out, 0);
        for (int i = 0; i < count; i++) {
            assertArrayEquals(expected(group, points, offsets[i], scalars[i]), affine(group, out, i * group.jacobian()),
                    "job " + i + ", scalar " + scalars[i]);
        }
    }

    @Test
    void equalScalarsTakeWholeBlocksFirstAndEveryJobOnce() {
        SplitScalar a = EndomorphismMul.splitG1(BigInteger.TWO), b = EndomorphismMul.splitG1(BigInteger.TEN);
        SplitScalar[] scalars = new SplitScalar[30];
        for (int i = 0; i < scalars.length; i++) {
            // a at even jobs (15 of them), b at jobs divisible by 3 but odd (5), fresh objects elsewhere
            scalars[i] = i % 2 == 0 ? a : i % 3 == 0 ? b : EndomorphismMul.splitG1(BigInteger.valueOf(i));
        }
        int[] order = LaneScalarMul.blocksOfEqualScalars(scalars, scalars.length);
        assertArrayEquals(IntStream.range(0, 30).toArray(),
                Arrays.stream(order).sorted().toArray(), "a permutation of the jobs");
        for (int lane = 0; lane < 8; lane++) {
            assertTrue(scalars[order[lane]] == a, "the one whole block of a comes first");
        }
        for (int j = 8; j < 30; j++) {
            assertTrue(j == 8 || order[j] > order[j - 1], "the rest keeps its order");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void oddPartsStillSumToTheScalar(boolean isG1) {
        Group group = Group.of(isG1);
        BigInteger e = isG1 ? EndomorphismMul.LAMBDA : EndomorphismMul.PSI_EIGENVALUE;
        for (int i = 0; i < 200; i++) {
            BigInteger k = new BigInteger(254, rnd).mod(R);
            BigInteger[] odd = EndomorphismMul.oddParts(group.split(k));
            BigInteger sum = BigInteger.ZERO;
            for (int j = odd.length - 1; j >= 0; j--) {
                assertTrue(odd[j].testBit(0), "part " + j + " odd");
                assertTrue(odd[j].bitLength() <= (isG1 ? 130 : 68), "part " + j + " short: " + odd[j].bitLength());
                sum = sum.multiply(e).add(odd[j]);
            }
            assertEquals(k, sum.mod(R));
        }
    }

    @Test
    void regularDigitsEncodeTheMagnitudeAtAnyLengthFromTheMinimum() {
        for (int i = 0; i < 300; i++) {
            BigInteger m = new BigInteger(1 + rnd.nextInt(189), rnd).setBit(0);
            int minimum = RegularDigits.windows(m);
            for (int windows = minimum; windows <= minimum + 2; windows++) {
                byte[] digits = new byte[windows];
                RegularDigits.recode(m, windows, digits, 0, 1);
                BigInteger value = BigInteger.ZERO;
                for (int w = windows - 1; w >= 0; w--) {
                    assertTrue((digits[w] & 1) != 0 && Math.abs(digits[w]) <= 15, "odd digit in [-15, 15]");
                    value = value.shiftLeft(4).add(BigInteger.valueOf(digits[w]));
                }
                assertTrue(digits[windows - 1] > 0);
                assertEquals(m, value);
            }
            assertThrows(IllegalArgumentException.class,
                    () -> RegularDigits.recode(m, minimum - 1, new byte[minimum], 0, 1));
        }
        assertEquals(1, RegularDigits.windows(BigInteger.valueOf(15)));
        assertEquals(2, RegularDigits.windows(BigInteger.valueOf(17)));
        assertThrows(IllegalArgumentException.class, () -> RegularDigits.windows(BigInteger.TWO));
    }

    private void check(Group group, long[] points, BigInteger[] scalars) {
        int count = scalars.length;
        int[] offsets = new int[count];
        SplitScalar[] splits = new SplitScalar[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = i * group.affine();
            splits[i] = group.split(scalars[i]);
        }
        long[] out = new long[count * group.jacobian()];
        group.lanes().multiply(points, offsets, splits, count, out, 0);
        for (int i = 0; i < count; i++) {
            assertArrayEquals(expected(group, points, offsets[i], scalars[i]), affine(group, out, i * group.jacobian()),
                    "job " + i + ", scalar " + scalars[i]);
        }
    }

    private long[] expected(Group group, long[] points, int offset, BigInteger k) {
        long[] a = new long[group.affine()];
        boolean infinity = true;
        for (int j = 0; j < group.affine(); j++) {
            infinity &= points[offset + j] == 0;
        }
        if (!infinity) {
            group.arithmetic().toAffine(group.arithmetic().mul(points, offset, k), 0, 1, a, 0);
        }
        return a;
    }

    private long[] affine(Group group, long[] jacobian, int offset) {
        long[] a = new long[group.affine()];
        group.arithmetic().toAffine(jacobian, offset, 1, a, 0);
        return a;
    }

    private long[] randomPoints(Group group, int count) {
        long[] points = new long[count * group.affine()];
        for (int i = 0; i < count; i++) {
            long[] p = group.arithmetic().mul(group.generator(), 0, new BigInteger(254, rnd).mod(R));
            group.arithmetic().toAffine(p, 0, 1, points, i * group.affine());
        }
        return points;
    }
}
