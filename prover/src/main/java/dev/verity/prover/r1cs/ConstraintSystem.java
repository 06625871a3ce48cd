package dev.verity.prover.r1cs;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;

/**
 * A rank-1 constraint system over the BN254 scalar field Fr: constraints
 * {@code <A_i, w> * <B_i, w> = <C_i, w>} for i in {@code 0 .. nConstraints-1}.
 *
 * <p>Wire order is circom's: 0 is the constant one, then {@code nPubOut} public outputs,
 * {@code nPubIn} public inputs, {@code nPrvIn} private inputs, then internal wires. The public
 * signals of a Groth16 proof are wires {@code 1 .. nPubOut + nPubIn}.
 *
 * <p>{@code wireLabels[i]} is the circom label (signal id in the {@code .sym} file) of wire i and
 * {@code nLabels} the number of labels; both only matter for writing {@code .r1cs} files back.
 */
public final class ConstraintSystem {
    private static final int L = MontgomeryField.LIMBS;

    private final int nWires;
    private final int nPubOut;
    private final int nPubIn;
    private final int nPrvIn;
    private final long nLabels;
    private final SparseMatrix a;
    private final SparseMatrix b;
    private final SparseMatrix c;
    private final long[] wireLabels;

    /** Takes ownership of the matrices and {@code wireLabels} (length {@code nWires}). */
    public ConstraintSystem(int nWires, int nPubOut, int nPubIn, int nPrvIn, long nLabels,
            SparseMatrix a, SparseMatrix b, SparseMatrix c, long[] wireLabels) {
        if (nWires < 1 || nPubOut < 0 || nPubIn < 0 || nPrvIn < 0
                || 1L + nPubOut + nPubIn + nPrvIn > nWires) {
            throw new IllegalArgumentException("wire counts do not fit: nWires " + nWires + ", nPubOut " + nPubOut
                    + ", nPubIn " + nPubIn + ", nPrvIn " + nPrvIn + " (the one wire, outputs and inputs must fit)");
        }
        if (a.rows() != b.rows() || a.rows() != c.rows()) {
            throw new IllegalArgumentException("A, B, C have " + a.rows() + ", " + b.rows() + ", " + c.rows()
                    + " rows; they must be equal");
        }
        checkWires("A", a, nWires);
        checkWires("B", b, nWires);
        checkWires("C", c, nWires);
        if (wireLabels.length != nWires) {
            throw new IllegalArgumentException("wireLabels has " + wireLabels.length + " entries for " + nWires
                    + " wires");
        }
        if (nLabels < 0) {
            throw new IllegalArgumentException("negative nLabels");
        }
        for (int i = 0; i < nWires; i++) {
            if (wireLabels[i] < 0) {
                throw new IllegalArgumentException("negative label for wire " + i);
            }
        }
        this.nWires = nWires;
        this.nPubOut = nPubOut;
        this.nPubIn = nPubIn;
        this.nPrvIn = nPrvIn;
        this.nLabels = nLabels;
        this.a = a;
        this.b = b;
        this.c = c;
        this.wireLabels = wireLabels;
    }

    /** A system whose wires are their own labels (wire i has label i), as for circuits built in Java. */
    public ConstraintSystem(int nWires, int nPubOut, int nPubIn, int nPrvIn, SparseMatrix a, SparseMatrix b,
            SparseMatrix c) {
        this(nWires, nPubOut, nPubIn, nPrvIn, nWires, a, b, c, identity(nWires));
    }

    private static long[] identity(int n) {
        long[] out = new long[Math.max(n, 0)];
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        return out;
    }

    private static void checkWires(String name, SparseMatrix m, int nWires) {
        if (m.wireBound() > nWires) {
            throw new IllegalArgumentException(name + " uses wire " + (m.wireBound() - 1) + " but there are only "
                    + nWires + " wires");
        }
    }

    public int nWires() {
        return nWires;
    }

    public int nPubOut() {
        return nPubOut;
    }

    public int nPubIn() {
        return nPubIn;
    }

    public int nPrvIn() {
        return nPrvIn;
    }

    /** Public signals of a proof: outputs plus public inputs (not counting the one wire). */
    public int nPublic() {
        return nPubOut + nPubIn;
    }

    public long nLabels() {
        return nLabels;
    }

    public int nConstraints() {
        return a.rows();
    }

    public SparseMatrix a() {
        return a;
    }

    public SparseMatrix b() {
        return b;
    }

    public SparseMatrix c() {
        return c;
    }

    /** Label of each wire; do not modify. */
    public long[] wireLabels() {
        return wireLabels;
    }

    /**
     * Index of the first constraint the witness violates, or -1 when it satisfies all of them.
     *
     * @throws IllegalArgumentException if the witness does not have one value per wire
     */
    public int firstUnsatisfied(Witness witness) {
        if (witness.size() != nWires) {
            throw new IllegalArgumentException("witness has " + witness.size() + " values, the circuit has "
                    + nWires + " wires");
        }
        long[] w = witness.limbs();
        long[] t = new long[5 * L]; // <A,w>, <B,w>, <C,w>, product, term scratch
        MontgomeryField f = Fr.FIELD;
        for (int i = 0; i < nConstraints(); i++) {
            evaluate(a, i, w, t, 0);
            evaluate(b, i, w, t, L);
            evaluate(c, i, w, t, 2 * L);
            // plain <A,w> to Montgomery, times plain <B,w>, gives the plain product
            f.toMontgomery(t, 0, t, 0);
            f.mul(t, 0, t, L, t, 3 * L);
            if (!MontgomeryField.equal(t, 3 * L, t, 2 * L)) {
                return i;
            }
        }
        return -1;
    }

    public boolean isSatisfiedBy(Witness witness) {
        return firstUnsatisfied(witness) < 0;
    }

    /**
     * Writes the plain value of row {@code row} of {@code m} applied to the plain witness to
     * {@code out[oo..]}: each Montgomery coefficient times a plain value, Montgomery-multiplied,
     * is the plain product. Uses {@code out[4L..5L)} as scratch.
     */
    private static void evaluate(SparseMatrix m, int row, long[] w, long[] out, int oo) {
        MontgomeryField f = Fr.FIELD;
        long[] coefficients = m.coefficients();
        int[] wires = m.wires();
        int end = m.rowStart()[row + 1];
        f.setZero(out, oo);
        for (int t = m.rowStart()[row]; t < end; t++) {
            f.mul(coefficients, L * t, w, L * wires[t], out, 4 * L);
            f.add(out, oo, out, 4 * L, out, oo);
        }
    }
}
