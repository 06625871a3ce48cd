package dev.verity.prover.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verity.prover.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotientEvaluationsTest {
    private static final BigInteger R = Fr.MODULUS;

    @Test
    void equalsSnarkjsSequenceOfFfjavascriptCalls() {
        for (JsonNode v : FfjsVectors.root().get("quotient")) {
            int log2n = v.get("log2n").asInt();
            int n = 1 << log2n;
            long[] a = FfjsVectors.toMontgomery(FfjsVectors.bigs(v.get("a")));
            long[] b = FfjsVectors.toMontgomery(FfjsVectors.bigs(v.get("b")));
            long[] c = FfjsVectors.toMontgomery(FfjsVectors.bigs(v.get("c")));
            long[] h = QuotientEvaluations.compute(a, b, c, log2n);
            assertSame(a, h);
            assertEquals(FfjsVectors.bigs(v.get("h")), FfjsVectors.fromPlain(h, n), "h at 2^" + log2n);
        }
    }

    @Test
    void equalsSnarkjsOnATransformFfjavascriptSplitsIntoChunks() {
        for (JsonNode v : FfjsVectors.root().get("quotientDigests")) {
            int log2n = v.get("log2n").asInt();
            int n = 1 << log2n;
            JsonNode labels = v.get("labels");
            long[] a = FfjsVectors.toMontgomery(FfjsVectors.stream(labels.get(0).asText(), n));
            long[] b = FfjsVectors.toMontgomery(FfjsVectors.stream(labels.get(1).asText(), n));
            long[] c = FfjsVectors.toMontgomery(FfjsVectors.stream(labels.get(2).asText(), n));
            long[] h = QuotientEvaluations.compute(a, b, c, log2n);
            assertEquals(v.get("h").asText(), FfjsVectors.digestOfPlain(h, n), "h at 2^" + log2n);
        }
    }

    @Test
    void isTheProductMinusCOnTheOddPointsOfTheDoubleDomain() {
        int log2n = 3;
        int n = 1 << log2n;
        List<BigInteger> av = FfjsVectors.stream("independent-a", n);
        List<BigInteger> bv = FfjsVectors.stream("independent-b", n);
        List<BigInteger> cv = FfjsVectors.stream("independent-c", n);
        BigInteger w = Domain.rootOfUnity(log2n);
        BigInteger w2n = Domain.rootOfUnity(log2n + 1);
        List<BigInteger> aOdd = NaiveDft.evaluateOnCoset(NaiveDft.interpolate(av, w), w, w2n);
        List<BigInteger> bOdd = NaiveDft.evaluateOnCoset(NaiveDft.interpolate(bv, w), w, w2n);
        List<BigInteger> cOdd = NaiveDft.evaluateOnCoset(NaiveDft.interpolate(cv, w), w, w2n);
        List<BigInteger> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(aOdd.get(i).multiply(bOdd.get(i)).subtract(cOdd.get(i)).mod(R));
        }
        long[] h = QuotientEvaluations.compute(FfjsVectors.toMontgomery(av), FfjsVectors.toMontgomery(bv),
                FfjsVectors.toMontgomery(cv), log2n);
        assertEquals(expected, FfjsVectors.fromPlain(h, n));
    }

    @Test
    void rejectsBadArguments() {
        long[] eight = new long[32];
        assertThrows(IllegalArgumentException.class,
                () -> QuotientEvaluations.compute(eight, new long[32], new long[28], 3));
        assertThrows(IllegalArgumentException.class,
                () -> QuotientEvaluations.compute(eight, eight, new long[32], 3));
        assertThrows(IllegalArgumentException.class,
                () -> QuotientEvaluations.compute(eight, new long[32], new long[32], 29));
    }
}
