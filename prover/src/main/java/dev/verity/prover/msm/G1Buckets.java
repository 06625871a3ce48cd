package dev.verity.prover.msm;

import dev.verity.prover.curve.G1;
import dev.verity.prover.field.BlockMultiplier;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.field.Simd;

/** {@link Buckets} for G1: affine buckets in Fp, batch additions with one Fp inversion. */
final class G1Buckets extends Buckets {
    private static final MontgomeryField F = Fp.FIELD;
    private static final int A = G1.AFFINE, J = G1.JACOBIAN, L = MontgomeryField.LIMBS, BLOCK = BlockMultiplier.BLOCK;
    private static final byte ADD = 0, DOUBLE = 1, CANCEL = 2;

    private static final ThreadLocal<G1BatchAdder> ADDERS = new ThreadLocal<>();

    private final G1 g = new G1();
    private final int batchCapacity;
    private final boolean lanes;

    /** @param lanes whether to keep batch values in SIMD lanes where available; else scalar products in blocks */
    G1Buckets(long[] bases, int basesOffset, int count, int batchCapacity, int segment, boolean lanes) {
        super(bases, basesOffset, A, J, count, batchCapacity, segment);
        this.batchCapacity = batchCapacity;
        this.lanes = lanes;
    }

    /**
     * The slope terms at num[at], den[at] of an addition whose two points share x: 3 x1^2 / (2 y1)
     * for a doubling (y2 = y1, not 0), else 0 / 1 for P + (-P). y2 is the added point's y, already
     * negated for a subtraction; {@code square} is four longs of scratch and may be where y2 is.
     * Returns whether the sum is the point at infinity.
     */
    static boolean equalXTerms(long[] dst, int o, long[] y2, int y2o, long[] num, long[] den, int at, long[] square) {
        if (MontgomeryField.equal(y2, y2o, dst, o + L) && !F.isZero(dst, o + L)) {
            F.add(dst, o + L, dst, o + L, den, at);
            F.sqr(dst, o, square, 0);
            F.add(square, 0, square, 0, num, at);
            F.add(num, at, square, 0, num, at);
            return false;
        }
        F.setOne(den, at);
        F.setZero(num, at);
        return true;
    }

    @Override
    protected void addBatch(long[] dst, int[] dstAt, long[] src, int[] srcAt, int size) {
        G1BatchAdder adder = ADDERS.get();
        if (adder == null || adder.capacity < batchCapacity || adder.lanes != lanes) {
            adder = new G1BatchAdder(Math.max(batchCapacity, adder == null ? 0 : adder.capacity), lanes);
            ADDERS.set(adder);
        }
        adder.add(dst, dstAt, src, srcAt, size);
    }

    @Override
    protected void negateAffine(long[] p, int po, long[] r, int ro) {
        G1.negAffine(p, po, r, ro);
    }

    @Override
    protected boolean isJacobianInfinity(long[] p, int po) {
        return G1.isInfinity(p, po);
    }

    @Override
    protected long[] toAffine(long[] jacobian, int count) {
        long[] out = new long[count * A];
        g.toAffine(jacobian, 0, count, out, 0);
        return out;
    }

    @Override
    void mixedAdd(long[] acc, int ao, long[] p, int po) {
        g.addAffine(acc, ao, p, po, acc, ao);
    }

    @Override
    void add(long[] acc, int ao, long[] p, int po) {
        g.add(acc, ao, p, po, acc, ao);
    }

    @Override
    void dbl(long[] acc) {
        g.dbl(acc, 0, acc, 0);
    }

    /**
     * The arithmetic of batch additions and its scratch space, for batches of up to {@code
     * capacity} additions. One per thread, shared by all of the thread's buckets (a batch is
     * finished before the next starts), so that an MSM does not allocate it per window.
     */
    private static final class G1BatchAdder {
        final int capacity;
        final boolean lanes;
        private final BlockMultiplier blocks = new BlockMultiplier(F);
        /** With SIMD: the batch's arithmetic with its values kept in lanes; null without. */
        private final G1LaneBatch laneBatch;
        /** Per batch entry: its kind, the slope's numerator and denominator, then the inverse. */
        private final byte[] kind;
        private final long[] num;
        private final long[] den;
        /** Running products of the denominators per lane, then the inverses of the denominators. */
        private final long[] prefix;
        /** The slopes, then their squares and the products for y3. */
        private final long[] slope;
        private final long[] work;
        private final long[] laneInverses = new long[BLOCK * L];
        private final long[] invertScratch = new long[BLOCK * L];
        private final long[] t = new long[2 * L];

        G1BatchAdder(int capacity, boolean lanes) {
            this.capacity = capacity;
            this.lanes = lanes;
            int padded = roundUp(capacity);
            boolean inLanes = lanes && Simd.available() && padded > 0;
            // the lane path keeps all of its values in G1LaneBatch; the block path needs these arrays
            this.kind = inLanes ? null : new byte[padded];
            this.num = inLanes ? null : new long[padded * L];
            this.den = inLanes ? null : new long[padded * L];
            this.prefix = inLanes ? null : new long[padded * L];
            this.slope = inLanes ? null : new long[padded * L];
            this.work = inLanes ? null : new long[padded * L];
            this.laneBatch = inLanes ? new G1LaneBatch(padded) : null;
        }

        /**
         * The additions run in phases over whole arrays so that every field multiplication is one of a
         * block of {@link BlockMultiplier#BLOCK} independent ones (SIMD lanes where available). Entry j
         * belongs to lane j mod BLOCK; each lane keeps its own running product of denominators, the
         * BLOCK lane totals are inverted together with one field inversion, and each lane then peels
         * its inverses off backwards (Montgomery's trick, BLOCK times side by side).
         */
        void add(long[] dst, int[] dstAt, long[] src, int[] srcAt, int size) {
            if (size == 0) {
                return;
            }
            if (laneBatch != null) {
                laneBatch.add(dst, dstAt, src, srcAt, size);
                return;
            }
            int padded = roundUp(size);
            slopeTerms(dst, dstAt, src, srcAt, size, padded);
            invertDenominators(padded);
            long[] num = this.num, slope = this.slope, work = this.work;
            for (int b = 0; b < padded * L; b += BLOCK * L) {
                blocks.mul(num, b, prefix, b, slope, b);          // lambda = num / den
                blocks.mul(slope, b, slope, b, work, b);          // lambda^2
            }
            for (int j = 0; j < size; j++) {
                int dj = j * L, o = dstAt[j], q = srcAt[j];
                F.sub(work, dj, dst, o, work, dj);
                F.sub(work, dj, src, q < 0 ? ~q : q, work, dj);  // x3 = lambda^2 - x1 - x2
                F.sub(dst, o, work, dj, num, dj);                // x1 - x3
                MontgomeryField.copy(work, dj, dst, o);
            }
            for (int b = 0; b < padded * L; b += BLOCK * L) {
                blocks.mul(slope, b, num, b, work, b);           // lambda (x1 - x3)
            }
            for (int j = 0; j < size; j++) {
                int o = dstAt[j];
                if (kind[j] == CANCEL) {
                    G1.setInfinityAffine(dst, o);
                } else {
                    F.sub(work, j * L, dst, o + L, dst, o + L);    // y3 = lambda (x1 - x3) - y1
                }
            }
        }

        /**
         * Numerator and denominator of each entry's slope: (y2 - y1) / (x2 - x1) for an addition,
         * 3 x1^2 / (2 y1) for a doubling; P + (-P) and the padding up to a whole block take 0 / 1.
         * Subtracting a point adds (x2, -y2).
         */
        private void slopeTerms(long[] dst, int[] dstAt, long[] src, int[] srcAt, int size, int padded) {
            long[] num = this.num, den = this.den, t = this.t;
            for (int j = 0; j < size; j++) {
                int o = dstAt[j], q = srcAt[j], dj = j * L;
                boolean subtract = q < 0;
                if (subtract) {
                    q = ~q;
                    F.neg(src, q + L, t, L);
                } else {
                    MontgomeryField.copy(src, q + L, t, L);
                }
                if (!MontgomeryField.equal(src, q, dst, o)) {
                    F.sub(src, q, dst, o, den, dj);
                    F.sub(t, L, dst, o + L, num, dj);
                    kind[j] = ADD;
                } else {
                    kind[j] = equalXTerms(dst, o, t, L, num, den, dj, t) ? CANCEL : DOUBLE;
                }
            }
            for (int j = size; j < padded; j++) {
                F.setOne(den, j * L);
                F.setZero(num, j * L);
            }
        }

        /** prefix[j] = 1 / den[j] for every j &lt; padded, with one field inversion for all. */
        private void invertDenominators(int padded) {
            long[] den = this.den, prefix = this.prefix, lanes = this.laneInverses;
            int step = BLOCK * L, last = (padded - BLOCK) * L;
            System.arraycopy(den, 0, prefix, 0, step);
            for (int b = step; b <= last; b += step) {
                blocks.mul(prefix, b - step, den, b, prefix, b);
            }
            // the BLOCK lane totals: one inversion for all, peeled per lane with scalar products
            System.arraycopy(prefix, last, lanes, 0, step);
            F.batchInvert(lanes, 0, BLOCK, invertScratch);
            for (int b = last; b > 0; b -= step) {
                blocks.mul(lanes, 0, prefix, b - step, prefix, b);  // 1 / den of this block
                blocks.mul(lanes, 0, den, b, lanes, 0);            // 1 / running product of the block before
            }
            System.arraycopy(lanes, 0, prefix, 0, step);
        }

        private static int roundUp(int size) {
            return (size + BLOCK - 1) / BLOCK * BLOCK;
        }
    }
}
