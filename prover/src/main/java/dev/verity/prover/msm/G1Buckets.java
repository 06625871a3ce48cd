package dev.verity.prover.msm;

import dev.verity.prover.curve.G1;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.MontgomeryField;

/** {@link Buckets} for G1: affine buckets in Fp, batch additions with Fp inversions. */
final class G1Buckets extends Buckets {
    private static final MontgomeryField F = Fp.FIELD;
    private static final int A = G1.AFFINE, J = G1.JACOBIAN, L = MontgomeryField.LIMBS;
    private static final byte ADD = 0, DOUBLE = 1, CANCEL = 2;

    private final G1 g = new G1();
    private final long[] bases;
    private final int basesOffset;
    private final long[] affine;
    private final long[] overflow;
    /** Per batch entry: its kind, denominator, and the prefix product of the denominators. */
    private final byte[] kind;
    private final long[] den;
    private final long[] prefix;
    private final long[] t = new long[5 * L];
    private final long[] negated = new long[A];

    /** @param basesOffset offset of point 0 in {@code bases}, in longs */
    G1Buckets(long[] bases, int basesOffset, int count, int batchCapacity) {
        super(count, batchCapacity);
        this.bases = bases;
        this.basesOffset = basesOffset;
        this.affine = new long[batchCapacity > 0 ? count * A : 0];
        this.overflow = new long[count * J];
        this.kind = new byte[batchCapacity];
        this.den = new long[batchCapacity * L];
        this.prefix = new long[batchCapacity * L];
    }

    @Override
    int jacobianLimbs() {
        return J;
    }

    private int baseAt(int point) {
        return basesOffset + (point >= 0 ? point : ~point) * A;
    }

    @Override
    protected void setBucket(int b, int point) {
        int q = baseAt(point), o = b * A;
        MontgomeryField.copy(bases, q, affine, o);
        if (point >= 0) {
            MontgomeryField.copy(bases, q + L, affine, o + L);
        } else {
            F.neg(bases, q + L, affine, o + L);
        }
    }

    @Override
    protected void addToOverflow(int b, int point) {
        int q = baseAt(point);
        if (point >= 0) {
            g.addAffine(overflow, b * J, bases, q, overflow, b * J);
        } else {
            G1.negAffine(bases, q, negated, 0);
            g.addAffine(overflow, b * J, negated, 0, overflow, b * J);
        }
    }

    @Override
    protected void addBatch(int size) {
        long[] bases = this.bases, bk = this.affine, den = this.den, prefix = this.prefix, t = this.t;
        // Denominators: x2 - x1, or 2 y1 when doubling; P + (-P) needs none (use 1).
        for (int j = 0; j < size; j++) {
            int o = batchBucket[j] * A, point = batchPoint[j], q = baseAt(point), dj = j * L;
            if (!MontgomeryField.equal(bases, q, bk, o)) {
                F.sub(bases, q, bk, o, den, dj);
                kind[j] = ADD;
            } else {
                if (point >= 0) {
                    F.sub(bk, o + L, bases, q + L, t, 0);
                } else {
                    F.add(bk, o + L, bases, q + L, t, 0);
                }
                if (F.isZero(t, 0) && !F.isZero(bk, o + L)) {
                    F.add(bk, o + L, bk, o + L, den, dj);
                    kind[j] = DOUBLE;
                } else {
                    F.setOne(den, dj);
                    kind[j] = CANCEL;
                }
            }
            if (j == 0) {
                MontgomeryField.copy(den, 0, prefix, 0);
            } else {
                F.mul(prefix, dj - L, den, dj, prefix, dj);
            }
        }
        // t[4..7] = 1 / (product of all denominators); walk back peeling one factor at a time.
        F.inv(prefix, (size - 1) * L, t, 4);
        for (int j = size - 1; j >= 0; j--) {
            int dj = j * L;
            if (j > 0) {
                F.mul(t, 4, prefix, dj - L, t, 0);     // t[0..3] = 1 / den_j
                F.mul(t, 4, den, dj, t, 4);
            } else {
                MontgomeryField.copy(t, 4, t, 0);
            }
            int b = batchBucket[j], o = b * A, point = batchPoint[j], q = baseAt(point);
            switch (kind[j]) {
                case ADD -> {
                    // lambda = (y2 - y1) / (x2 - x1). For a subtracted base y2 = -y, so use
                    // lambda' = (y + y1) / (x2 - x1) = -lambda and y3 = lambda' (x3 - x1) - y1.
                    if (point >= 0) {
                        F.sub(bases, q + L, bk, o + L, t, 8);
                    } else {
                        F.add(bases, q + L, bk, o + L, t, 8);
                    }
                    F.mul(t, 8, t, 0, t, 8);
                    F.sqr(t, 8, t, 12);
                    F.sub(t, 12, bk, o, t, 12);
                    F.sub(t, 12, bases, q, t, 12);                 // x3 = lambda^2 - x1 - x2
                    if (point >= 0) {
                        F.sub(bk, o, t, 12, t, 16);
                    } else {
                        F.sub(t, 12, bk, o, t, 16);
                    }
                    F.mul(t, 8, t, 16, t, 16);
                    F.sub(t, 16, bk, o + L, bk, o + L);            // y3
                    MontgomeryField.copy(t, 12, bk, o);
                }
                case DOUBLE -> {
                    F.sqr(bk, o, t, 8);
                    F.add(t, 8, t, 8, t, 12);
                    F.add(t, 12, t, 8, t, 8);
                    F.mul(t, 8, t, 0, t, 8);                      // lambda = 3 x1^2 / (2 y1)
                    F.sqr(t, 8, t, 12);
                    F.sub(t, 12, bk, o, t, 12);
                    F.sub(t, 12, bk, o, t, 12);                   // x3 = lambda^2 - 2 x1
                    F.sub(bk, o, t, 12, t, 16);
                    F.mul(t, 8, t, 16, t, 16);
                    F.sub(t, 16, bk, o + L, bk, o + L);            // y3 = lambda (x1 - x3) - y1
                    MontgomeryField.copy(t, 12, bk, o);
                }
                default -> full[b] = false;
            }
        }
    }

    @Override
    protected void addBucketTo(long[] running, int b) {
        g.addAffine(running, 0, affine, b * A, running, 0);
    }

    @Override
    protected void addOverflowTo(long[] running, int b) {
        if (!G1.isInfinity(overflow, b * J)) {
            g.add(running, 0, overflow, b * J, running, 0);
        }
    }

    @Override
    void add(long[] acc, long[] p) {
        g.add(acc, 0, p, 0, acc, 0);
    }

    @Override
    void dbl(long[] acc) {
        g.dbl(acc, 0, acc, 0);
    }

    @Override
    void addBase(long[] acc, int index) {
        g.addAffine(acc, 0, bases, basesOffset + index * A, acc, 0);
    }
}
