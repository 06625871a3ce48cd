package dev.verity.prover.ptau;

import dev.verity.prover.field.Fp;
import dev.verity.prover.field.MontgomeryField;

/**
 * The sign convention of ffjavascript/wasmcurves, which picks one of the two y for a given x in
 * compressed points and in random points: an Fp element is negative when its canonical value is
 * above (p - 1) / 2; an Fp2 element takes the sign of c1, or of c0 when c1 is zero.
 */
final class FieldSigns {
    private static final MontgomeryField F = Fp.FIELD;
    private static final long[] HALF_P = MontgomeryField.toLimbs(Fp.MODULUS.shiftRight(1));

    private FieldSigns() {
    }

    /** Whether the Montgomery element at {@code ao} is negative; {@code scratch} needs 4 longs. */
    static boolean isNegative(long[] a, int ao, long[] scratch) {
        F.fromMontgomery(a, ao, scratch, 0);
        for (int i = 3; i >= 0; i--) {
            if (scratch[i] != HALF_P[i]) {
                return Long.compareUnsigned(scratch[i], HALF_P[i]) > 0;
            }
        }
        return false;
    }

    static boolean isNegativeFp2(long[] a, int ao, long[] scratch) {
        return F.isZero(a, ao + 4) ? isNegative(a, ao, scratch) : isNegative(a, ao + 4, scratch);
    }
}
