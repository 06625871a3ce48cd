package dev.verity.prover.field;

/**
 * Montgomery products of {@link #BLOCK} field elements at a time, {@code r_i = a_i · b_i}, each
 * element four limbs in the layout of {@link MontgomeryField}, consecutive or at a stride. The
 * scalar counterpart of {@link FieldLanes}: batch code written in blocks runs on either.
 */
public final class BlockMultiplier {
    /** Elements per block. */
    public static final int BLOCK = 8;

    private final MontgomeryField field;

    public BlockMultiplier(MontgomeryField field) {
        this.field = field;
    }

    /** r_i = a_i · b_i for the BLOCK consecutive elements at {@code ao}, {@code bo}, {@code ro} (may alias). */
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        mul(a, ao, b, bo, r, ro, MontgomeryField.LIMBS);
    }

    /** As {@link #mul(long[], int, long[], int, long[], int)} with element i at offset + i · stride (in longs). */
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro, int stride) {
        for (int i = 0; i < BLOCK * stride; i += stride) {
            field.mul(a, ao + i, b, bo + i, r, ro + i);
        }
    }
}
