package dev.verity.prover.groth16;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.poly.Domain;

/** The Lagrange basis of a radix-2 domain evaluated at one point outside it. */
final class LagrangeBasis {
    private static final MontgomeryField FR = Fr.FIELD;
    private static final int L = MontgomeryField.LIMBS;

    private LagrangeBasis() {
    }

    /**
     * L_i(x) = w^i (x^n - 1) / (n (x - w^i)) for i in [0, n), n = 2^log2n, Montgomery Fr, with
     * one batched inversion. x must not be in the domain.
     */
    static long[] evaluate(long[] x, int log2n) {
        Domain domain = Domain.of(log2n);
        int n = domain.size();
        long[] out = new long[L * n];
        long[] powers = new long[L * n];
        long[] omega = domain.root();
        FR.setOne(powers, 0);
        for (int i = 1; i < n; i++) {
            FR.mul(powers, L * (i - 1), omega, 0, powers, L * i);
        }
        for (int i = 0; i < n; i++) {
            FR.sub(x, 0, powers, L * i, out, L * i);
            if (FR.isZero(out, L * i)) {
                throw new IllegalArgumentException("the evaluation point lies in the domain");
            }
        }
        FR.batchInvert(out, 0, n, new long[L * n]);
        long[] factor = new long[L];
        FR.pow(x, 0, new long[] {n, 0, 0, 0}, factor, 0);
        FR.sub(factor, 0, FR.one(), 0, factor, 0);
        FR.mul(factor, 0, domain.sizeInverse(), 0, factor, 0);
        for (int i = 0; i < n; i++) {
            FR.mul(out, L * i, powers, L * i, out, L * i);
            FR.mul(out, L * i, factor, 0, out, L * i);
        }
        return out;
    }
}
