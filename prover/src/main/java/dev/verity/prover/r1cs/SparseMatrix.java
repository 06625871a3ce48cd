package dev.verity.prover.r1cs;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.util.Arrays;

/**
 * One of the A, B, C matrices of a rank-1 constraint system in compressed sparse row form:
 * row {@code i} (constraint {@code i}) has the terms {@code rowStart[i] .. rowStart[i+1]-1};
 * term {@code t} is wire {@code wires[t]} with coefficient {@code coefficients[4t .. 4t+3]}, an
 * Fr element in Montgomery form.
 *
 * <p>Terms keep the order they were added in (circom sorts them by wire), so files read and
 * written back are byte-identical. Instances are immutable by contract: the accessors return
 * the backing arrays for hot loops, which must not modify them.
 */
public final class SparseMatrix {
    private static final int L = MontgomeryField.LIMBS;

    private final int[] rowStart;
    private final int[] wires;
    private final long[] coefficients;

    /**
     * Takes ownership of the arrays (no copy). {@code rowStart} has one entry per row plus a final
     * one equal to the number of terms.
     */
    public SparseMatrix(int[] rowStart, int[] wires, long[] coefficients) {
        if (rowStart.length == 0 || rowStart[0] != 0) {
            throw new IllegalArgumentException("rowStart must start with 0");
        }
        for (int i = 1; i < rowStart.length; i++) {
            if (rowStart[i] < rowStart[i - 1]) {
                throw new IllegalArgumentException("rowStart decreases at row " + (i - 1));
            }
        }
        int terms = rowStart[rowStart.length - 1];
        if (wires.length != terms || coefficients.length != (long) L * terms) {
            throw new IllegalArgumentException("expected " + terms + " terms, got " + wires.length + " wires and "
                    + coefficients.length / L + " coefficients");
        }
        for (int t = 0; t < terms; t++) {
            if (wires[t] < 0) {
                throw new IllegalArgumentException("negative wire id in term " + t);
            }
            if (!Fr.FIELD.isCanonical(coefficients, L * t)) {
                throw new IllegalArgumentException("coefficient of term " + t + " is not below r");
            }
        }
        this.rowStart = rowStart;
        this.wires = wires;
        this.coefficients = coefficients;
    }

    public int rows() {
        return rowStart.length - 1;
    }

    public int terms() {
        return wires.length;
    }

    /** Row starts, length {@code rows() + 1}; do not modify. */
    public int[] rowStart() {
        return rowStart;
    }

    /** Wire of each term; do not modify. */
    public int[] wires() {
        return wires;
    }

    /** Coefficient of each term, 4 limbs each, Montgomery form; do not modify. */
    public long[] coefficients() {
        return coefficients;
    }

    /** Largest wire id used plus one (0 for an empty matrix). */
    int wireBound() {
        int max = -1;
        for (int w : wires) {
            max = Math.max(max, w);
        }
        return max + 1;
    }

    /**
     * Accumulates a matrix row by row with amortized growth, for readers and circuit builders
     * that do not know the number of terms in advance.
     */
    public static final class Builder {
        /** The coefficient array (4 longs per term) must stay within Java's array size limit. */
        private static final int MAX_TERMS = (Integer.MAX_VALUE - 8) / L;

        private int[] rowStart = new int[16];
        private int rows;
        private int[] wires = new int[16];
        private long[] coefficients = new long[16 * L];
        private int terms;

        /** Adds a term to the current row; the coefficient is 4 Montgomery limbs at {@code off}. */
        public Builder addTerm(int wire, long[] coefficient, int off) {
            if (terms == wires.length) {
                if (terms == MAX_TERMS) {
                    throw new IllegalStateException("more than " + MAX_TERMS + " terms in one matrix");
                }
                int grown = (int) Math.min(MAX_TERMS, 2L * terms);
                wires = Arrays.copyOf(wires, grown);
                coefficients = Arrays.copyOf(coefficients, L * grown);
            }
            wires[terms] = wire;
            System.arraycopy(coefficient, off, coefficients, L * terms, L);
            terms++;
            return this;
        }

        /** Closes the current row; the next terms go to the next row. */
        public Builder endRow() {
            if (rows + 1 == rowStart.length) {
                rowStart = Arrays.copyOf(rowStart, 2 * rowStart.length);
            }
            rows++;
            rowStart[rows] = terms;
            return this;
        }

        public SparseMatrix build() {
            return new SparseMatrix(Arrays.copyOf(rowStart, rows + 1), Arrays.copyOf(wires, terms),
                    Arrays.copyOf(coefficients, L * terms));
        }
    }
}
