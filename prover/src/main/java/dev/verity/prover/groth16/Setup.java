package dev.verity.prover.groth16;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.io.PtauFile;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.msm.AffineBatch;
import dev.verity.prover.r1cs.ConstraintSystem;
import dev.verity.prover.util.Progress;
import java.io.IOException;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Groth16 key generation from a Powers of Tau ceremony, as {@code snarkjs groth16 setup} does it:
 * the key's points are the circuit's QAP polynomials evaluated "in the exponent" from the
 * ceremony's Lagrange-basis points, gamma = delta = 1 (a phase-2 contribution then randomizes
 * delta), and the same circuit hash. Same r1cs and ptau give the same key bytes as snarkjs.
 */
public final class Setup {
    /** Subtractions per shared inversion for the hashed H points. */
    private static final int HASH_BATCH = 4096;

    private Setup() {
    }

    public static Zkey fromPtau(ConstraintSystem cs, PtauFile ptau, Progress progress) throws IOException {
        int log2n = CircuitShape.domainLog2(cs);
        int n = 1 << log2n;
        if (!ptau.isPreparedForPhase2()) {
            throw new IllegalArgumentException(ptau.path() + ": the Powers of Tau file is not prepared for phase 2 "
                    + "(run 'powersoftau prepare phase2' on it first)");
        }
        if (log2n > ptau.power()) {
            throw new IllegalArgumentException(ptau.path() + ": the circuit needs a domain of 2^" + log2n
                    + " (" + cs.nConstraints() + " constraints + " + (cs.nPublic() + 1)
                    + " public rows) but the Powers of Tau file only goes up to 2^" + ptau.power());
        }
        int nVars = cs.nWires();
        int nPublic = cs.nPublic();

        progress.begin("reading the Powers of Tau file");
        long[] lagrange = onCurveG1(ptau, ptau.lagrangeG1(log2n), "Lagrange tau G1 (section 12)");
        long[] lagrangeG2 = onCurveG2(ptau, ptau.lagrangeG2(log2n), "Lagrange tau G2 (section 13)");
        long[] alphaLagrange = onCurveG1(ptau, ptau.lagrangeAlphaG1(log2n), "Lagrange alpha tau G1 (section 14)");
        long[] betaLagrange = onCurveG1(ptau, ptau.lagrangeBetaG1(log2n), "Lagrange beta tau G1 (section 15)");
        long[] alpha1 = onCurveG1(ptau, ptau.alphaTauG1(0, 1), "alpha (section 4)");
        long[] beta1 = onCurveG1(ptau, ptau.betaTauG1(0, 1), "beta G1 (section 5)");
        long[] beta2 = onCurveG2(ptau, ptau.betaG2(), "beta G2 (section 6)");
        if (!G2.isInSubgroup(beta2, 0)) {
            throw new IllegalArgumentException(ptau.path() + ": beta G2 (section 6) is not in the subgroup of order r");
        }

        SparseColumns a = SparseColumns.withPublicRows(cs.a(), nVars, nPublic);
        SparseColumns b = SparseColumns.of(cs.b(), nVars);
        SparseColumns c = SparseColumns.of(cs.c(), nVars);

        long[] aPoints = SparseCombination.combine(CurveGroup.G1_GROUP, 0, nVars,
                new SparseColumns[] {a}, new long[][] {lagrange}, progress, "A (G1)");
        long[] b1Points = SparseCombination.combine(CurveGroup.G1_GROUP, 0, nVars,
                new SparseColumns[] {b}, new long[][] {lagrange}, progress, "B1 (G1)");
        long[] b2Points = SparseCombination.combine(CurveGroup.G2_GROUP, 0, nVars,
                new SparseColumns[] {b}, new long[][] {lagrangeG2}, progress, "B2 (G2)");
        lagrangeG2 = null;
        // beta A + alpha B + C: public wires to IC (gamma = 1), private wires to C (delta = 1)
        SparseColumns[] abc = {a, b, c};
        long[][] abcPoints = {betaLagrange, alphaLagrange, lagrange};
        long[] ic = SparseCombination.combine(CurveGroup.G1_GROUP, 0, nPublic + 1, abc, abcPoints, progress,
                "IC (G1)");
        long[] cPoints = SparseCombination.combine(CurveGroup.G1_GROUP, nPublic + 1, nVars - nPublic - 1, abc,
                abcPoints, progress, "C (G1)");

        progress.begin("H (G1)");
        long[] h = oddPoints(onCurveG1(ptau, ptau.lagrangeG1(log2n + 1), "Lagrange tau G1 (section 12)"), n);
        long[] hashPoints = hashPoints(ptau, n);

        long[] gamma2 = G2.GENERATOR.clone();
        long[] delta1 = G1.GENERATOR.clone();
        long[] delta2 = G2.GENERATOR.clone();
        KeySections sections = new KeySections(alpha1, beta1, beta2, gamma2, delta1, delta2, ic, aPoints,
                b1Points, b2Points, cPoints, h);
        byte[] csHash = sections.circuitHash(n, hashPoints);
        return new Zkey(nVars, nPublic, n, alpha1, beta1, beta2, gamma2, delta1, delta2, ic,
                CircuitShape.coefficients(cs), aPoints, b1Points, b2Points, cPoints, h,
                Zkey.initialMpcParams(csHash));
    }

    /** H[i] = L'_{2i+1}: the odd points of the double domain's Lagrange basis. */
    private static long[] oddPoints(long[] doubleDomain, int n) {
        long[] out = new long[8 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(doubleDomain, 8 * (2 * i + 1), out, 8 * i, 8);
        }
        return out;
    }

    /**
     * (tau^n - 1) tau^i G1 = tauG1[i + n] - tauG1[i], the points the circuit hash covers for H,
     * subtracted in affine batches sharing one inversion, in parallel. When the domain uses every
     * power of the file and n exceeds 2^14, snarkjs reads one point past the end of the tauG1
     * section; that last point is left at infinity here, so only in that case the circuit hash
     * differs from snarkjs'.
     */
    private static long[] hashPoints(PtauFile ptau, int n) throws IOException {
        int count = CircuitHash.hashedHPoints(n);
        long available = (1L << (ptau.power() + 1)) - 1;
        int readable = (int) Math.min(count, available - n);
        long[] low = onCurveG1(ptau, ptau.tauG1(0, readable), "tau G1 (section 2)");
        long[] out = new long[G1.AFFINE * count];
        System.arraycopy(onCurveG1(ptau, ptau.tauG1(n, readable), "tau G1 (section 2)"), 0, out, 0,
                G1.AFFINE * readable);
        int chunks = (readable + HASH_BATCH - 1) / HASH_BATCH;
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            AffineBatch batch = AffineBatch.g1(HASH_BATCH);
            int[] dstAt = new int[HASH_BATCH];
            int[] srcAt = new int[HASH_BATCH];
            int size = 0;
            for (int i = chunk * HASH_BATCH; i < Math.min(readable, (chunk + 1) * HASH_BATCH); i++) {
                int at = G1.AFFINE * i;
                if (G1.isInfinityAffine(low, at)) {
                    continue;
                }
                if (G1.isInfinityAffine(out, at)) {
                    G1.negAffine(low, at, out, at);
                } else {
                    dstAt[size] = at;
                    srcAt[size++] = ~at; // subtract
                }
            }
            batch.add(out, dstAt, low, srcAt, size);
        });
        return out;
    }

    /**
     * The ceremony file is input like any other: a point off its curve would silently make a key
     * whose proofs never verify (or worse, hide a weakness), so every point used is checked.
     */
    private static long[] onCurveG1(PtauFile ptau, long[] points, String what) {
        return onCurve(ptau, points, G1.AFFINE, what, i -> G1.isOnCurve(points, G1.AFFINE * i));
    }

    private static long[] onCurveG2(PtauFile ptau, long[] points, String what) {
        return onCurve(ptau, points, G2.AFFINE, what, i -> G2.isOnCurve(points, G2.AFFINE * i));
    }

    private static long[] onCurve(PtauFile ptau, long[] points, int limbs, String what, IntPredicate onCurve) {
        int count = points.length / limbs;
        if (!IntStream.range(0, count).parallel().allMatch(onCurve)) {
            int bad = IntStream.range(0, count).filter(onCurve.negate()).findFirst().orElseThrow();
            throw new IllegalArgumentException(ptau.path() + ": " + what + " point " + bad + " is not on the curve");
        }
        return points;
    }
}
