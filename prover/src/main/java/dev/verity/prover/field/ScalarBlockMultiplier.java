package dev.verity.prover.field;

/** {@link BlockMultiplier} one element after another: the fallback without the Vector API. */
final class ScalarBlockMultiplier implements BlockMultiplier {
    private final MontgomeryField field;

    ScalarBlockMultiplier(MontgomeryField field) {
        this.field = field;
    }

    @Override
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        mul(a, ao, b, bo, r, ro, MontgomeryField.LIMBS);
    }

    @Override
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro, int stride) {
        for (int i = 0; i < BLOCK * stride; i += stride) {
            field.mul(a, ao + i, b, bo + i, r, ro + i);
        }
    }

    @Override
    public boolean vectorized() {
        return false;
    }
}
