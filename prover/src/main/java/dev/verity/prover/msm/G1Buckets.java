package dev.verity.prover.msm;

import dev.verity.prover.curve.G1;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.MontgomeryField;

/** {@link Buckets} for G1: affine buckets in Fp, batch additions with one Fp inversion. */
final class G1Buckets extends Buckets {
    private static final MontgomeryField F = Fp.FIELD;
    private static final int A = G1.AFFINE, J = G1.JACOBIAN, L = MontgomeryField.LIMBS;
    private static final byte ADD = 0, DOUBLE = 1, CANCEL = 2;

    private final G1 g = new G1();
    /** Per batch entry: its kind, denominator, and the prefix product of the denominators. */
    private final byte[] kind;
    private final long[] den;
    private final long[] prefix;
    private final long[] t = new long[5 * L];

    /** @param basesOffset offset of point 0 in {@code bases}, in longs */
    G1Buckets(long[] bases, int basesOffset, int count, int batchCapacity, int segment) {
        super(bases, basesOffset, A, J, count, batchCapacity, segment);
        this.kind = new byte[batchCapacity];
        this.den = new long[batchCapacity * L];
        this.prefix = new long[batchCapacity * L];
    }

    @Override
    protected void addBatch(long[] dst, int[] dstAt, long[] src, int[] srcAt, int size) {
        long[] den = this.den, prefix = this.prefix, t = this.t;
        // Denominators: x2 - x1, or 2 y1 when doubling; P + (-P) needs none (use 1).
        for (int j = 0; j < size; j++) {
            int o = dstAt[j], q = srcAt[j], dj = j * L;
            boolean subtract = q < 0;
            if (subtract) {
                q = ~q;
            }
            if (!MontgomeryField.equal(src, q, dst, o)) {
                F.sub(src, q, dst, o, den, dj);
                kind[j] = ADD;
            } else {
                if (subtract) {
                    F.add(dst, o + L, src, q + L, t, 0);
                } else {
                    F.sub(dst, o + L, src, q + L, t, 0);
                }
                if (F.isZero(t, 0) && !F.isZero(dst, o + L)) {
                    F.add(dst, o + L, dst, o + L, den, dj);
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
            int o = dstAt[j], q = srcAt[j];
            boolean subtract = q < 0;
            if (subtract) {
                q = ~q;
            }
            switch (kind[j]) {
                case ADD -> {
                    // lambda = (y2 - y1) / (x2 - x1). To subtract, y2 = -y: use
                    // lambda' = (y + y1) / (x2 - x1) = -lambda and y3 = lambda' (x3 - x1) - y1.
                    if (subtract) {
                        F.add(src, q + L, dst, o + L, t, 8);
                    } else {
                        F.sub(src, q + L, dst, o + L, t, 8);
                    }
                    F.mul(t, 8, t, 0, t, 8);
                    F.sqr(t, 8, t, 12);
                    F.sub(t, 12, dst, o, t, 12);
                    F.sub(t, 12, src, q, t, 12);                   // x3 = lambda^2 - x1 - x2
                    if (subtract) {
                        F.sub(t, 12, dst, o, t, 16);
                    } else {
                        F.sub(dst, o, t, 12, t, 16);
                    }
                    F.mul(t, 8, t, 16, t, 16);
                    F.sub(t, 16, dst, o + L, dst, o + L);           // y3
                    MontgomeryField.copy(t, 12, dst, o);
                }
                case DOUBLE -> {
                    F.sqr(dst, o, t, 8);
                    F.add(t, 8, t, 8, t, 12);
                    F.add(t, 12, t, 8, t, 8);
                    F.mul(t, 8, t, 0, t, 8);                      // lambda = 3 x1^2 / (2 y1)
                    F.sqr(t, 8, t, 12);
                    F.sub(t, 12, dst, o, t, 12);
                    F.sub(t, 12, dst, o, t, 12);                  // x3 = lambda^2 - 2 x1
                    F.sub(dst, o, t, 12, t, 16);
                    F.mul(t, 8, t, 16, t, 16);
                    F.sub(t, 16, dst, o + L, dst, o + L);           // y3 = lambda (x1 - x3) - y1
                    MontgomeryField.copy(t, 12, dst, o);
                }
                default -> G1.setInfinityAffine(dst, o);
            }
        }
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
}
