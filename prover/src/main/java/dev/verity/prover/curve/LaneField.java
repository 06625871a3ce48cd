package dev.verity.prover.curve;

import dev.verity.prover.field.FieldLanes;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp2;
import dev.verity.prover.field.Fp2Lanes;
import dev.verity.prover.field.MontgomeryField;

/**
 * The coordinate field of {@link LaneScalarMul}'s curve on lane blocks of one array: Fp on
 * {@link FieldLanes}, Fp2 on {@link Fp2Lanes}, every value held as x·2^261 mod q per component
 * (so every product is a plain Montgomery product of FieldLanes' 29-bit limbs). Not thread-safe.
 */
interface LaneField {
    /** Longs of one element's lane block. */
    int size();

    /** Longs of one element in four-limb form. */
    int limbs();

    /** BLOCK elements at x[xo + l · stride] into the lane block at s[at], as raw integers (no conversion). */
    void load(long[] x, int xo, int stride, long[] s, int at);

    /** The lane block at s[at], canonical, to x[xo + l · stride]. */
    void store(long[] s, int at, long[] x, int xo, int stride);

    void mul(long[] s, int a, int b, int r);

    void sqr(long[] s, int a, int r);

    void add(long[] s, int a, int b, int r);

    void sub(long[] s, int a, int b, int r);

    /**
     * s[r] = s[a] + s[b] for a sum that is only ever a factor of products (never the input of
     * another sum or difference): on Fp a loose sum ({@link FieldLanes#addLoose}), on Fp2 a plain
     * one (an Fp2 product adds the components of its factors).
     */
    void addForProduct(long[] s, int a, int b, int r);

    /** s[r] = s[a] times the Fp lane block at s[fp], component by component. */
    void scale(long[] s, int a, int fp, int r);

    /** Inverts the BLOCK four-limb (Montgomery) elements of {@code totals} in place. */
    void invert(long[] totals);

    boolean isZero(long[] x, int xo);

    /** Fp: one FieldLanes block per element. */
    final class Base implements LaneField {
        private final FieldLanes lanes = new FieldLanes(Fp.FIELD);
        private final long[] scratch = new long[FieldLanes.BLOCK * MontgomeryField.LIMBS];

        @Override
        public int size() {
            return FieldLanes.SIZE;
        }

        @Override
        public int limbs() {
            return MontgomeryField.LIMBS;
        }

        @Override
        public void load(long[] x, int xo, int stride, long[] s, int at) {
            lanes.load(x, xo, stride, s, at, false);
        }

        @Override
        public void store(long[] s, int at, long[] x, int xo, int stride) {
            lanes.store(s, at, x, xo, stride);
        }

        @Override
        public void mul(long[] s, int a, int b, int r) {
            lanes.mul(s, a, b, r);
        }

        @Override
        public void sqr(long[] s, int a, int r) {
            lanes.mul(s, a, a, r);
        }

        @Override
        public void add(long[] s, int a, int b, int r) {
            lanes.add(s, a, b, r);
        }

        @Override
        public void sub(long[] s, int a, int b, int r) {
            lanes.sub(s, a, b, r);
        }

        @Override
        public void addForProduct(long[] s, int a, int b, int r) {
            lanes.addLoose(s, a, b, r);
        }

        @Override
        public void scale(long[] s, int a, int fp, int r) {
            lanes.mul(s, a, fp, r);
        }

        @Override
        public void invert(long[] totals) {
            Fp.FIELD.batchInvert(totals, 0, FieldLanes.BLOCK, scratch);
        }

        @Override
        public boolean isZero(long[] x, int xo) {
            return Fp.FIELD.isZero(x, xo);
        }
    }

    /** Fp2: two FieldLanes blocks per element (c0, c1), Karatsuba products. */
    final class Quadratic implements LaneField {
        private final FieldLanes lanes = new FieldLanes(Fp.FIELD);
        private final Fp2Lanes fp2;
        private final Fp2 scalar = new Fp2();
        private final long[] scratch = new long[(FieldLanes.BLOCK + 1) * Fp2.LIMBS];

        /** @param scratch offset of {@link Fp2Lanes#SCRATCH} longs in the lane array that products may use */
        Quadratic(int scratch) {
            this.fp2 = new Fp2Lanes(scratch, true);
        }

        @Override
        public int size() {
            return Fp2Lanes.SIZE;
        }

        @Override
        public int limbs() {
            return Fp2.LIMBS;
        }

        @Override
        public void load(long[] x, int xo, int stride, long[] s, int at) {
            fp2.load(x, xo, stride, s, at);
        }

        @Override
        public void store(long[] s, int at, long[] x, int xo, int stride) {
            fp2.store(s, at, x, xo, stride);
        }

        @Override
        public void mul(long[] s, int a, int b, int r) {
            fp2.mul(s, a, b, r);
        }

        @Override
        public void sqr(long[] s, int a, int r) {
            fp2.sqr(s, a, r);
        }

        @Override
        public void add(long[] s, int a, int b, int r) {
            fp2.add(s, a, b, r);
        }

        @Override
        public void sub(long[] s, int a, int b, int r) {
            fp2.sub(s, a, b, r);
        }

        @Override
        public void addForProduct(long[] s, int a, int b, int r) {
            fp2.add(s, a, b, r);
        }

        @Override
        public void scale(long[] s, int a, int fp, int r) {
            lanes.mul(s, a, fp, r);
            lanes.mul(s, a + FieldLanes.SIZE, fp, r + FieldLanes.SIZE);
        }

        @Override
        public void invert(long[] totals) {
            scalar.batchInvert(totals, 0, FieldLanes.BLOCK, scratch);
        }

        @Override
        public boolean isZero(long[] x, int xo) {
            return Fp2.isZero(x, xo);
        }
    }
}
