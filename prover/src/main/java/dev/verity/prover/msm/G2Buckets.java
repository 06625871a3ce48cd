package dev.verity.prover.msm;

import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fp2;

/** {@link Buckets} for G2: affine buckets in Fp2, batch additions with one Fp2 inversion. */
final class G2Buckets extends Buckets {
    private static final int A = G2.AFFINE, J = G2.JACOBIAN, L = Fp2.LIMBS;
    private static final byte ADD = 0, DOUBLE = 1, CANCEL = 2;

    private final G2 g = new G2();
    private final Fp2 f = new Fp2();
    /** Per batch entry: its kind, denominator, and the prefix product of the denominators. */
    private final byte[] kind;
    private final long[] den;
    private final long[] prefix;
    private final long[] t = new long[5 * L];

    /** @param basesOffset offset of point 0 in {@code bases}, in longs */
    G2Buckets(long[] bases, int basesOffset, int count, int batchCapacity, int segment) {
        super(bases, basesOffset, A, J, count, batchCapacity, segment);
        this.kind = new byte[batchCapacity];
        this.den = new long[batchCapacity * L];
        this.prefix = new long[batchCapacity * L];
    }

    @Override
    protected void addBatch(long[] dst, int[] dstAt, long[] src, int[] srcAt, int size) {
        Fp2 f = this.f;
        long[] den = this.den, prefix = this.prefix, t = this.t;
        // Denominators: x2 - x1, or 2 y1 when doubling; P + (-P) needs none (use 1).
        for (int j = 0; j < size; j++) {
            int o = dstAt[j], q = srcAt[j], dj = j * L;
            boolean subtract = q < 0;
            if (subtract) {
                q = ~q;
            }
            if (!Fp2.equal(src, q, dst, o)) {
                f.sub(src, q, dst, o, den, dj);
                kind[j] = ADD;
            } else {
                if (subtract) {
                    f.add(dst, o + L, src, q + L, t, 0);
                } else {
                    f.sub(dst, o + L, src, q + L, t, 0);
                }
                if (Fp2.isZero(t, 0) && !Fp2.isZero(dst, o + L)) {
                    f.add(dst, o + L, dst, o + L, den, dj);
                    kind[j] = DOUBLE;
                } else {
                    Fp2.setOne(den, dj);
                    kind[j] = CANCEL;
                }
            }
            if (j == 0) {
                Fp2.copy(den, 0, prefix, 0);
            } else {
                f.mul(prefix, dj - L, den, dj, prefix, dj);
            }
        }
        // t[8..15] = 1 / (product of all denominators); walk back peeling one factor at a time.
        f.inv(prefix, (size - 1) * L, t, 8);
        for (int j = size - 1; j >= 0; j--) {
            int dj = j * L;
            if (j > 0) {
                f.mul(t, 8, prefix, dj - L, t, 0);     // t[0..7] = 1 / den_j
                f.mul(t, 8, den, dj, t, 8);
            } else {
                Fp2.copy(t, 8, t, 0);
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
                        f.add(src, q + L, dst, o + L, t, 16);
                    } else {
                        f.sub(src, q + L, dst, o + L, t, 16);
                    }
                    f.mul(t, 16, t, 0, t, 16);
                    f.sqr(t, 16, t, 24);
                    f.sub(t, 24, dst, o, t, 24);
                    f.sub(t, 24, src, q, t, 24);                   // x3 = lambda^2 - x1 - x2
                    if (subtract) {
                        f.sub(t, 24, dst, o, t, 32);
                    } else {
                        f.sub(dst, o, t, 24, t, 32);
                    }
                    f.mul(t, 16, t, 32, t, 32);
                    f.sub(t, 32, dst, o + L, dst, o + L);           // y3
                    Fp2.copy(t, 24, dst, o);
                }
                case DOUBLE -> {
                    f.sqr(dst, o, t, 16);
                    f.add(t, 16, t, 16, t, 24);
                    f.add(t, 24, t, 16, t, 16);
                    f.mul(t, 16, t, 0, t, 16);                      // lambda = 3 x1^2 / (2 y1)
                    f.sqr(t, 16, t, 24);
                    f.sub(t, 24, dst, o, t, 24);
                    f.sub(t, 24, dst, o, t, 24);                  // x3 = lambda^2 - 2 x1
                    f.sub(dst, o, t, 24, t, 32);
                    f.mul(t, 16, t, 32, t, 32);
                    f.sub(t, 32, dst, o + L, dst, o + L);           // y3 = lambda (x1 - x3) - y1
                    Fp2.copy(t, 24, dst, o);
                }
                default -> G2.setInfinityAffine(dst, o);
            }
        }
    }

    @Override
    protected void negateAffine(long[] p, int po, long[] r, int ro) {
        G2.negAffine(p, po, r, ro);
    }

    @Override
    protected boolean isJacobianInfinity(long[] p, int po) {
        return G2.isInfinity(p, po);
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
