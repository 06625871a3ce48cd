package dev.verity.prover.poly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NttTest {
    private static final MontgomeryField F = Fr.FIELD;
    private static final BigInteger R = Fr.MODULUS;

    private static List<BigInteger> random(Random rnd, int n) {
        List<BigInteger> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new BigInteger(260, rnd).mod(R));
        }
        return out;
    }

    @Test
    void inverseUndoesForwardAndBackForAllSmallSizes() {
        Random rnd = new Random(1);
        for (int log2n = 0; log2n <= 12; log2n++) {
            long[] original = FfjsVectors.toMontgomery(random(rnd, 1 << log2n));
            long[] a = original.clone();
            Ntt.forward(a, log2n);
            Ntt.inverse(a, log2n);
            assertArrayEquals(original, a, "inverse(forward) at 2^" + log2n);
            Ntt.inverse(a, log2n);
            Ntt.forward(a, log2n);
            assertArrayEquals(original, a, "forward(inverse) at 2^" + log2n);
        }
    }

    @Test
    void forwardEvaluatesAtThePowersOfTheRootAndInverseInterpolates() {
        Random rnd = new Random(2);
        for (int log2n = 0; log2n <= 6; log2n++) {
            int n = 1 << log2n;
            BigInteger w = Domain.rootOfUnity(log2n);
            List<BigInteger> coeffs = random(rnd, n);
            long[] a = FfjsVectors.toMontgomery(coeffs);
            Ntt.forward(a, log2n);
            assertEquals(NaiveDft.evaluateOnCoset(coeffs, w, BigInteger.ONE), FfjsVectors.fromMontgomery(a, n),
                    "forward at 2^" + log2n);

            List<BigInteger> values = random(rnd, n);
            long[] b = FfjsVectors.toMontgomery(values);
            Ntt.inverse(b, log2n);
            assertEquals(NaiveDft.interpolate(values, w), FfjsVectors.fromMontgomery(b, n), "inverse at 2^" + log2n);
        }
    }

    @Test
    void largeTransformsMatchHornerAtSampledPoints() {
        // Sizes that split into cache blocks plus one, two and three high levels done together.
        Random rnd = new Random(9);
        for (int log2n : new int[] {13, 16, 17}) {
            int n = 1 << log2n;
            long[] coeffs = new long[4 * n];
            for (int i = 0; i < n; i++) {
                F.fromBigInteger(new BigInteger(256, rnd), coeffs, 4 * i);
            }
            long[] values = coeffs.clone();
            Ntt.forward(values, log2n);
            long[] root = Domain.of(log2n).root();
            int[] points = {0, 1, n / 2, n - 1, rnd.nextInt(n), rnd.nextInt(n), rnd.nextInt(n)};
            for (int i : points) {
                long[] x = new long[4];
                F.pow(root, 0, new long[] {i}, x, 0);
                assertEquals(F.toBigInteger(horner(coeffs, n, x)), F.toBigInteger(values, 4 * i),
                        "forward 2^" + log2n + " at w^" + i);
            }
            long[] interpolated = values.clone();
            Ntt.inverse(interpolated, log2n);
            assertArrayEquals(coeffs, interpolated, "inverse 2^" + log2n);
        }
    }

    @Test
    void toCosetMovesValuesFromTheDomainToTheCoset() {
        Random rnd = new Random(10);
        for (int log2n : new int[] {0, 1, 2, 5, 6}) {
            int n = 1 << log2n;
            BigInteger w = Domain.rootOfUnity(log2n);
            List<BigInteger> values = random(rnd, n);
            BigInteger shift = new BigInteger(250, rnd).mod(R);
            long[] a = FfjsVectors.toMontgomery(values);
            Ntt.toCoset(a, log2n, F.fromBigInteger(shift));
            assertEquals(NaiveDft.evaluateOnCoset(NaiveDft.interpolate(values, w), w, shift),
                    FfjsVectors.fromMontgomery(a, n), "toCoset at 2^" + log2n);
        }
        // Sizes whose interpolation runs high levels before the blocks.
        for (int log2n : new int[] {13, 17}) {
            int n = 1 << log2n;
            long[] coeffs = new long[4 * n];
            for (int i = 0; i < n; i++) {
                F.fromBigInteger(new BigInteger(256, rnd), coeffs, 4 * i);
            }
            long[] values = coeffs.clone();
            Ntt.forward(values, log2n);
            long[] shift = F.fromBigInteger(new BigInteger(250, rnd));
            Ntt.toCoset(values, log2n, shift);
            long[] root = Domain.of(log2n).root();
            for (int i : new int[] {0, 1, n - 1, rnd.nextInt(n), rnd.nextInt(n)}) {
                long[] x = new long[4];
                F.pow(root, 0, new long[] {i}, x, 0);
                F.mul(x, 0, shift, 0, x, 0);
                assertEquals(F.toBigInteger(horner(coeffs, n, x)), F.toBigInteger(values, 4 * i),
                        "toCoset 2^" + log2n + " at shift w^" + i);
            }
        }
    }

    private static long[] horner(long[] coeffs, int n, long[] x) {
        long[] acc = new long[4];
        for (int j = n - 1; j >= 0; j--) {
            F.mul(acc, 0, x, 0, acc, 0);
            F.add(acc, 0, coeffs, 4 * j, acc, 0);
        }
        return acc;
    }

    @Test
    void extremeInputsStayExact() {
        // Values at the top of the field drive the lazily reduced intermediates to their bounds.
        BigInteger max = R.subtract(BigInteger.ONE);
        int log2n = 6;
        int n = 1 << log2n;
        List<List<BigInteger>> cases = new ArrayList<>();
        cases.add(Collections.nCopies(n, max));
        List<BigInteger> alternating = new ArrayList<>();
        List<BigInteger> topAndOne = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            alternating.add(i % 2 == 0 ? max : BigInteger.ZERO);
            topAndOne.add(i % 3 == 0 ? BigInteger.ONE : max.subtract(BigInteger.valueOf(i)));
        }
        cases.add(alternating);
        cases.add(topAndOne);
        BigInteger w = Domain.rootOfUnity(log2n);
        for (List<BigInteger> values : cases) {
            long[] a = FfjsVectors.toMontgomery(values);
            Ntt.forward(a, log2n);
            assertEquals(NaiveDft.evaluateOnCoset(values, w, BigInteger.ONE), FfjsVectors.fromMontgomery(a, n));
            long[] b = FfjsVectors.toMontgomery(values);
            Ntt.inverse(b, log2n);
            assertEquals(NaiveDft.interpolate(values, w), FfjsVectors.fromMontgomery(b, n));
        }
    }

    @Test
    void forwardIsLinear() {
        Random rnd = new Random(3);
        int log2n = 11;
        int n = 1 << log2n;
        long[] x = FfjsVectors.toMontgomery(random(rnd, n));
        long[] y = FfjsVectors.toMontgomery(random(rnd, n));
        long[] k = F.fromBigInteger(new BigInteger(250, rnd));
        long[] combo = new long[4 * n];
        for (int i = 0; i < n; i++) {
            F.mul(x, 4 * i, k, 0, combo, 4 * i);
            F.add(combo, 4 * i, y, 4 * i, combo, 4 * i);
        }
        Ntt.forward(x, log2n);
        Ntt.forward(y, log2n);
        Ntt.forward(combo, log2n);
        long[] expected = new long[4 * n];
        for (int i = 0; i < n; i++) {
            F.mul(x, 4 * i, k, 0, expected, 4 * i);
            F.add(expected, 4 * i, y, 4 * i, expected, 4 * i);
        }
        assertArrayEquals(expected, combo);
    }

    @Test
    void cosetForwardEvaluatesAtShiftedPowers() {
        Random rnd = new Random(4);
        for (int log2n : new int[] {0, 1, 3, 6}) {
            int n = 1 << log2n;
            List<BigInteger> coeffs = random(rnd, n);
            BigInteger shift = new BigInteger(250, rnd).mod(R);
            long[] a = FfjsVectors.toMontgomery(coeffs);
            Ntt.cosetForward(a, log2n, F.fromBigInteger(shift));
            assertEquals(NaiveDft.evaluateOnCoset(coeffs, Domain.rootOfUnity(log2n), shift),
                    FfjsVectors.fromMontgomery(a, n), "coset forward at 2^" + log2n);
        }
    }

    @Test
    void mulByPowersMultipliesByAGeometricSequence() {
        Random rnd = new Random(5);
        int n = 10_000; // not a power of two, and long enough to be split across workers
        List<BigInteger> values = random(rnd, n);
        BigInteger first = new BigInteger(250, rnd).mod(R);
        BigInteger ratio = new BigInteger(250, rnd).mod(R);
        long[] a = FfjsVectors.toMontgomery(values);
        long[] b = a.clone();
        Ntt.mulByPowers(a, n, F.fromBigInteger(first), F.fromBigInteger(ratio));
        Ntt.mulByPowers(b, n - 1, F.fromBigInteger(ratio));
        BigInteger power = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            assertEquals(values.get(i).multiply(first).multiply(power).mod(R), F.toBigInteger(a, 4 * i), "a " + i);
            BigInteger expectedB = i < n - 1 ? values.get(i).multiply(power).mod(R) : values.get(i);
            assertEquals(expectedB, F.toBigInteger(b, 4 * i), "b " + i);
            power = power.multiply(ratio).mod(R);
        }
    }

    @Test
    void transformsOnlyTheFirstNElementsOfALongerArray() {
        Random rnd = new Random(6);
        List<BigInteger> values = random(rnd, 12);
        long[] a = FfjsVectors.toMontgomery(values);
        long[] expected = FfjsVectors.toMontgomery(values.subList(0, 8));
        Ntt.forward(a, 3);
        Ntt.forward(expected, 3);
        assertArrayEquals(expected, Arrays.copyOf(a, 32));
        assertEquals(values.subList(8, 12), FfjsVectors.fromMontgomery(Arrays.copyOfRange(a, 32, 48), 4));
    }

    @Test
    void equalsFfjavascriptFftAndIfft() {
        for (JsonNode v : FfjsVectors.root().get("ntt")) {
            int log2n = v.get("log2n").asInt();
            int n = 1 << log2n;
            List<BigInteger> input = FfjsVectors.bigs(v.get("input"));
            long[] a = FfjsVectors.toMontgomery(input);
            Ntt.forward(a, log2n);
            assertEquals(FfjsVectors.bigs(v.get("fft")), FfjsVectors.fromMontgomery(a, n), "fft 2^" + log2n);
            long[] b = FfjsVectors.toMontgomery(input);
            Ntt.inverse(b, log2n);
            assertEquals(FfjsVectors.bigs(v.get("ifft")), FfjsVectors.fromMontgomery(b, n), "ifft 2^" + log2n);
        }
    }

    @Test
    void equalsFfjavascriptOnATransformItSplitsIntoChunks() {
        for (JsonNode v : FfjsVectors.root().get("nttDigests")) {
            int log2n = v.get("log2n").asInt();
            int n = 1 << log2n;
            List<BigInteger> input = FfjsVectors.stream(v.get("label").asText(), n);
            long[] a = FfjsVectors.toMontgomery(input);
            Ntt.forward(a, log2n);
            assertEquals(v.get("fft").asText(), FfjsVectors.digestOfMontgomery(a, n), "fft 2^" + log2n);
            long[] b = FfjsVectors.toMontgomery(input);
            Ntt.inverse(b, log2n);
            assertEquals(v.get("ifft").asText(), FfjsVectors.digestOfMontgomery(b, n), "ifft 2^" + log2n);
        }
    }

    @Test
    void rejectsBadArguments() {
        long[] seven = new long[4 * 7];
        assertThrows(IllegalArgumentException.class, () -> Ntt.forward(seven, 3));
        assertThrows(IllegalArgumentException.class, () -> Ntt.inverse(null, 0));
        assertThrows(IllegalArgumentException.class, () -> Ntt.forward(new long[4], -1));
        assertThrows(IllegalArgumentException.class, () -> Ntt.forward(new long[4], 29));
        assertThrows(IllegalArgumentException.class, () -> Ntt.mulByPowers(seven, 8, F.one()));
        assertThrows(IllegalArgumentException.class, () -> Ntt.mulByPowers(seven, 7, new long[3]));
        assertThrows(IllegalArgumentException.class, () -> Ntt.cosetForward(seven, 2, null));
        assertThrows(IllegalArgumentException.class, () -> Ntt.toCoset(seven, 3, F.one()));
        assertThrows(IllegalArgumentException.class, () -> Ntt.toCoset(seven, 2, new long[5]));
    }
}
