package dev.verity.prover.groth16;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.r1cs.ConstraintSystem;
import dev.verity.prover.r1cs.SparseMatrix;

/**
 * What every Groth16 key of a circuit shares, whoever makes it: the domain size and the sparse
 * A/B coefficients the prover evaluates, laid out as {@code snarkjs groth16 setup} lays them out.
 */
public final class CircuitShape {
    private static final int L = MontgomeryField.LIMBS;

    private CircuitShape() {
    }

    /**
     * log2 of the domain: the smallest power of two holding the constraints plus one extra row per
     * public signal and the constant wire (snarkjs' "x_s * 0 = 0" rows that bind public inputs).
     */
    public static int domainLog2(ConstraintSystem cs) {
        long rows = (long) cs.nConstraints() + cs.nPublic() + 1;
        // snarkjs: 2^(floor(log2(rows - 1)) + 1), which is 2 (not 1) for a single row
        int log2 = Math.max(1, 64 - Long.numberOfLeadingZeros(rows - 1));
        if (log2 > 28) {
            throw new IllegalArgumentException("circuit too large: " + rows + " rows need a domain of 2^" + log2
                    + ", above BN254's 2-adicity of 28");
        }
        return log2;
    }

    /**
     * Section 4 of a zkey: for each constraint its A terms then its B terms, then A[nCons + s][s] = 1
     * for s = 0..nPublic. Each value is stored as c * R^2 mod r (see {@link Zkey.Coefficients}).
     */
    static Zkey.Coefficients coefficients(ConstraintSystem cs) {
        SparseMatrix a = cs.a();
        SparseMatrix b = cs.b();
        int nCons = cs.nConstraints();
        int nPublic = cs.nPublic();
        int count = a.terms() + b.terms() + nPublic + 1;
        int[] matrix = new int[count];
        int[] constraint = new int[count];
        int[] signal = new int[count];
        long[] value = new long[L * count];
        int k = 0;
        for (int row = 0; row < nCons; row++) {
            k = copyRow(a, 0, row, matrix, constraint, signal, value, k);
            k = copyRow(b, 1, row, matrix, constraint, signal, value, k);
        }
        long[] one = Fr.FIELD.one();
        for (int s = 0; s <= nPublic; s++, k++) {
            matrix[k] = 0;
            constraint[k] = nCons + s;
            signal[k] = s;
            Fr.FIELD.toMontgomery(one, 0, value, L * k);
        }
        return new Zkey.Coefficients(matrix, constraint, signal, value);
    }

    private static int copyRow(SparseMatrix m, int id, int row, int[] matrix, int[] constraint, int[] signal,
            long[] value, int k) {
        int[] start = m.rowStart();
        int[] wires = m.wires();
        long[] coefficients = m.coefficients();
        for (int t = start[row]; t < start[row + 1]; t++, k++) {
            matrix[k] = id;
            constraint[k] = row;
            signal[k] = wires[t];
            // Montgomery(c) = c R; one more Montgomery conversion gives c R^2.
            Fr.FIELD.toMontgomery(coefficients, L * t, value, L * k);
        }
        return k;
    }
}
