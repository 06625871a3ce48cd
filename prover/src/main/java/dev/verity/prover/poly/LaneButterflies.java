package dev.verity.prover.poly;

import dev.verity.prover.field.FieldLanes;
import dev.verity.prover.field.Fr;

/**
 * {@link FrButterflies#run} and {@link FrButterflies#runInverse}, eight butterflies at a time in
 * the SIMD lanes of {@link FieldLanes} over Fr: the elements, and the twiddles of a strided table,
 * enter the lanes, take one lane product and a lane sum and difference, and leave canonical, which
 * is inside both kernels' output ranges. A run's last count mod 8 butterflies go to
 * {@link FrButterflies}.
 *
 * <p>Ranges, as {@link FieldLanes} needs them (lane values below 2r; a product's first factor 32w
 * with w canonical; its second factor may be anything below 4r, the product is then below
 * 128r^2/2^261 + r &lt; 2r):
 * <ul>
 *   <li>Cooley-Tukey takes x and y in [0, 4r): y only feeds the product w y; x is first brought
 *       below 2r by a lane sum with zero (which subtracts 2r where it can);</li>
 *   <li>Gentleman-Sande takes x and y in [0, 2r): y - x and x + y are lane operations, and the
 *       difference feeds the product.</li>
 * </ul>
 * Only for JVMs with the Vector API ({@link dev.verity.prover.field.Simd#available}); one
 * instance per thread ({@link #get}).
 */
final class LaneButterflies {
    private static final int BLOCK = FieldLanes.BLOCK, SIZE = FieldLanes.SIZE, LIMBS = 4;
    /** Lane blocks: x, y, the twiddles, a temporary, and zero (never written). */
    private static final int X = 0, Y = SIZE, W = 2 * SIZE, T = 3 * SIZE, ZERO = 4 * SIZE;
    private static final ThreadLocal<LaneButterflies> PER_THREAD = ThreadLocal.withInitial(LaneButterflies::new);

    private final FieldLanes lanes = new FieldLanes(Fr.FIELD);
    private final long[] s = new long[5 * SIZE];

    private LaneButterflies() {
    }

    static LaneButterflies get() {
        return PER_THREAD.get();
    }

    /** As {@link FrButterflies#run}: (x, y) := (x + w y, x - w y), [0, 4r) in, canonical out. */
    void run(long[] a, int x, int y, int count, long[] w, int wOffset, int wStride) {
        FieldLanes l = lanes;
        long[] s = this.s;
        int whole = count - count % BLOCK;
        for (int j = 0; j < whole; j += BLOCK) {
            int xo = LIMBS * (x + j), yo = LIMBS * (y + j);
            l.load(a, xo, LIMBS, s, X, false);
            l.load(a, yo, LIMBS, s, Y, false);
            l.load(w, wOffset + j * wStride, wStride, s, W, true);
            l.add(s, X, ZERO, X);
            l.mul(s, W, Y, T);
            l.sub(s, X, T, Y);
            l.add(s, X, T, X);
            l.store(s, X, a, xo, LIMBS);
            l.store(s, Y, a, yo, LIMBS);
        }
        if (whole < count) {
            FrButterflies.run(a, x + whole, y + whole, count - whole, w, wOffset + whole * wStride, wStride);
        }
    }

    /** As {@link FrButterflies#runInverse}: (x, y) := (x + y, (y - x) w), [0, 2r) in, canonical out. */
    void runInverse(long[] a, int x, int y, int count, long[] w, int wOffset, int wStride) {
        FieldLanes l = lanes;
        long[] s = this.s;
        int whole = count - count % BLOCK;
        for (int j = 0; j < whole; j += BLOCK) {
            int xo = LIMBS * (x + j), yo = LIMBS * (y + j);
            l.load(a, xo, LIMBS, s, X, false);
            l.load(a, yo, LIMBS, s, Y, false);
            l.load(w, wOffset + j * wStride, wStride, s, W, true);
            l.sub(s, Y, X, T);
            l.add(s, X, Y, X);
            l.mul(s, W, T, Y);
            l.store(s, X, a, xo, LIMBS);
            l.store(s, Y, a, yo, LIMBS);
        }
        if (whole < count) {
            FrButterflies.runInverse(a, x + whole, y + whole, count - whole, w, wOffset + whole * wStride, wStride);
        }
    }
}
