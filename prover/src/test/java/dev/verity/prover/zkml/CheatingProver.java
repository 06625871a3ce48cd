package dev.verity.prover.zkml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.field.Fr;
import dev.verity.prover.r1cs.Circuit;
import dev.verity.prover.r1cs.HintOverride;
import java.math.BigInteger;

/**
 * A cheating prover for circuit tests: it changes one hint at a time (a bit flipped, any other
 * value plus one) and the circuit must catch every change, or prove other public signals than
 * the honest ones (a changed input bit or weight bit is another statement, not a false one).
 */
final class CheatingProver {
    /** Builds a circuit with the given hint override (null: the honest circuit). */
    interface Build {
        Circuit build(HintOverride override);
    }

    private CheatingProver() {
    }

    /**
     * Changes every hint numbered {@code first} and above, in turn; returns how many it changed.
     * Fails on a change that leaves a satisfied witness with the honest public signals.
     */
    static int assertEveryHintChecked(Build build, int first) {
        Circuit reference = build.build(null);
        assertEquals(-1, reference.cs().firstUnsatisfied(reference.witness()), "the honest witness");
        int checked = 0;
        for (int target = first; ; target++) {
            int t = target;
            boolean[] used = new boolean[1];
            Circuit c = build.build((k, v) -> {
                if (k != t) {
                    return v;
                }
                used[0] = true;
                return v.signum() == 0 ? BigInteger.ONE : v.equals(BigInteger.ONE) ? BigInteger.ZERO
                        : v.add(BigInteger.ONE).mod(Fr.MODULUS);
            });
            if (!used[0]) {
                return checked;
            }
            assertEquals(reference.cs().nConstraints(), c.cs().nConstraints());
            assertTrue(c.cs().firstUnsatisfied(c.witness()) >= 0
                    || !c.publicSignals().equals(reference.publicSignals()), "changed hint " + t + " accepted");
            checked++;
        }
    }
}
