package dev.verity.prover.r1cs;

import java.math.BigInteger;

/**
 * Replaces hint values as a {@link CircuitBuilder} creates them, to play a cheating prover in
 * tests: everything the builder computes afterwards follows from the replaced value, so only the
 * constraints stand between the changed hint and an accepted witness.
 */
@FunctionalInterface
public interface HintOverride {
    /**
     * The value to use for hint number {@code index} (counted from 0 over the builder's life, see
     * {@link CircuitBuilder#hintCount()}) instead of the {@code honest} one, in {@code [0, r)}.
     */
    BigInteger replace(int index, BigInteger honest);
}
