package dev.verity.bench;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.r1cs.ConstraintSystem;
import dev.verity.prover.r1cs.SparseMatrix;
import dev.verity.prover.r1cs.Witness;
import java.util.SplittableRandom;

/**
 * A reproducible benchmark circuit that fills a Groth16 domain of 2^power exactly: a chain
 * x_{i+1} = (x_i + k_i) (x_i + x_{i-1}) with full-size constants k_i from a fixed seed (as in
 * hash circuits, where constants are arbitrary field elements), one private input x_0 and one
 * public output equal to the last link. Witness values are full-size field elements, so MSMs
 * see realistic scalars.
 */
public final class BenchCircuit {
    private static final MontgomeryField FR = Fr.FIELD;
    private static final int L = MontgomeryField.LIMBS;
    private static final long SEED = 0x5eed_0f_7e41L;

    public final ConstraintSystem constraints;
    public final Witness witness;

    private BenchCircuit(ConstraintSystem constraints, Witness witness) {
        this.constraints = constraints;
        this.witness = witness;
    }

    /** A circuit whose domain (constraints + public rows) is exactly 2^power. */
    public static BenchCircuit ofPower(int power) {
        if (power < 2 || power > 27) {
            throw new IllegalArgumentException("power must be in [2, 27], got " + power);
        }
        // rows = links + 1 (output) + 2 (public rows for the one wire and the output) = 2^power
        int links = (1 << power) - 3;
        return ofLinks(links);
    }

    static BenchCircuit ofLinks(int links) {
        // wires: 0 one, 1 output, 2 x_0 (private input), 3 + i - 1 = x_i for i in 1..links
        int nWires = 3 + links;
        SplittableRandom random = new SplittableRandom(SEED);
        SparseMatrix.Builder a = new SparseMatrix.Builder();
        SparseMatrix.Builder b = new SparseMatrix.Builder();
        SparseMatrix.Builder c = new SparseMatrix.Builder();
        long[] one = FR.one();
        long[] values = new long[L * nWires]; // Montgomery while computing
        FR.setOne(values, 0);
        FR.fromBigInteger(java.math.BigInteger.valueOf(3), values, L * 2);
        long[] k = new long[L];
        long[] left = new long[L];
        long[] right = new long[L];
        for (int i = 0; i < links; i++) {
            int xi = 2 + i;
            int previous = i == 0 ? 0 : xi - 1;
            randomElement(random, k);
            a.addTerm(xi, one, 0).addTerm(0, k, 0).endRow();
            b.addTerm(xi, one, 0).addTerm(previous, one, 0).endRow();
            c.addTerm(xi + 1, one, 0).endRow();
            FR.add(values, L * xi, k, 0, left, 0);
            FR.add(values, L * xi, values, L * previous, right, 0);
            FR.mul(left, 0, right, 0, values, L * (xi + 1));
        }
        int last = 2 + links;
        a.addTerm(last, one, 0).endRow();
        b.addTerm(0, one, 0).endRow();
        c.addTerm(1, one, 0).endRow();
        MontgomeryField.copy(values, L * last, values, L);
        for (int w = 0; w < nWires; w++) {
            FR.fromMontgomery(values, L * w, values, L * w);
        }
        ConstraintSystem cs = new ConstraintSystem(nWires, 1, 0, 1, a.build(), b.build(), c.build());
        return new BenchCircuit(cs, new Witness(values));
    }

    private static void randomElement(SplittableRandom random, long[] out) {
        do {
            for (int i = 0; i < L; i++) {
                out[i] = random.nextLong();
            }
            out[3] &= 0x3fff_ffff_ffff_ffffL;
        } while (!FR.isCanonical(out, 0));
        FR.toMontgomery(out, 0, out, 0);
    }
}
