package dev.verity.prover.groth16;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.r1cs.ConstraintSystem;
import dev.verity.prover.r1cs.SparseMatrix;
import dev.verity.prover.util.Progress;
import java.security.SecureRandom;

/**
 * <b>UNSAFE, for development and benchmarks only.</b> Makes a Groth16 key from locally drawn
 * toxic waste (tau, alpha, beta, gamma, delta) instead of a Powers of Tau ceremony: whoever
 * learns those values can prove false statements, and nothing here proves they were forgotten.
 * Use {@link Setup} with a ceremony's {@code .ptau} file for keys anyone else relies on.
 *
 * <p>Knowing tau turns every key point into a fixed-base multiple of a generator, which makes this
 * setup much faster than one from a ceremony file. The key has the same layout as one from
 * {@code snarkjs groth16 setup} (snarkjs proves with it unchanged); its circuit hash covers the
 * same points but no ceremony transcript backs it.
 */
public final class DevSetup {
    private static final MontgomeryField FR = Fr.FIELD;
    private static final int L = MontgomeryField.LIMBS;

    private DevSetup() {
    }

    public static Zkey generate(ConstraintSystem cs, SecureRandom random, Progress progress) {
        int log2n = CircuitShape.domainLog2(cs);
        int n = 1 << log2n;
        int nVars = cs.nWires();
        int nPublic = cs.nPublic();
        int nCons = cs.nConstraints();

        long[] tau = randomOutsideDomains(random, log2n + 1);
        long[] alpha = randomNonZero(random);
        long[] beta = randomNonZero(random);
        long[] gamma = randomNonZero(random);
        long[] delta = randomNonZero(random);

        progress.begin("evaluating the QAP at tau");
        long[] lagrange = LagrangeBasis.evaluate(tau, log2n);
        long[] u = new long[L * nVars];
        long[] v = new long[L * nVars];
        long[] w = new long[L * nVars];
        accumulate(cs.a(), lagrange, u);
        accumulate(cs.b(), lagrange, v);
        accumulate(cs.c(), lagrange, w);
        for (int s = 0; s <= nPublic; s++) {
            FR.add(u, L * s, lagrange, L * (nCons + s), u, L * s);
        }

        // (beta u + alpha v + w) / gamma for public wires, / delta for private ones
        long[] gammaInv = new long[L];
        long[] deltaInv = new long[L];
        FR.inv(gamma, 0, gammaInv, 0);
        FR.inv(delta, 0, deltaInv, 0);
        long[] icScalars = new long[L * (nPublic + 1)];
        long[] cScalars = new long[L * (nVars - nPublic - 1)];
        long[] t = new long[L];
        long[] k = new long[L];
        for (int s = 0; s < nVars; s++) {
            FR.mul(beta, 0, u, L * s, t, 0);
            FR.mul(alpha, 0, v, L * s, k, 0);
            FR.add(t, 0, k, 0, t, 0);
            FR.add(t, 0, w, L * s, t, 0);
            if (s <= nPublic) {
                FR.mul(t, 0, gammaInv, 0, icScalars, L * s);
            } else {
                FR.mul(t, 0, deltaInv, 0, cScalars, L * (s - nPublic - 1));
            }
        }

        // H[i] = L'_{2i+1}(tau) / delta over the double domain (see Prover), and the points
        // (tau^n - 1) tau^i G1 that the circuit hash covers in place of H.
        long[] doubleLagrange = LagrangeBasis.evaluate(tau, log2n + 1);
        long[] hScalars = new long[L * n];
        for (int i = 0; i < n; i++) {
            FR.mul(doubleLagrange, L * (2 * i + 1), deltaInv, 0, hScalars, L * i);
        }
        long[] hashScalars = hashHScalars(tau, n);

        long g1Count = 4L * nVars + 2L * n;
        FixedBase g1 = new FixedBase(CurveGroup.G1_GROUP, CurveGroup.G1_GROUP.generator, g1Count);
        FixedBase g2 = new FixedBase(CurveGroup.G2_GROUP, CurveGroup.G2_GROUP.generator, nVars);
        long[] a = g1.multiplyAll(plain(u), nVars, progress, "A (G1)");
        long[] vPlain = plain(v);
        long[] b1 = g1.multiplyAll(vPlain, nVars, progress, "B1 (G1)");
        long[] b2 = g2.multiplyAll(vPlain, nVars, progress, "B2 (G2)");
        long[] ic = g1.multiplyAll(plain(icScalars), nPublic + 1, progress, "IC (G1)");
        long[] c = g1.multiplyAll(plain(cScalars), nVars - nPublic - 1, progress, "C (G1)");
        long[] h = g1.multiplyAll(plain(hScalars), n, progress, "H (G1)");
        long[] hashPoints = g1.multiplyAll(plain(hashScalars), hashScalars.length / L, progress, "circuit hash");

        long[] alpha1 = single(g1, alpha);
        long[] beta1 = single(g1, beta);
        long[] delta1 = single(g1, delta);
        long[] beta2 = single(g2, beta);
        long[] gamma2 = single(g2, gamma);
        long[] delta2 = single(g2, delta);

        KeySections sections = new KeySections(alpha1, beta1, beta2, gamma2, delta1, delta2, ic, a, b1, b2, c, h);
        byte[] csHash = sections.circuitHash(n, hashPoints);
        return new Zkey(nVars, nPublic, n, alpha1, beta1, beta2, gamma2, delta1, delta2, ic,
                CircuitShape.coefficients(cs), a, b1, b2, c, h, Zkey.initialMpcParams(csHash));
    }

    /** target[wire] += coefficient * lagrange[row] over all terms of the matrix. */
    private static void accumulate(SparseMatrix m, long[] lagrange, long[] target) {
        int[] start = m.rowStart();
        int[] wires = m.wires();
        long[] coefficients = m.coefficients();
        long[] t = new long[L];
        for (int row = 0; row < m.rows(); row++) {
            for (int k = start[row]; k < start[row + 1]; k++) {
                FR.mul(coefficients, L * k, lagrange, L * row, t, 0);
                FR.add(target, L * wires[k], t, 0, target, L * wires[k]);
            }
        }
    }

    /** (tau^n - 1) tau^i for the points the circuit hash covers. */
    private static long[] hashHScalars(long[] tau, int n) {
        int count = CircuitHash.hashedHPoints(n);
        long[] out = new long[L * count];
        long[] factor = new long[L];
        FR.pow(tau, 0, new long[] {n, 0, 0, 0}, factor, 0);
        FR.sub(factor, 0, FR.one(), 0, factor, 0);
        for (int i = 0; i < count; i++) {
            MontgomeryField.copy(factor, 0, out, L * i);
            FR.mul(factor, 0, tau, 0, factor, 0);
        }
        return out;
    }

    private static long[] single(FixedBase base, long[] montgomery) {
        return base.multiplyAll(plain(montgomery.clone()), 1, Progress.NONE, "key");
    }

    /** Montgomery values to plain scalars, in place (so at most once per array); returns the same array. */
    private static long[] plain(long[] montgomery) {
        for (int i = 0; i < montgomery.length / L; i++) {
            FR.fromMontgomery(montgomery, L * i, montgomery, L * i);
        }
        return montgomery;
    }

    private static long[] randomNonZero(SecureRandom random) {
        return FR.fromBigInteger(Prover.randomScalar(random));
    }

    /** A random tau that is no root of unity of order up to 2^log2: Lagrange bases need it. */
    private static long[] randomOutsideDomains(SecureRandom random, int log2) {
        while (true) {
            long[] tau = randomNonZero(random);
            long[] power = new long[L];
            FR.pow(tau, 0, new long[] {1L << log2, 0, 0, 0}, power, 0);
            if (!FR.isOne(power, 0)) {
                return tau;
            }
        }
    }
}
