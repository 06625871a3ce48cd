package dev.verity.prover.gadgets;

import dev.verity.prover.r1cs.CircuitBuilder;
import dev.verity.prover.r1cs.LinearCombination;
import java.math.BigInteger;

/**
 * Bit decomposition and range checks. An n-bit decomposition costs n + 1 constraints: one per
 * bit ({@code b * (b - 1) = 0}) and one tying the weighted sum to the value.
 *
 * <p>n is at most {@value #MAX_BITS}: then {@code 2^n < r}, so the sum of the bits cannot wrap
 * around the field and the decomposition of a value is unique.
 */
public final class Bits {
    public static final int MAX_BITS = 253;

    private Bits() {
    }

    /**
     * The n bits of {@code x}, least significant first, constrained to be bits whose weighted sum
     * is {@code x}; the witness is satisfiable only if {@code 0 <= x < 2^n}.
     */
    public static LinearCombination[] toBits(CircuitBuilder b, LinearCombination x, int n) {
        LinearCombination[] bits = booleans(b, b.value(x), n);
        b.assertEqual(fromBits(bits), x);
        return bits;
    }

    /** Constrains {@code 0 <= x < 2^n} (n + 1 constraints). */
    public static void rangeCheck(CircuitBuilder b, LinearCombination x, int n) {
        toBits(b, x, n);
    }

    /**
     * n new boolean-constrained hints holding the low n bits of {@code value} (n constraints),
     * for gadgets that tie them to other wires themselves.
     */
    public static LinearCombination[] booleans(CircuitBuilder b, BigInteger value, int n) {
        checkWidth(n);
        LinearCombination[] bits = new LinearCombination[n];
        for (int i = 0; i < n; i++) {
            bits[i] = b.hint(value.testBit(i) ? 1 : 0);
            b.assertBoolean(bits[i]);
        }
        return bits;
    }

    /** {@code sum bits[i] * 2^i}; free. */
    public static LinearCombination fromBits(LinearCombination[] bits) {
        return weighted(bits, 0, bits.length);
    }

    /** {@code sum_{i in [from, to)} bits[i] * 2^(i - from)}; free. */
    static LinearCombination weighted(LinearCombination[] bits, int from, int to) {
        LinearCombination.Sum sum = new LinearCombination.Sum();
        for (int i = from; i < to; i++) {
            sum.add(bits[i], BigInteger.ONE.shiftLeft(i - from));
        }
        return sum.build();
    }

    /**
     * Decomposes a signed value {@code -2^(n-1) <= x < 2^(n-1)} (n + 1 constraints), giving its
     * sign, its floor quotients by powers of two and their remainders for free.
     */
    public static SignedBits signed(CircuitBuilder b, LinearCombination x, int n) {
        checkWidth(n);
        BigInteger offset = BigInteger.ONE.shiftLeft(n - 1);
        return new SignedBits(toBits(b, x.add(offset), n));
    }

    static void checkWidth(int n) {
        if (n < 1 || n > MAX_BITS) {
            throw new IllegalArgumentException("bit width must be in [1, " + MAX_BITS + "], got " + n);
        }
    }
}
