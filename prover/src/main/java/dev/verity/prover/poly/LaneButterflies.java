package dev.verity.prover.poly;

import dev.verity.prover.field.FieldLanes;
import dev.verity.prover.field.Fr;

/**
 * {@link FrButterflies#run}, {@link FrButterflies#runInverse} and {@link FrButterflies#multiply},
 * eight at a time in the SIMD lanes of {@link FieldLanes} over Fr: the elements, and the twiddles
 * of a strided table, enter the lanes, take one lane product and a lane sum and difference, and
 * leave canonical, which is inside both kernels' output ranges. A run's last count mod 8
 * butterflies go to {@link FrButterflies}. Levels whose butterflies pair elements inside one lane
 * block (half-width 2 and 4) run as {@link #runNarrow}.
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

    /** Fr's 1 and -1 in Montgomery form: factors of butterflies 0 that the twiddle tables do not hold. */
    private static final long[] ONE = Fr.FIELD.one();
    private static final long[] MINUS_ONE = minusOne();

    private final FieldLanes lanes = new FieldLanes(Fr.FIELD);
    private final long[] s = new long[5 * SIZE];
    /** Twiddles of one lane block staged in four-limb form, where some are not in the table. */
    private final long[] stagedTwiddles = new long[BLOCK * LIMBS];
    /** Per narrow half-width h (index log2 h): the offsets of x and y in a group of 16 elements. */
    private final int[][] narrowX = new int[3][], narrowY = new int[3][];

    private LaneButterflies() {
        for (int log2Half = 1; log2Half <= 2; log2Half++) {
            int half = 1 << log2Half;
            narrowX[log2Half] = new int[BLOCK];
            narrowY[log2Half] = new int[BLOCK];
            for (int l = 0; l < BLOCK; l++) {
                int x = (l / half) * 2 * half + l % half;  // butterfly l % half of block l / half
                narrowX[log2Half][l] = LIMBS * x;
                narrowY[log2Half][l] = LIMBS * (x + half);
            }
        }
    }

    private static long[] minusOne() {
        long[] r = new long[LIMBS];
        Fr.FIELD.neg(ONE, 0, r, 0);
        return r;
    }

    static LaneButterflies get() {
        return PER_THREAD.get();
    }

    /** As {@link FrButterflies#run}: (x, y) := (x + w y, x - w y), [0, 4r) in, canonical out. */
    void run(long[] a, int x, int y, int count, long[] w, int wOffset, int wStride) {
        int whole = butterflies(false, a, x, y, count, w, wOffset, wStride, false);
        if (whole < count) {
            FrButterflies.run(a, x + whole, y + whole, count - whole, w, wOffset + whole * wStride, wStride);
        }
    }

    /**
     * As {@link FrButterflies#runInverse}: (x, y) := (x + y, (y - x) w), [0, 2r) in, canonical out.
     * With {@code firstIsMinusOne} the factor of butterfly 0 is -1 and is not read from {@code w}
     * (the inverse transform's w^h, which its twiddle tables do not hold).
     */
    void runInverse(long[] a, int x, int y, int count, long[] w, int wOffset, int wStride, boolean firstIsMinusOne) {
        int rest = butterflies(true, a, x, y, count, w, wOffset, wStride, firstIsMinusOne);
        if (rest == 0 && firstIsMinusOne && count > 0) {
            FrButterflies.runInverseUnit(a, x, y, 1);
            rest = 1;
        }
        if (rest < count) {
            FrButterflies.runInverse(a, x + rest, y + rest, count - rest, w, wOffset + rest * wStride, wStride);
        }
    }

    /** The whole lane blocks of {@link #run} or {@link #runInverse}; returns how many butterflies they took. */
    private int butterflies(boolean inverse, long[] a, int x, int y, int count, long[] w, int wOffset, int wStride,
            boolean firstIsMinusOne) {
        FieldLanes l = lanes;
        long[] s = this.s;
        int whole = count - count % BLOCK;
        for (int j = 0; j < whole; j += BLOCK) {
            int xo = LIMBS * (x + j), yo = LIMBS * (y + j);
            l.load(a, xo, LIMBS, s, X, false);
            l.load(a, yo, LIMBS, s, Y, false);
            if (j == 0 && firstIsMinusOne) {
                long[] t = stagedTwiddles;
                System.arraycopy(MINUS_ONE, 0, t, 0, LIMBS);
                for (int lane = 1; lane < BLOCK; lane++) {
                    System.arraycopy(w, wOffset + lane * wStride, t, LIMBS * lane, LIMBS);
                }
                l.load(t, 0, LIMBS, s, W, true);
            } else {
                l.load(w, wOffset + j * wStride, wStride, s, W, true);
            }
            butterfly(inverse);
            l.store(s, X, a, xo, LIMBS);
            l.store(s, Y, a, yo, LIMBS);
        }
        return whole;
    }

    /**
     * The butterflies on the lane blocks X and Y with the factors at W (held as 32 w): Cooley-Tukey
     * (x in [0, 4r) is first brought below 2r by a sum with zero) or Gentleman-Sande.
     */
    private void butterfly(boolean inverse) {
        FieldLanes l = lanes;
        long[] s = this.s;
        if (inverse) {
            l.sub(s, Y, X, T);
            l.add(s, X, Y, X);
            l.mul(s, W, T, Y);
        } else {
            l.add(s, X, ZERO, X);
            l.mul(s, W, Y, T);
            l.sub(s, X, T, Y);
            l.add(s, X, T, X);
        }
    }

    /**
     * A whole level of half-width h = 2^log2Half, h = 2 or 4, on the elements [from, to) (a multiple
     * of 16): butterflies that pair elements inside one lane block, so the lanes hold 8 / h blocks
     * side by side, gathered and scattered by offset. The level's h twiddles enter the lanes once.
     * The level's powers w^k of the root w of order 2h are at {@code w[wOffset + k wStride]}, k &lt; h.
     * Cooley-Tukey as {@link #run} with twiddle w^j for butterfly j, or, if {@code inverse},
     * Gentleman-Sande as {@link #runInverse} with factor w^(h - j), which is -1 for j = 0 (the
     * x - y of {@link FrButterflies#runInverseUnit}).
     */
    void runNarrow(long[] a, int from, int to, int log2Half, long[] w, int wOffset, int wStride, boolean inverse) {
        FieldLanes l = lanes;
        long[] s = this.s;
        int half = 1 << log2Half;
        long[] t = stagedTwiddles;
        for (int lane = 0; lane < BLOCK; lane++) {
            int j = lane % half;
            if (j == 0) {
                System.arraycopy(inverse ? MINUS_ONE : ONE, 0, t, LIMBS * lane, LIMBS);
            } else {
                System.arraycopy(w, wOffset + (inverse ? half - j : j) * wStride, t, LIMBS * lane, LIMBS);
            }
        }
        l.load(t, 0, LIMBS, s, W, true);
        int[] xAt = narrowX[log2Half], yAt = narrowY[log2Half];
        for (int g = from; g < to; g += 2 * BLOCK) {
            int shift = LIMBS * g;
            l.gather(a, xAt, 0, BLOCK, shift, s, X, false);
            l.gather(a, yAt, 0, BLOCK, shift, s, Y, false);
            butterfly(inverse);
            l.scatter(s, X, a, xAt, 0, BLOCK, shift);
            l.scatter(s, Y, a, yAt, 0, BLOCK, shift);
        }
    }

    /**
     * As {@link FrButterflies#multiply}: a_i := a_i f_(i - from) for from &lt;= i &lt; to, factors at
     * {@code f[fOffset + j fStride]} (stride 0: one factor for all), below 4r in, canonical out.
     */
    void multiply(long[] a, int from, int to, long[] f, int fOffset, int fStride) {
        FieldLanes l = lanes;
        long[] s = this.s;
        int whole = (to - from) - (to - from) % BLOCK;
        for (int j = 0; j < whole; j += BLOCK) {
            int ao = LIMBS * (from + j);
            l.load(f, fOffset + j * fStride, fStride, s, W, true);
            l.load(a, ao, LIMBS, s, X, false);
            l.mul(s, W, X, X);
            l.store(s, X, a, ao, LIMBS);
        }
        if (from + whole < to) {
            FrButterflies.multiply(a, from + whole, to, f, fOffset + whole * fStride, fStride);
        }
    }
}
