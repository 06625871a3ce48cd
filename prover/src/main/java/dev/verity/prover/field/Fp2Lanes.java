package dev.verity.prover.field;

/**
 * Fp2 arithmetic on {@link FieldLanes} blocks: an Fp2 lane block is two lane blocks (c0, then c1,
 * {@link #SIZE} longs in all) of the caller's array. Products use Karatsuba (three lane products)
 * and squares the complex method (two); their scratch is {@link #SCRATCH} longs of the same array
 * at an offset the caller reserves. Results stay in [0, 2q) per component, like FieldLanes'.
 * Values are in FieldLanes' Montgomery form (x·2^256, first factors made 32 times larger before
 * each product), or, for an instance made {@code wide}, all kept as x·2^261, which needs no such
 * step: see {@code curve.LaneScalarMul}. Not thread-safe.
 */
public final class Fp2Lanes {
    private static final int F = FieldLanes.SIZE, E = MontgomeryField.LIMBS;
    /** Longs per Fp2 lane block. */
    public static final int SIZE = 2 * F;
    /** Longs of scratch that products and squares need. */
    public static final int SCRATCH = 6 * F;

    private final FieldLanes lanes = new FieldLanes(Fp.FIELD);
    private final int t0, t1, t2, t3, t4, t5;
    /** Whether values are held as x·2^261, so that products take their first factor as it is. */
    private final boolean wide;

    /** @param scratch offset of {@link #SCRATCH} longs, in every array passed to this instance, it may use */
    public Fp2Lanes(int scratch) {
        this(scratch, false);
    }

    /**
     * @param scratch offset of {@link #SCRATCH} longs, in every array passed to this instance, it may use
     * @param wide    whether values are held as x·2^261 instead of x·2^256
     */
    public Fp2Lanes(int scratch, boolean wide) {
        this.wide = wide;
        t0 = scratch;
        t1 = scratch + F;
        t2 = scratch + 2 * F;
        t3 = scratch + 3 * F;
        t4 = scratch + 4 * F;
        t5 = scratch + 5 * F;
    }

    /** The BLOCK Fp2 elements at x[xo + l · stride] into the Fp2 lane block at s[at]. */
    public void load(long[] x, int xo, int stride, long[] s, int at) {
        lanes.load(x, xo, stride, s, at, false);
        lanes.load(x, xo + E, stride, s, at + F, false);
    }

    /** As {@link FieldLanes#gather}, for Fp2 elements (c0 at the offset, c1 after it). */
    public void gather(long[] x, int[] offsets, int first, int count, int shift, long[] s, int at) {
        lanes.gather(x, offsets, first, count, shift, s, at, false);
        lanes.gather(x, offsets, first, count, shift + E, s, at + F, false);
    }

    /** As {@link FieldLanes#scatter}, for Fp2 elements. */
    public void scatter(long[] s, int at, long[] x, int[] offsets, int first, int count, int shift) {
        lanes.scatter(s, at, x, offsets, first, count, shift);
        lanes.scatter(s, at + F, x, offsets, first, count, shift + E);
    }

    /** The Fp2 lane block at s[at], canonical, to x[xo + l · stride]. */
    public void store(long[] s, int at, long[] x, int xo, int stride) {
        lanes.store(s, at, x, xo, stride);
        lanes.store(s, at + F, x, xo + E, stride);
    }

    /** As {@link FieldLanes#select}, for Fp2 lane blocks. */
    public void select(long[] s, int a, int b, int r, int laneBits) {
        lanes.select(s, a, b, r, laneBits);
        lanes.select(s, a + F, b + F, r + F, laneBits);
    }

    /** As {@link FieldLanes#zeroLanes}: the lanes where both components are 0 mod q. */
    public int zeroLanes(long[] s, int at) {
        return lanes.zeroLanes(s, at) & lanes.zeroLanes(s, at + F);
    }

    /** s[r] = s[a] · s[b] (r may be a or b). */
    public void mul(long[] s, int a, int b, int r) {
        FieldLanes l = lanes;
        factorSum(s, a, a + F, t4);
        factorSum(s, b, b + F, t5);
        l.mul(s, firstFactor(s, t4, t4), t5, t2);      // (a0 + a1)(b0 + b1)
        l.mul(s, firstFactor(s, a, t3), b, t0);        // a0 b0
        l.mul(s, firstFactor(s, a + F, t3), b + F, t1); // a1 b1
        l.sub(s, t0, t1, r);                          // a0 b0 - a1 b1
        l.sub(s, t2, t0, t2);
        l.sub(s, t2, t1, r + F);                      // a0 b1 + a1 b0
    }

    /** s[r] = s[a]^2: (a0 + a1)(a0 - a1) and 2 a0 a1. */
    public void sqr(long[] s, int a, int r) {
        FieldLanes l = lanes;
        factorSum(s, a, a + F, t0);
        l.sub(s, a, a + F, t1);
        l.mul(s, firstFactor(s, a, t2), a + F, t2);    // a0 a1
        l.mul(s, firstFactor(s, t0, t0), t1, r);
        l.add(s, t2, t2, r + F);
    }

    /** s[r] = s[a] + s[b], a sum that is only a factor of a product: loose for wide values. */
    private void factorSum(long[] s, int a, int b, int r) {
        if (wide) {
            lanes.addLoose(s, a, b, r);
        } else {
            lanes.add(s, a, b, r);
        }
    }

    /** Where the first factor of a product is: x itself for wide values, else 32·x at {@code scratch}. */
    private int firstFactor(long[] s, int x, int scratch) {
        if (wide) {
            return x;
        }
        lanes.times32(s, x, scratch);
        return scratch;
    }

    public void add(long[] s, int a, int b, int r) {
        lanes.add(s, a, b, r);
        lanes.add(s, a + F, b + F, r + F);
    }

    public void sub(long[] s, int a, int b, int r) {
        lanes.sub(s, a, b, r);
        lanes.sub(s, a + F, b + F, r + F);
    }
}
