package dev.verity.prover.field;

/**
 * {@link BlockMultiplier} in SIMD lanes ({@link FieldLanes}): each block goes into lanes, is
 * multiplied there and comes back, so that callers keep their four-limb layout.
 */
final class VectorBlockMultiplier implements BlockMultiplier {
    private static final int A = 0, B = FieldLanes.SIZE, R = 2 * FieldLanes.SIZE;

    private final FieldLanes lanes;
    private final long[] s = new long[3 * FieldLanes.SIZE];

    VectorBlockMultiplier(MontgomeryField field) {
        this.lanes = new FieldLanes(field);
    }

    static boolean supported() {
        return FieldLanes.supported();
    }

    @Override
    public boolean vectorized() {
        return true;
    }

    @Override
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        mul(a, ao, b, bo, r, ro, MontgomeryField.LIMBS);
    }

    @Override
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro, int stride) {
        lanes.load(a, ao, stride, s, A, true);
        lanes.load(b, bo, stride, s, B, false);
        lanes.mul(s, A, B, R);
        lanes.store(s, R, r, ro, stride);
    }
}
