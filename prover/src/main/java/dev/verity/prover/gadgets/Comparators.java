package dev.verity.prover.gadgets;

import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;

/**
 * Comparisons of signed n-bit values, {@code -2^(n-1) <= x, y < 2^(n-1)}, for n up to
 * {@code Bits.MAX_BITS - 1}. The difference {@code x - y} is a signed (n+1)-bit value, whose sign
 * bit answers the comparison: n + 2 constraints. Inputs outside the stated range make the witness
 * unsatisfiable rather than the answer wrong whenever their difference leaves the (n+1)-bit range.
 */
public final class Comparators {
    private Comparators() {
    }

    /** 1 if {@code x < y}, else 0. */
    public static LinearCombination lessThan(CircuitBuilder b, LinearCombination x, LinearCombination y, int n) {
        return Bits.signed(b, x.sub(y), checked(n) + 1).negative();
    }

    /** 1 if {@code x <= y}, else 0. */
    public static LinearCombination lessOrEqual(CircuitBuilder b, LinearCombination x, LinearCombination y, int n) {
        return Bits.signed(b, y.sub(x), checked(n) + 1).nonNegative();
    }

    /** 1 if {@code x >= 0}, else 0 (n + 1 constraints). */
    public static LinearCombination isNonNegative(CircuitBuilder b, LinearCombination x, int n) {
        return Bits.signed(b, x, checked(n)).nonNegative();
    }

    /** Constrains {@code x <= y} (n + 2 constraints, no output wire). */
    public static void assertLessOrEqual(CircuitBuilder b, LinearCombination x, LinearCombination y, int n) {
        Bits.rangeCheck(b, y.sub(x), checked(n) + 1);
    }

    private static int checked(int n) {
        if (n < 1 || n >= Bits.MAX_BITS) {
            throw new IllegalArgumentException("value width must be in [1, " + (Bits.MAX_BITS - 1) + "], got " + n);
        }
        return n;
    }
}
