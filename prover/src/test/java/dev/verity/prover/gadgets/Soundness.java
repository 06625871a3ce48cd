package dev.verity.prover.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.r1cs.Circuit;
import dev.verity.prover.r1cs.CircuitBuilder;
import java.math.BigInteger;
import java.util.function.Consumer;

/** Helpers that build a gadget circuit honestly and then as a cheating prover. */
final class Soundness {
    private Soundness() {
    }

    static Circuit build(Consumer<CircuitBuilder> body) {
        CircuitBuilder b = new CircuitBuilder();
        body.accept(b);
        Circuit c = b.build();
        assertEquals(-1, c.cs().firstUnsatisfied(c.witness()), "the honest witness must satisfy the circuit");
        return c;
    }

    /** A wrong value for a hint: a bit flipped, anything else plus one. */
    static BigInteger wrong(BigInteger honest) {
        if (honest.signum() == 0) {
            return BigInteger.ONE;
        }
        if (honest.equals(BigInteger.ONE)) {
            return BigInteger.ZERO;
        }
        return honest.add(BigInteger.ONE).mod(Fr.MODULUS);
    }

    /**
     * Builds {@code body} honestly, then once per hint with that one hint changed (and everything
     * after it computed from the changed value): every such witness must violate a constraint,
     * and the constraint system must not change shape.
     *
     * @return the number of hints checked
     */
    static int everyHintIsChecked(Consumer<CircuitBuilder> body) {
        CircuitBuilder honest = new CircuitBuilder();
        body.accept(honest);
        int hints = honest.hintCount();
        Circuit reference = honest.build();
        assertEquals(-1, reference.cs().firstUnsatisfied(reference.witness()), "honest witness");
        assertTrue(hints > 0, "the gadget uses no hint");
        for (int i = 0; i < hints; i++) {
            int target = i;
            CircuitBuilder cheat = new CircuitBuilder();
            cheat.overrideHints((k, v) -> k == target ? wrong(v) : v);
            body.accept(cheat);
            Circuit c = cheat.build();
            assertEquals(reference.cs().nConstraints(), c.cs().nConstraints(), "shape must not depend on values");
            assertTrue(c.cs().firstUnsatisfied(c.witness()) >= 0, "changed hint " + i + " was accepted");
        }
        return hints;
    }
}
