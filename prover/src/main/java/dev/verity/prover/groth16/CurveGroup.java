package dev.verity.prover.groth16;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import java.math.BigInteger;

/**
 * The few group operations key generation needs, for G1 and G2 alike, so fixed-base tables and
 * key sections are written once for both groups. {@link #arithmetic()} gives a new per-thread
 * arithmetic object (the curve classes own scratch space and are not thread-safe).
 */
enum CurveGroup {
    G1_GROUP(G1.AFFINE, G1.JACOBIAN, G1.GENERATOR) {
        @Override
        Arithmetic arithmetic() {
            G1 g = new G1();
            return new Arithmetic() {
                @Override
                public void add(long[] p, int po, long[] q, int qo, long[] r, int ro) {
                    g.add(p, po, q, qo, r, ro);
                }

                @Override
                public void addAffine(long[] p, int po, long[] q, int qo, long[] r, int ro) {
                    g.addAffine(p, po, q, qo, r, ro);
                }

                @Override
                public void dbl(long[] p, int po, long[] r, int ro) {
                    g.dbl(p, po, r, ro);
                }

                @Override
                public void toAffine(long[] p, int po, int count, long[] r, int ro) {
                    g.toAffine(p, po, count, r, ro);
                }

                @Override
                public void fromAffine(long[] p, int po, long[] r, int ro) {
                    G1.fromAffine(p, po, r, ro);
                }

                @Override
                public void negAffine(long[] p, int po, long[] r, int ro) {
                    G1.negAffine(p, po, r, ro);
                }

                @Override
                public long[] mul(long[] p, int po, BigInteger k) {
                    return g.mul(p, po, k);
                }
            };
        }
    },
    G2_GROUP(G2.AFFINE, G2.JACOBIAN, G2.GENERATOR) {
        @Override
        Arithmetic arithmetic() {
            G2 g = new G2();
            return new Arithmetic() {
                @Override
                public void add(long[] p, int po, long[] q, int qo, long[] r, int ro) {
                    g.add(p, po, q, qo, r, ro);
                }

                @Override
                public void addAffine(long[] p, int po, long[] q, int qo, long[] r, int ro) {
                    g.addAffine(p, po, q, qo, r, ro);
                }

                @Override
                public void dbl(long[] p, int po, long[] r, int ro) {
                    g.dbl(p, po, r, ro);
                }

                @Override
                public void toAffine(long[] p, int po, int count, long[] r, int ro) {
                    g.toAffine(p, po, count, r, ro);
                }

                @Override
                public void fromAffine(long[] p, int po, long[] r, int ro) {
                    G2.fromAffine(p, po, r, ro);
                }

                @Override
                public void negAffine(long[] p, int po, long[] r, int ro) {
                    G2.negAffine(p, po, r, ro);
                }

                @Override
                public long[] mul(long[] p, int po, BigInteger k) {
                    return g.mul(p, po, k);
                }
            };
        }
    };

    final int affine;
    final int jacobian;
    final long[] generator;

    CurveGroup(int affine, int jacobian, long[] generator) {
        this.affine = affine;
        this.jacobian = jacobian;
        this.generator = generator;
    }

    abstract Arithmetic arithmetic();

    /** Jacobian and affine arithmetic of one group; not thread-safe. */
    interface Arithmetic {
        void add(long[] p, int po, long[] q, int qo, long[] r, int ro);

        void addAffine(long[] p, int po, long[] q, int qo, long[] r, int ro);

        void dbl(long[] p, int po, long[] r, int ro);

        /** Many Jacobian points to affine with one inversion; output must not overlap input. */
        void toAffine(long[] p, int po, int count, long[] r, int ro);

        void fromAffine(long[] p, int po, long[] r, int ro);

        void negAffine(long[] p, int po, long[] r, int ro);

        /** [k] p for an affine p, as a new Jacobian point. */
        long[] mul(long[] p, int po, BigInteger k);
    }
}
