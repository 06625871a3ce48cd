package dev.verity.prover.gadgets;

import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;

/**
 * Signed fixed-point arithmetic on integers scaled by {@code 2^k}: rescaling is floor division by
 * {@code 2^k}, proven by decomposing the value into a k-bit remainder and a range-checked
 * quotient (checking the remainder alone would not do: for any remainder some field element
 * passes as the quotient).
 */
public final class FixedPoint {
    private FixedPoint() {
    }

    /**
     * {@code floor(x / 2^k)} for a signed n-bit x ({@code -2^(n-1) <= x < 2^(n-1)}),
     * {@code 0 <= k < n}: n + 1 constraints.
     */
    public static LinearCombination floorDivPow2(CircuitBuilder b, LinearCombination x, int k, int n) {
        return Bits.signed(b, x, n).floorDiv(k);
    }

    /**
     * {@code floor(x * y / 2^k)} where the product is a signed n-bit value: one constraint for the
     * product (none when one side is constant) and n + 1 for the rescale.
     */
    public static LinearCombination multiply(CircuitBuilder b, LinearCombination x, LinearCombination y, int k,
            int n) {
        return floorDivPow2(b, b.mul(x, y), k, n);
    }

    /** {@code max(x, 0)} for a signed n-bit x: n + 2 constraints. */
    public static LinearCombination relu(CircuitBuilder b, LinearCombination x, int n) {
        return b.mul(x, Bits.signed(b, x, n).nonNegative());
    }

    /**
     * {@code max(floor(x / 2^k), 0)} for a signed n-bit x: n + 2 constraints, the rescale and the
     * sign sharing one decomposition (the quotient's sign is x's).
     */
    public static LinearCombination reluFloorDivPow2(CircuitBuilder b, LinearCombination x, int k, int n) {
        SignedBits bits = Bits.signed(b, x, n);
        return b.mul(bits.floorDiv(k), bits.nonNegative());
    }
}
