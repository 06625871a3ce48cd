package dev.verity.prover.r1cs;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;

/**
 * Conversions between small signed integers and Fr elements: a negative integer {@code -v} is the
 * field element {@code r - v}, as circuits over fixed-point numbers use them.
 */
public final class FieldValues {
    private static final int L = MontgomeryField.LIMBS;
    private static final MontgomeryField F = Fr.FIELD;
    private static final BigInteger HALF_R = Fr.MODULUS.shiftRight(1);

    private FieldValues() {
    }

    /** Writes {@code value mod r} in Montgomery form to {@code r[ro..]}. */
    public static void fromLong(long value, long[] r, int ro) {
        // -Long.MIN_VALUE overflows to itself, which read as unsigned is 2^63: still the magnitude
        long magnitude = value < 0 ? -value : value;
        r[ro] = magnitude;
        r[ro + 1] = 0;
        r[ro + 2] = 0;
        r[ro + 3] = 0;
        F.toMontgomery(r, ro, r, ro);
        if (value < 0) {
            F.neg(r, ro, r, ro);
        }
    }

    /**
     * The signed integer a Montgomery element stands for (the representative in
     * {@code (-r/2, r/2)}), when it fits in a long.
     *
     * @throws ArithmeticException if it does not fit
     */
    public static long toLong(long[] a, int ao, long[] scratch) {
        F.fromMontgomery(a, ao, scratch, 0);
        if ((scratch[1] | scratch[2] | scratch[3]) == 0 && scratch[0] >= 0) {
            return scratch[0];
        }
        F.neg(a, ao, scratch, L);
        F.fromMontgomery(scratch, L, scratch, 0);
        if ((scratch[1] | scratch[2] | scratch[3]) == 0 && scratch[0] >= 0) {
            return -scratch[0];
        }
        throw new ArithmeticException("field element " + F.toBigInteger(a, ao) + " is not a 64-bit signed integer");
    }

    /** The signed representative in {@code (-r/2, r/2]} of a value in {@code [0, r)}. */
    public static BigInteger signed(BigInteger canonical) {
        return canonical.compareTo(HALF_R) > 0 ? canonical.subtract(Fr.MODULUS) : canonical;
    }
}
