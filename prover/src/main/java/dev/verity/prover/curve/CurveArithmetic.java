package dev.verity.prover.curve;

import java.math.BigInteger;

/**
 * The group law of G1 or G2 on flat limb arrays, for code written once for both groups (key
 * generation, fixed-base tables). Implementations own scratch space: one per thread.
 */
public interface CurveArithmetic {
    /** r = p + q, all Jacobian. */
    void add(long[] p, int po, long[] q, int qo, long[] r, int ro);

    /** r = p + q for Jacobian p and affine q. */
    void addAffine(long[] p, int po, long[] q, int qo, long[] r, int ro);

    /** r = 2p, Jacobian. */
    void dbl(long[] p, int po, long[] r, int ro);

    /** {@code count} Jacobian points to affine with one inversion; output must not overlap input. */
    void toAffine(long[] p, int po, int count, long[] r, int ro);

    /** [k] p for an affine p, as a new Jacobian point. */
    long[] mul(long[] p, int po, BigInteger k);
}
