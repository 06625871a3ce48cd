package dev.verity.prover.groth16;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.r1cs.SparseMatrix;

/**
 * A constraint matrix by columns (wires): for wire s, the rows it appears in and its
 * coefficients there, so that key generation can form sum_rows coef * P[row] for each wire.
 * Optionally extended with snarkjs' public-input rows A[nCons + s][s] = 1 for s = 0..nPublic.
 */
final class SparseColumns {
    private static final int L = MontgomeryField.LIMBS;

    final int[] columnStart;
    final int[] rows;
    /** Plain (not Montgomery) coefficient limbs, four per entry. */
    final long[] coefficients;

    private SparseColumns(int[] columnStart, int[] rows, long[] coefficients) {
        this.columnStart = columnStart;
        this.rows = rows;
        this.coefficients = coefficients;
    }

    static SparseColumns of(SparseMatrix m, int nWires) {
        return of(m, nWires, -1);
    }

    /** With the public-input rows for wires 0..nPublic appended after the matrix's rows. */
    static SparseColumns withPublicRows(SparseMatrix m, int nWires, int nPublic) {
        return of(m, nWires, nPublic);
    }

    private static SparseColumns of(SparseMatrix m, int nWires, int nPublic) {
        int[] start = m.rowStart();
        int[] wires = m.wires();
        long[] values = m.coefficients();
        int extra = nPublic + 1;
        int total = m.terms() + extra;
        int[] columnStart = new int[nWires + 1];
        for (int wire : wires) {
            columnStart[wire + 1]++;
        }
        for (int s = 0; s < extra; s++) {
            columnStart[s + 1]++;
        }
        for (int s = 0; s < nWires; s++) {
            columnStart[s + 1] += columnStart[s];
        }
        int[] fill = columnStart.clone();
        int[] rows = new int[total];
        long[] coefficients = new long[L * total];
        for (int row = 0; row < m.rows(); row++) {
            for (int k = start[row]; k < start[row + 1]; k++) {
                int at = fill[wires[k]]++;
                rows[at] = row;
                Fr.FIELD.fromMontgomery(values, L * k, coefficients, L * at);
            }
        }
        for (int s = 0; s < extra; s++) {
            int at = fill[s]++;
            rows[at] = m.rows() + s;
            coefficients[L * at] = 1;
        }
        return new SparseColumns(columnStart, rows, coefficients);
    }
}
