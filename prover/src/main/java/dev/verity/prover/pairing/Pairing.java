package dev.verity.prover.pairing;

import dev.verity.prover.field.Fp12;
import dev.verity.prover.field.MontgomeryField;

/**
 * The optimal ate pairing on BN254, e: G1 x G2 -> GT in Fp12, with exactly the values of
 * ffjavascript (and so of snarkjs' {@code vk_alphabeta_12}); see {@link FinalExponentiation}.
 *
 * <p>Points use the shared affine layouts in Montgomery form: G1 as 8 limbs (x, y), G2 as 16
 * limbs (x, y in Fp2), the point at infinity as all zeros; arrays of points are flat, point i at
 * 8 i or 16 i. The points must lie on the curve and, for G2, in the order-r subgroup: validation
 * belongs to the curve package and is not repeated here (invalid points give meaningless values,
 * at worst an ArithmeticException from inverting zero). A pair with a point at infinity
 * contributes the factor 1. Results are Fp12 values of 48 limbs. All methods are thread-safe.
 */
public final class Pairing {
    /** Affine G1 point size in limbs. */
    public static final int G1_LIMBS = 2 * MontgomeryField.LIMBS;
    /** Affine G2 point size in limbs. */
    public static final int G2_LIMBS = PreparedG2.AFFINE_LIMBS;

    private Pairing() {
    }

    /** e(P, Q) for one affine G1 point and one affine G2 point. */
    public static long[] pairing(long[] g1Affine, long[] g2Affine) {
        return finalExponentiation(millerLoop(g1Affine, g2Affine, 1));
    }

    /**
     * Whether e(P_0, Q_0) * ... * e(P_{count-1}, Q_{count-1}) == 1 (the EIP-197 pairing check), with
     * one shared Miller loop and a single final exponentiation. True for count == 0.
     */
    public static boolean pairingProductIsOne(long[] g1Points, long[] g2Points, int count) {
        return Fp12.isOne(finalExponentiation(millerLoop(g1Points, g2Points, count)), 0);
    }

    /** As {@link #pairingProductIsOne(long[], long[], int)} with G2 points prepared in advance. */
    public static boolean pairingProductIsOne(long[] g1Points, PreparedG2[] g2Points, int count) {
        return Fp12.isOne(finalExponentiation(millerLoop(g1Points, g2Points, count)), 0);
    }

    /**
     * The product of the Miller loop values f_{6x+2,Q}(P) (with the two Frobenius lines) of the
     * first {@code count} pairs, before the final exponentiation. Products of several Miller loops
     * may be multiplied together and exponentiated once.
     */
    public static long[] millerLoop(long[] g1Points, long[] g2Points, int count) {
        checkCount(count);
        checkLength(g2Points, G2_LIMBS, count, "G2");
        PreparedG2[] prepared = new PreparedG2[count];
        for (int i = 0; i < count; i++) {
            prepared[i] = PreparedG2.of(g2Points, i * G2_LIMBS);
        }
        return millerLoop(g1Points, prepared, count);
    }

    /** As {@link #millerLoop(long[], long[], int)} with G2 points prepared in advance. */
    public static long[] millerLoop(long[] g1Points, PreparedG2[] g2Points, int count) {
        checkCount(count);
        checkLength(g1Points, G1_LIMBS, count, "G1");
        if (g2Points == null || g2Points.length < count) {
            throw new IllegalArgumentException("need " + count + " prepared G2 points, got "
                    + (g2Points == null ? "null" : String.valueOf(g2Points.length)));
        }
        for (int i = 0; i < count; i++) {
            if (g2Points[i] == null) {
                throw new IllegalArgumentException("prepared G2 point " + i + " is null");
            }
        }
        return new MillerLoop().evaluate(g1Points, g2Points, count);
    }

    /**
     * Raises a Miller loop value (48 limbs) to the final exponent; throws ArithmeticException for
     * zero, which no Miller loop over valid points produces.
     */
    public static long[] finalExponentiation(long[] f) {
        if (f == null || f.length != Fp12.LIMBS) {
            throw new IllegalArgumentException("an Fp12 value has " + Fp12.LIMBS + " limbs");
        }
        long[] r = new long[Fp12.LIMBS];
        new FinalExponentiation().apply(f, 0, r, 0);
        return r;
    }

    private static void checkCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("pair count must not be negative: " + count);
        }
    }

    private static void checkLength(long[] points, int limbs, int count, String group) {
        if (points == null || points.length < (long) limbs * count) {
            throw new IllegalArgumentException(group + " points: need " + count + " x " + limbs + " limbs, got "
                    + (points == null ? "null" : points.length + " limbs"));
        }
    }
}
