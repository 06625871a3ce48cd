package dev.verity.prover.gadgets;

import dev.verity.prover.r1cs.LinearCombination;
import java.math.BigInteger;

/**
 * The constrained bits of {@code x + 2^(n-1)} for a signed n-bit value x (see
 * {@link Bits#signed}); everything derived from them here is a free linear combination.
 */
public final class SignedBits {
    private final LinearCombination[] bits;

    SignedBits(LinearCombination[] bits) {
        this.bits = bits;
    }

    /** 1 when {@code x >= 0}, else 0: the top bit of {@code x + 2^(n-1)}. */
    public LinearCombination nonNegative() {
        return bits[bits.length - 1];
    }

    /** 1 when {@code x < 0}, else 0. */
    public LinearCombination negative() {
        return LinearCombination.constant(1).sub(nonNegative());
    }

    /** {@code x mod 2^k}, in {@code [0, 2^k)}, for {@code 0 <= k < n}. */
    public LinearCombination remainder(int k) {
        checkShift(k);
        return Bits.weighted(bits, 0, k);
    }

    /**
     * {@code floor(x / 2^k)} for {@code 0 <= k < n}, a signed {@code (n-k)}-bit value: the bits
     * above k, less the offset {@code 2^(n-1-k)}.
     */
    public LinearCombination floorDiv(int k) {
        checkShift(k);
        return Bits.weighted(bits, k, bits.length).sub(LinearCombination.constant(BigInteger.ONE.shiftLeft(
                bits.length - 1 - k)));
    }

    private void checkShift(int k) {
        if (k < 0 || k >= bits.length) {
            throw new IllegalArgumentException("shift " + k + " outside [0, " + bits.length + ")");
        }
    }
}
