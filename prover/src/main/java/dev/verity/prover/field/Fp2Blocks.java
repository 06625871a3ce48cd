package dev.verity.prover.field;

/**
 * Fp2 products of {@link BlockMultiplier#BLOCK} elements at a time (consecutive slots of
 * {@link Fp2#LIMBS} longs): each of the three base-field products of Karatsuba is one block
 * multiplication; the scalar counterpart of {@link Fp2Lanes}. Results equal {@link Fp2#mul} and
 * {@link Fp2#sqr}; the output may alias an input. Owns scratch space: <b>not thread-safe</b>.
 */
public final class Fp2Blocks {
    public static final int BLOCK = BlockMultiplier.BLOCK;
    private static final MontgomeryField F = Fp.FIELD;
    private static final int L = MontgomeryField.LIMBS, E = Fp2.LIMBS;
    /** Scratch: products (c0 slot, c1 slot per element) and sums, both in Fp2 layout. */
    private static final int PRODUCTS = 0, SUMS = BLOCK * E;

    private final BlockMultiplier multiplier = new BlockMultiplier(F);
    private final long[] t = new long[2 * BLOCK * E];

    /** r_i = a_i · b_i for the BLOCK Fp2 elements at {@code ao}, {@code bo}, {@code ro}. */
    public void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
        long[] t = this.t;
        for (int i = 0; i < BLOCK * E; i += E) {
            F.add(a, ao + i, a, ao + i + L, t, SUMS + i);          // a0 + a1
            F.add(b, bo + i, b, bo + i + L, t, SUMS + i + L);      // b0 + b1
        }
        multiplier.mul(a, ao, b, bo, t, PRODUCTS, E);               // a0 b0
        multiplier.mul(a, ao + L, b, bo + L, t, PRODUCTS + L, E);   // a1 b1
        multiplier.mul(t, SUMS, t, SUMS + L, t, SUMS, E);           // (a0 + a1)(b0 + b1)
        for (int i = 0; i < BLOCK * E; i += E) {
            F.sub(t, SUMS + i, t, PRODUCTS + i, t, SUMS + i);
            F.sub(t, SUMS + i, t, PRODUCTS + i + L, r, ro + i + L);  // a0 b1 + a1 b0
            F.sub(t, PRODUCTS + i, t, PRODUCTS + i + L, r, ro + i);  // a0 b0 - a1 b1
        }
    }

    /** r_i = a_i^2: (a0 + a1)(a0 - a1) and 2 a0 a1. */
    public void sqr(long[] a, int ao, long[] r, int ro) {
        long[] t = this.t;
        for (int i = 0; i < BLOCK * E; i += E) {
            F.add(a, ao + i, a, ao + i + L, t, SUMS + i);
            F.sub(a, ao + i, a, ao + i + L, t, SUMS + i + L);
        }
        multiplier.mul(a, ao, a, ao + L, t, PRODUCTS, E);
        multiplier.mul(t, SUMS, t, SUMS + L, t, SUMS, E);
        for (int i = 0; i < BLOCK * E; i += E) {
            F.add(t, PRODUCTS + i, t, PRODUCTS + i, r, ro + i + L);
            MontgomeryField.copy(t, SUMS + i, r, ro + i);
        }
    }
}
