package dev.verity.prover.groth16;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.io.SnarkjsJson.Proof;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.msm.Msm;
import dev.verity.prover.poly.QuotientEvaluations;
import dev.verity.prover.r1cs.Witness;
import dev.verity.prover.util.Progress;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The Groth16 prover, computing exactly what snarkjs' {@code groth16 prove} computes from a
 * {@code .zkey} and a {@code .wtns} (so snarkjs keys and Verity keys are interchangeable):
 *
 * <ol>
 *   <li>A and B evaluated on the domain from the key's sparse coefficients and the witness;
 *       C = A * B pointwise (the C matrix is not in the key and not needed);</li>
 *   <li>A, B, C moved to the odd coset of the double domain by NTTs, where h = A B - C;</li>
 *   <li>five multi-scalar multiplications (A, B1, B2, C over the witness; H over h);</li>
 *   <li>blinding with fresh random r and s.</li>
 * </ol>
 *
 * The proof is then checked with the verifier before it is returned: a witness that does not
 * satisfy the circuit yields an {@link InvalidWitnessException}, never a proof.
 */
public final class Prover {
    private static final MontgomeryField FR = Fr.FIELD;
    private static final int L = MontgomeryField.LIMBS;

    private Prover() {
    }

    public static Proof prove(Zkey zkey, Witness witness, SecureRandom random, Progress progress) {
        return prove(zkey, witness, randomScalar(random), randomScalar(random), progress);
    }

    /** With given blinding scalars r and s: deterministic, for tests against snarkjs' proofs only. */
    static Proof prove(Zkey zkey, Witness witness, BigInteger r, BigInteger s, Progress progress) {
        if (witness.size() != zkey.nVars()) {
            throw new InvalidWitnessException("the witness has " + witness.size() + " values but the key's circuit has "
                    + zkey.nVars() + " wires");
        }
        long[] w = witness.limbs();
        int n = zkey.domainSize();
        int log2n = Integer.numberOfTrailingZeros(n);

        progress.begin("evaluating A, B, C on the domain");
        long[] a = new long[L * n];
        long[] b = new long[L * n];
        evaluateAB(zkey.coefficients(), w, a, b);
        long[] c = new long[L * n];
        for (int i = 0; i < n; i++) {
            FR.mul(a, L * i, b, L * i, c, L * i);
        }

        progress.begin("quotient polynomial (6 NTTs of size 2^" + log2n + ")");
        long[] h = QuotientEvaluations.compute(a, b, c, log2n);
        b = null; // at 2^20 these are 32 MiB each: let the collector take them during the MSMs
        c = null;

        int nPublic = zkey.nPublic();
        int nPrivate = zkey.nVars() - nPublic - 1;
        progress.begin("MSM A (G1, " + zkey.nVars() + " points)");
        long[] piA = Msm.g1(zkey.a(), 0, w, 0, zkey.nVars());
        progress.begin("MSM B1 (G1, " + zkey.nVars() + " points)");
        long[] piB1 = Msm.g1(zkey.b1(), 0, w, 0, zkey.nVars());
        progress.begin("MSM B2 (G2, " + zkey.nVars() + " points)");
        long[] piB = Msm.g2(zkey.b2(), 0, w, 0, zkey.nVars());
        progress.begin("MSM C (G1, " + nPrivate + " points)");
        long[] piC = Msm.g1(zkey.c(), 0, w, nPublic + 1, nPrivate);
        progress.begin("MSM H (G1, " + n + " points)");
        long[] piH = Msm.g1(zkey.h(), 0, h, 0, n);

        progress.begin("blinding and self-check");
        Proof proof = blind(zkey, piA, piB1, piB, piC, piH, r, s);
        long[] publicSignals = witness.publicSignals(nPublic);
        if (!Verifier.verify(zkey, publicSignals, proof)) {
            throw new InvalidWitnessException("the witness does not satisfy the circuit of this key "
                    + "(the proof failed its own verification)");
        }
        return proof;
    }

    /**
     * A_T[c] += coef * w[signal] for every A entry, likewise B_T. The stored coefficient is
     * c * R^2, so a Montgomery product with the plain witness value gives Montgomery(c * w).
     */
    private static void evaluateAB(Zkey.Coefficients k, long[] w, long[] a, long[] b) {
        int[] matrix = k.matrix();
        int[] constraint = k.constraint();
        int[] signal = k.signal();
        long[] value = k.value();
        long[] product = new long[L];
        for (int i = 0; i < matrix.length; i++) {
            long[] target = matrix[i] == 0 ? a : b;
            int at = L * constraint[i];
            FR.mul(value, L * i, w, L * signal[i], product, 0);
            FR.add(target, at, product, 0, target, at);
        }
    }

    /**
     * pi_A = A + alpha + r delta, pi_B = B + beta + s delta (G2), B1 = B' + beta + s delta (G1),
     * pi_C = C + H + s pi_A + r B1 - r s delta.
     */
    private static Proof blind(Zkey zkey, long[] piA, long[] piB1, long[] piB, long[] piC, long[] piH,
            BigInteger r, BigInteger s) {
        G1 g1 = new G1();
        G2 g2 = new G2();
        g1.addAffine(piA, 0, zkey.alpha1(), 0, piA, 0);
        g1.add(piA, 0, g1.mul(zkey.delta1(), 0, r), 0, piA, 0);

        g2.addAffine(piB, 0, zkey.beta2(), 0, piB, 0);
        g2.add(piB, 0, g2.mul(zkey.delta2(), 0, s), 0, piB, 0);

        g1.addAffine(piB1, 0, zkey.beta1(), 0, piB1, 0);
        g1.add(piB1, 0, g1.mul(zkey.delta1(), 0, s), 0, piB1, 0);

        long[] aAffine = new long[8];
        g1.toAffine(piA, 0, aAffine, 0);
        long[] b1Affine = new long[8];
        g1.toAffine(piB1, 0, b1Affine, 0);
        g1.add(piC, 0, piH, 0, piC, 0);
        g1.add(piC, 0, g1.mul(aAffine, 0, s), 0, piC, 0);
        g1.add(piC, 0, g1.mul(b1Affine, 0, r), 0, piC, 0);
        BigInteger minusRs = r.multiply(s).negate().mod(Fr.MODULUS);
        g1.add(piC, 0, g1.mul(zkey.delta1(), 0, minusRs), 0, piC, 0);

        long[] bAffine = new long[16];
        g2.toAffine(piB, 0, bAffine, 0);
        long[] cAffine = new long[8];
        g1.toAffine(piC, 0, cAffine, 0);
        return new Proof(aAffine, bAffine, cAffine);
    }

    /** Uniform in [1, r): rejection sampling on 254-bit integers. */
    static BigInteger randomScalar(SecureRandom random) {
        while (true) {
            BigInteger k = new BigInteger(Fr.MODULUS.bitLength(), random);
            if (k.signum() > 0 && k.compareTo(Fr.MODULUS) < 0) {
                return k;
            }
        }
    }
}
