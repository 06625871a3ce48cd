package dev.verity.prover.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.r1cs.Circuit;
import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bits, comparators, fixed point, ReLU, max, argmax, dot products and distances. */
class ArithmeticGadgetsTest {

    @Test
    void bitsRecomposeAndRangeChecksRejectOutOfRangeValues() {
        Circuit c = Soundness.build(b -> {
            LinearCombination[] bits = Bits.toBits(b, b.privateInput(0b1011_0110), 8);
            assertEquals(9, b.constraints());
            for (int i = 0; i < 8; i++) {
                assertEquals(BigInteger.valueOf((0b1011_0110 >> i) & 1), b.value(bits[i]));
            }
            assertEquals(BigInteger.valueOf(0b1011_0110), b.value(Bits.fromBits(bits)));
        });
        assertEquals(9, c.cs().nConstraints());
        // 256 does not fit 8 bits: the honest hints (its low 8 bits) cannot satisfy the sum
        CircuitBuilder b = new CircuitBuilder();
        Bits.rangeCheck(b, b.privateInput(256), 8);
        Circuit out = b.build();
        assertTrue(out.cs().firstUnsatisfied(out.witness()) >= 0);
        // nor can -1, whatever bits are claimed: 2^8 - 1 < r - 1
        CircuitBuilder neg = new CircuitBuilder();
        Bits.rangeCheck(neg, neg.privateInput(-1), 8);
        Circuit negative = neg.build();
        assertTrue(negative.cs().firstUnsatisfied(negative.witness()) >= 0);
        assertThrows(IllegalArgumentException.class, () -> Bits.toBits(new CircuitBuilder(), LinearCombination.ZERO, 254));
    }

    @Test
    void aNonBooleanBitIsCaught() {
        // claim 3 = 1*1 + 1*2 honestly, then 3 = 3*1 + 0*2 with a "bit" equal to 3
        Soundness.everyHintIsChecked(b -> Bits.rangeCheck(b, b.privateInput(3), 2));
        CircuitBuilder cheat = new CircuitBuilder();
        cheat.overrideHints((i, v) -> i == 0 ? BigInteger.valueOf(3) : BigInteger.ZERO);
        Bits.rangeCheck(cheat, cheat.privateInput(3), 2);
        Circuit c = cheat.build();
        assertEquals(0, c.cs().firstUnsatisfied(c.witness()), "the boolean constraint of bit 0 fails");
    }

    @Test
    void comparatorsAgreeWithIntegerComparisonOnEveryFourBitPair() {
        int n = 4;
        Soundness.build(b -> {
            for (int x = -8; x < 8; x++) {
                for (int y = -8; y < 8; y++) {
                    LinearCombination px = b.privateInput(x);
                    LinearCombination py = b.privateInput(y);
                    assertEquals(x < y ? 1 : 0, b.longValue(Comparators.lessThan(b, px, py, n)), x + "<" + y);
                    assertEquals(x <= y ? 1 : 0, b.longValue(Comparators.lessOrEqual(b, px, py, n)), x + "<=" + y);
                }
                assertEquals(x >= 0 ? 1 : 0, b.longValue(Comparators.isNonNegative(b, b.privateInput(x), n)));
            }
        });
        CircuitBuilder b = new CircuitBuilder();
        Comparators.lessThan(b, b.privateInput(1), b.privateInput(2), 10);
        assertEquals(12, b.constraints(), "n + 2");
        Soundness.everyHintIsChecked(k -> Comparators.lessThan(k, k.privateInput(-300), k.privateInput(299), 10));
    }

    @Test
    void assertLessOrEqualHoldsExactlyWhenTrue() {
        Soundness.build(b -> Comparators.assertLessOrEqual(b, b.privateInput(-5), b.privateInput(-5), 8));
        CircuitBuilder b = new CircuitBuilder();
        Comparators.assertLessOrEqual(b, b.privateInput(6), b.privateInput(5), 8);
        Circuit c = b.build();
        assertTrue(c.cs().firstUnsatisfied(c.witness()) >= 0);
    }

    @Test
    void fixedPointRescaleIsFloorDivisionOnSignedValues() {
        Random rnd = new Random(3);
        int n = 24;
        int k = 8;
        Soundness.build(b -> {
            for (int i = 0; i < 200; i++) {
                long x = rnd.nextInt(1 << (n - 1)) * (rnd.nextBoolean() ? 1L : -1L);
                LinearCombination q = FixedPoint.floorDivPow2(b, b.privateInput(x), k, n);
                assertEquals(Math.floorDiv(x, 1L << k), b.longValue(q), "floor(" + x + " / 2^" + k + ")");
                long y = rnd.nextInt(4096) - 2048;
                long z = rnd.nextInt(4096) - 2048;
                LinearCombination p = FixedPoint.multiply(b, b.privateInput(y), b.privateInput(z), k, n);
                assertEquals(Math.floorDiv(y * z, 1L << k), b.longValue(p), y + "*" + z);
                long relu = b.longValue(FixedPoint.relu(b, b.privateInput(x), n));
                assertEquals(Math.max(x, 0), relu);
                long rr = b.longValue(FixedPoint.reluFloorDivPow2(b, b.privateInput(x), k, n));
                assertEquals(Math.max(Math.floorDiv(x, 1L << k), 0), rr);
            }
            for (long edge : new long[] {-(1L << (n - 1)), (1L << (n - 1)) - 1, -1, 0, -256, -257, 255, 256}) {
                assertEquals(Math.floorDiv(edge, 1L << k), b.longValue(FixedPoint.floorDivPow2(b, b.privateInput(edge), k, n)));
                SignedBits bits = Bits.signed(b, b.privateInput(edge), n);
                assertEquals(Math.floorMod(edge, 1L << k), b.longValue(bits.remainder(k)));
                assertEquals(edge < 0 ? 1 : 0, b.longValue(bits.negative()));
            }
        });
        CircuitBuilder b = new CircuitBuilder();
        FixedPoint.multiply(b, b.privateInput(3), b.privateInput(4), 4, 16);
        assertEquals(1 + 17, b.constraints());
        Soundness.everyHintIsChecked(c -> FixedPoint.multiply(c, c.privateInput(-77), c.privateInput(91), 4, 16));
        Soundness.everyHintIsChecked(c -> FixedPoint.reluFloorDivPow2(c, c.privateInput(-1000), 3, 12));
        Soundness.everyHintIsChecked(c -> FixedPoint.relu(c, c.privateInput(1000), 12));
    }

    /**
     * The cheat the remainder range check alone would let through: claim remainder 0 for 7 / 4
     * with the quotient (7 - 0) / 4 in the field. The quotient's bits cannot represent it.
     */
    @Test
    void aFieldQuotientIsNotAcceptedAsFloorDivision() {
        CircuitBuilder cheat = new CircuitBuilder();
        BigInteger inverse4 = BigInteger.valueOf(4).modInverse(Fr.MODULUS);
        BigInteger fieldQuotient = BigInteger.valueOf(7 + 8).multiply(inverse4).mod(Fr.MODULUS);
        // x + 2^(n-1) = 15 = bits; claim low bits 00 and high part 15/4 (not an integer)
        cheat.overrideHints((i, v) -> i < 2 ? BigInteger.ZERO : (fieldQuotient.testBit(i - 2) ? BigInteger.ONE : BigInteger.ZERO));
        FixedPoint.floorDivPow2(cheat, cheat.privateInput(7), 2, 4);
        Circuit c = cheat.build();
        assertTrue(c.cs().firstUnsatisfied(c.witness()) >= 0);
    }

    @Test
    void maxAndArgmaxPickTheFirstLargestValue() {
        int n = 10;
        long[][] cases = {{3, -7, 12, 12, 0}, {-5, -5, -5}, {511, -512, 511}, {-512, -1, -2}, {42}};
        for (long[] values : cases) {
            Soundness.build(b -> {
                LinearCombination[] xs = new LinearCombination[values.length];
                int first = 0;
                for (int j = 0; j < values.length; j++) {
                    xs[j] = b.privateInput(values[j]);
                    if (values[j] > values[first]) {
                        first = j;
                    }
                }
                Selection.Argmax am = Selection.argmax(b, xs, n);
                assertEquals(first, b.longValue(am.index()));
                assertEquals(values[first], b.longValue(am.max()));
                for (int j = 1; j < values.length; j++) {
                    assertEquals(Math.max(values[j - 1], values[j]), b.longValue(Selection.max(b, xs[j - 1], xs[j], n)));
                }
            });
            Soundness.everyHintIsChecked(b -> {
                LinearCombination[] xs = new LinearCombination[values.length];
                for (int j = 0; j < values.length; j++) {
                    xs[j] = b.privateInput(values[j]);
                }
                Selection.argmax(b, xs, n);
            });
        }
    }

    /** Claiming a later index of a tied maximum, with all other hints consistent, fails. */
    @Test
    void argmaxRejectsALaterTiedIndex() {
        long[] values = {5, 9, 9};
        CircuitBuilder honest = new CircuitBuilder();
        LinearCombination[] hx = new LinearCombination[3];
        for (int j = 0; j < 3; j++) {
            hx[j] = honest.privateInput(values[j]);
        }
        Selection.argmax(honest, hx, 8);
        int selectors = 3;
        CircuitBuilder cheat = new CircuitBuilder();
        // select index 2 instead of 1, and give the range checks the bits that make them add up
        cheat.overrideHints((i, v) -> i < selectors ? (i == 2 ? BigInteger.ONE : BigInteger.ZERO) : v);
        LinearCombination[] xs = new LinearCombination[3];
        for (int j = 0; j < 3; j++) {
            xs[j] = cheat.privateInput(values[j]);
        }
        Selection.Argmax am = Selection.argmax(cheat, xs, 8);
        assertEquals(2, cheat.longValue(am.index()));
        Circuit c = cheat.build();
        assertTrue(c.cs().firstUnsatisfied(c.witness()) >= 0);
    }

    @Test
    void dotProductAndSquaredDistance() {
        long[] x = {3, -4, 5, 0, 7};
        long[] y = {-2, 6, 1, 9, -7};
        long dot = 0;
        long dist = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            dist += (x[i] - y[i]) * (x[i] - y[i]);
        }
        long expectedDot = dot;
        Circuit c = Soundness.build(b -> {
            LinearCombination[] px = new LinearCombination[x.length];
            LinearCombination[] py = new LinearCombination[y.length];
            for (int i = 0; i < x.length; i++) {
                px[i] = b.privateInput(x[i]);
                py[i] = b.privateInput(y[i]);
            }
            assertEquals(expectedDot, b.longValue(Vectors.dot(b, px, py)));
            assertEquals(x.length, b.constraints(), "one product per pair");
            assertEquals(expectedDot, b.longValue(Vectors.dot(px, y)));
            assertEquals(x.length, b.constraints(), "fixed weights are free");
            b.publicOutput(Vectors.squaredDistance(b, px, py));
            assertEquals(2 * x.length + 1, b.constraints(), "one square per coordinate, one output");
        });
        assertEquals(BigInteger.valueOf(dist), c.publicSignals().get(0));
        // a changed product or output wire breaks its constraint
        for (int w = 1; w < c.cs().nWires(); w++) {
            if (w > c.cs().nPublic() && w <= c.cs().nPublic() + c.cs().nPrvIn()) {
                continue; // inputs are the prover's to choose
            }
            assertTrue(c.cs().firstUnsatisfied(c.witnessWith(w, c.witness().get(w).add(BigInteger.ONE))) >= 0);
        }
        assertThrows(IllegalArgumentException.class,
                () -> Vectors.dot(new CircuitBuilder(), new LinearCombination[1], new LinearCombination[2]));
    }
}
