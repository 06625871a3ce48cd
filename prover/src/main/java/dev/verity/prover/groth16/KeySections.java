package dev.verity.prover.groth16;

/** The point sections of a fresh Groth16 key, as one value for hashing (affine layouts). */
record KeySections(long[] alpha1, long[] beta1, long[] beta2, long[] gamma2, long[] delta1, long[] delta2,
        long[] ic, long[] a, long[] b1, long[] b2, long[] c, long[] h) {

    /**
     * The snarkjs circuit hash of these sections; {@code hashPoints} are the (tau^n - 1) tau^i G1
     * points that stand for H in it (see {@link CircuitHash#hashHPoints}).
     */
    byte[] circuitHash(int domainSize, long[] hashPoints) {
        CircuitHash hash = new CircuitHash();
        hash.g1(alpha1, 0);
        hash.g1(beta1, 0);
        hash.g2(beta2, 0);
        hash.g2(gamma2, 0);
        hash.g1(delta1, 0);
        hash.g2(delta2, 0);
        hash.g1Section(ic, ic.length / 8);
        hash.hashHPoints(hashPoints, domainSize);
        hash.g1Section(c, c.length / 8);
        hash.g1Section(a, a.length / 8);
        hash.g1Section(b1, b1.length / 8);
        hash.g2Section(b2, b2.length / 16);
        return hash.finish();
    }
}
