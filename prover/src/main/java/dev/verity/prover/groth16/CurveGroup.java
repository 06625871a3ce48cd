package dev.verity.prover.groth16;

import dev.verity.prover.curve.CurveArithmetic;
import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.msm.AffineBatch;
import dev.verity.prover.msm.Msm;
import java.util.function.BinaryOperator;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** G1 or G2 for code written once for both groups: sizes, generator, and arithmetic per thread. */
enum CurveGroup {
    G1_GROUP(G1.AFFINE, G1.JACOBIAN, G1.GENERATOR, G1::new, G1::fromAffine, G1::negAffine, Msm::g1, AffineBatch::g1),
    G2_GROUP(G2.AFFINE, G2.JACOBIAN, G2.GENERATOR, G2::new, G2::fromAffine, G2::negAffine, Msm::g2, AffineBatch::g2);

    final int affine;
    final int jacobian;
    final long[] generator;
    private final Supplier<CurveArithmetic> arithmetic;
    private final PointMap fromAffine;
    private final PointMap negAffine;
    private final BinaryOperator<long[]> msm;
    private final IntFunction<AffineBatch> affineBatch;

    CurveGroup(int affine, int jacobian, long[] generator, Supplier<CurveArithmetic> arithmetic, PointMap fromAffine,
            PointMap negAffine, BinaryOperator<long[]> msm, IntFunction<AffineBatch> affineBatch) {
        this.affine = affine;
        this.jacobian = jacobian;
        this.generator = generator;
        this.arithmetic = arithmetic;
        this.fromAffine = fromAffine;
        this.negAffine = negAffine;
        this.msm = msm;
        this.affineBatch = affineBatch;
    }

    /** sum scalars[i] * bases[i] (affine bases, plain scalars), as a Jacobian point. */
    long[] msm(long[] bases, long[] scalars) {
        return msm.apply(bases, scalars);
    }

    /** New batched affine addition for up to {@code capacity} sums per call: one per thread. */
    AffineBatch affineBatch(int capacity) {
        return affineBatch.apply(capacity);
    }

    /** New arithmetic with its own scratch space: one per thread. */
    CurveArithmetic arithmetic() {
        return arithmetic.get();
    }

    void fromAffine(long[] p, int po, long[] r, int ro) {
        fromAffine.apply(p, po, r, ro);
    }

    void negAffine(long[] p, int po, long[] r, int ro) {
        negAffine.apply(p, po, r, ro);
    }

    @FunctionalInterface
    private interface PointMap {
        void apply(long[] p, int po, long[] r, int ro);
    }
}
