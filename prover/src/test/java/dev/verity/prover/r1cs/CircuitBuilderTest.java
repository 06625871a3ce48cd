package dev.verity.prover.r1cs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBuilderTest {

    @Test
    void wireIndexFollowsTheRenumbering() {
        CircuitBuilder b = new CircuitBuilder();
        LinearCombination x = b.privateInput(3);
        LinearCombination a = b.publicInput(4); // public inputs precede private ones whenever declared
        LinearCombination product = b.mul(a, x);
        LinearCombination out = b.publicOutput(product.add(1));
        Circuit c = b.build();
        assertEquals(1, c.wireIndex(out));
        assertEquals(2, c.wireIndex(a));
        assertEquals(3, c.wireIndex(x));
        assertEquals(4, c.wireIndex(product));
        assertEquals(BigInteger.valueOf(12), c.witness().get(c.wireIndex(product)));
        assertThrows(IllegalArgumentException.class, () -> c.wireIndex(x.times(2)));
    }

    /** out = x^3 + a*x + 5 with a public, x private; outputs come first, as in circom. */
    private static Circuit cubic(CircuitBuilder b, long a, long x) {
        LinearCombination pa = b.publicInput(a);
        LinearCombination px = b.privateInput(x);
        LinearCombination x2 = b.mul(px, px);
        LinearCombination x3 = b.mul(x2, px);
        LinearCombination ax = b.mul(pa, px);
        b.publicOutput(x3.add(ax).add(5));
        return b.build();
    }

    @Test
    void wiresAreInCircomOrderAndTheWitnessSatisfiesTheSystem() {
        Circuit c = cubic(new CircuitBuilder(), 4, 3);
        ConstraintSystem cs = c.cs();
        assertEquals(1, cs.nPubOut());
        assertEquals(1, cs.nPubIn());
        assertEquals(1, cs.nPrvIn());
        assertEquals(4, cs.nConstraints(), "three products and one output");
        assertEquals(7, cs.nWires());
        assertEquals(BigInteger.ONE, c.witness().get(0));
        assertEquals(BigInteger.valueOf(27 + 12 + 5), c.witness().get(1));
        assertEquals(BigInteger.valueOf(4), c.witness().get(2));
        assertEquals(BigInteger.valueOf(3), c.witness().get(3));
        assertEquals(List.of(BigInteger.valueOf(44), BigInteger.valueOf(4)), c.publicSignals());
        assertEquals(-1, cs.firstUnsatisfied(c.witness()));
    }

    @Test
    void anyChangedWireBreaksSomeConstraint() {
        Circuit c = cubic(new CircuitBuilder(), 4, 3);
        for (int wire = 1; wire < c.cs().nWires(); wire++) {
            Witness changed = c.witnessWith(wire, c.witness().get(wire).add(BigInteger.ONE));
            assertTrue(c.cs().firstUnsatisfied(changed) >= 0, "wire " + wire);
        }
    }

    @Test
    void linearWorkAndConstantProductsAreFree() {
        CircuitBuilder b = new CircuitBuilder();
        LinearCombination x = b.privateInput(6);
        LinearCombination y = b.mul(x.times(3).add(1), LinearCombination.constant(7)).sub(x);
        assertEquals(0, b.constraints());
        assertEquals(BigInteger.valueOf(7 * 19 - 6), b.value(y));
        LinearCombination internal = b.mul(x, x);
        assertEquals(1, b.constraints());
        b.publicOutput(internal);
        assertEquals(1, b.constraints(), "an internal wire becomes the output itself");
        b.publicOutput(internal);
        assertEquals(2, b.constraints(), "the same wire output twice needs a copy");
        b.publicOutput(x);
        assertEquals(3, b.constraints(), "an input made an output needs a copy");
        Circuit c = b.build();
        assertEquals(List.of(BigInteger.valueOf(36), BigInteger.valueOf(36), BigInteger.valueOf(6)),
                c.publicSignals());
        assertTrue(c.cs().isSatisfiedBy(c.witness()));
    }

    @Test
    void hintOverridePlaysACheatingProver() {
        CircuitBuilder b = new CircuitBuilder();
        LinearCombination x = b.privateInput(10);
        LinearCombination half = b.hint(5);
        b.assertEqual(half.times(2), x);
        Circuit honest = b.build();
        assertTrue(honest.cs().isSatisfiedBy(honest.witness()));

        CircuitBuilder cheat = new CircuitBuilder();
        cheat.overrideHints((i, v) -> v.add(BigInteger.ONE));
        LinearCombination cx = cheat.privateInput(10);
        LinearCombination chalf = cheat.hint(5);
        assertEquals(BigInteger.valueOf(6), cheat.value(chalf));
        cheat.assertEqual(chalf.times(2), cx);
        Circuit bad = cheat.build();
        assertEquals(0, bad.cs().firstUnsatisfied(bad.witness()));
    }

    @Test
    void misuseIsRefused() {
        CircuitBuilder b = new CircuitBuilder();
        assertThrows(IllegalArgumentException.class,
                () -> b.assertEqual(LinearCombination.constant(1), LinearCombination.constant(2)));
        b.build();
        assertThrows(IllegalStateException.class, () -> b.hint(1));
        assertThrows(IllegalStateException.class, b::build);
    }

    /**
     * 2^17 constraints of the kind a quantized network is made of (bits, products, long sums)
     * build with a witness that satisfies them; build time is a benchmark figure
     * ({@code verity bench zkml}), not asserted here.
     */
    @Test
    void aLargeCircuitBuildsWithASatisfyingWitness() {
        CircuitBuilder b = new CircuitBuilder();
        LinearCombination x = b.privateInput(12345);
        LinearCombination acc = LinearCombination.ZERO;
        for (int i = 0; i < (1 << 17) / 2; i++) {
            LinearCombination bit = b.hint(i & 1);
            b.assertBoolean(bit);
            acc = b.mul(acc.add(bit).add(x), x.add(i)); // a product of two non-constant combinations
        }
        Circuit c = b.build();
        assertEquals(1 << 17, c.cs().nConstraints());
        assertTrue(c.cs().isSatisfiedBy(c.witness()));
    }
}
