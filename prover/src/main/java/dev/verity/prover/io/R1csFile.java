package dev.verity.prover.io;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.r1cs.ConstraintSystem;
import dev.verity.prover.r1cs.SparseMatrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * circom's {@code .r1cs} format, version 1 (iden3 r1csfile):
 *
 * <pre>
 * section 1 header:      u32 n8 (32) | n8 bytes prime | u32 nWires | u32 nPubOut | u32 nPubIn
 *                        | u32 nPrvIn | u64 nLabels | u32 nConstraints
 * section 2 constraints: per constraint, for A, B, C: u32 nTerms, then nTerms x (u32 wire | n8 bytes
 *                        coefficient, plain little-endian integer below the prime)
 * section 3 wire2label:  nWires x u64 label
 * </pre>
 *
 * Only BN254 circuits are accepted. Files with PLONK custom gates (sections 4 and 5) are refused:
 * their gates are not rank-1 constraints, so a Groth16 proof would not enforce them.
 */
public final class R1csFile {
    public static final int HEADER = 1;
    public static final int CONSTRAINTS = 2;
    public static final int WIRE_TO_LABEL = 3;
    private static final int CUSTOM_GATES_LIST = 4;
    private static final int CUSTOM_GATES_USES = 5;

    /** The order circom writes sections in (constraints first). */
    public static final int[] CIRCOM_ORDER = {CONSTRAINTS, HEADER, WIRE_TO_LABEL};
    /** The order snarkjs' r1csfile writes sections in. */
    public static final int[] SNARKJS_ORDER = {HEADER, CONSTRAINTS, WIRE_TO_LABEL};

    private static final int VERSION = 1;
    private static final int L = MontgomeryField.LIMBS;
    private static final String[] MATRIX = {"A", "B", "C"};

    private R1csFile() {
    }

    public static ConstraintSystem read(Path path) throws IOException {
        try (BinFile file = BinFile.open(path, "r1cs", VERSION, VERSION)) {
            if (file.has(CUSTOM_GATES_LIST) || file.has(CUSTOM_GATES_USES)) {
                throw file.error("uses PLONK custom gates, which Groth16 cannot prove");
            }
            Header h = readHeader(file);
            SparseMatrix[] m = readConstraints(file, h);
            long[] labels = readLabels(file, h);
            try {
                return new ConstraintSystem(h.nWires, h.nPubOut, h.nPubIn, h.nPrvIn, h.nLabels, m[0], m[1], m[2],
                        labels);
            } catch (IllegalArgumentException e) {
                throw file.error(e.getMessage());
            }
        }
    }

    private record Header(int nWires, int nPubOut, int nPubIn, int nPrvIn, long nLabels, int nConstraints) {
    }

    private static Header readHeader(BinFile file) throws IOException {
        SectionInput in = file.open(HEADER, "header");
        FieldHeader.read(in, Fr.MODULUS, "circuit is over another curve's field");
        int nWires = in.readU32AtMost(Integer.MAX_VALUE, "nWires");
        int nPubOut = in.readU32AtMost(Integer.MAX_VALUE, "nPubOut");
        int nPubIn = in.readU32AtMost(Integer.MAX_VALUE, "nPubIn");
        int nPrvIn = in.readU32AtMost(Integer.MAX_VALUE, "nPrvIn");
        long nLabels = in.readU64("nLabels");
        int nConstraints = in.readU32AtMost(Integer.MAX_VALUE - 1, "nConstraints");
        in.expectEnd();
        if (nWires < 1 || 1L + nPubOut + nPubIn + nPrvIn > nWires) {
            throw in.error("nWires " + nWires + " cannot hold the one wire, " + nPubOut + " outputs, " + nPubIn
                    + " public and " + nPrvIn + " private inputs");
        }
        return new Header(nWires, nPubOut, nPubIn, nPrvIn, nLabels, nConstraints);
    }

    private static SparseMatrix[] readConstraints(BinFile file, Header h) throws IOException {
        SparseMatrix.Builder[] builders = {new SparseMatrix.Builder(), new SparseMatrix.Builder(),
            new SparseMatrix.Builder()};
        long[] coefficient = new long[L];
        SectionInput in = file.open(CONSTRAINTS, "constraints");
        for (int c = 0; c < h.nConstraints; c++) {
            for (int m = 0; m < 3; m++) {
                long nTerms = in.readU32();
                for (long t = 0; t < nTerms; t++) {
                    long wire = in.readU32();
                    if (wire >= h.nWires) {
                        throw in.error("constraint " + c + " (" + MATRIX[m] + ") uses wire " + wire + " but nWires is "
                                + h.nWires);
                    }
                    in.readLongs(coefficient, 0, L);
                    if (!Fr.FIELD.isCanonical(coefficient, 0)) {
                        throw in.error("constraint " + c + " (" + MATRIX[m] + "): coefficient of wire " + wire
                                + " is not below r: " + MontgomeryField.limbsToBigInteger(coefficient, 0));
                    }
                    Fr.FIELD.toMontgomery(coefficient, 0, coefficient, 0);
                    try {
                        builders[m].addTerm((int) wire, coefficient, 0);
                    } catch (IllegalStateException e) {
                        throw in.error("too large for this implementation: " + e.getMessage());
                    }
                }
                builders[m].endRow();
            }
        }
        in.expectEnd();
        return new SparseMatrix[] {builders[0].build(), builders[1].build(), builders[2].build()};
    }

    private static long[] readLabels(BinFile file, Header h) throws IOException {
        SectionInput in = file.open(WIRE_TO_LABEL, "wire to label map");
        if (in.remaining() != 8L * h.nWires) {
            throw in.error("has " + in.remaining() + " bytes, expected 8 x nWires = " + 8L * h.nWires);
        }
        long[] labels = new long[h.nWires];
        in.readLongs(labels, 0, h.nWires);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw in.error("label of wire " + i + " is " + Long.toUnsignedString(labels[i]) + ", too large");
            }
        }
        return labels;
    }

    /** Writes {@code cs} with the sections in circom's order. */
    public static void write(ConstraintSystem cs, Path path) throws IOException {
        write(cs, path, CIRCOM_ORDER);
    }

    /** Writes {@code cs} with the three sections in {@code order}, a permutation of 1, 2, 3. */
    public static void write(ConstraintSystem cs, Path path, int[] order) throws IOException {
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        if (!Arrays.equals(sorted, SNARKJS_ORDER)) {
            throw new IllegalArgumentException("section order must be a permutation of 1, 2, 3: "
                    + Arrays.toString(order));
        }
        try (BinFileWriter out = BinFileWriter.create(path, "r1cs", VERSION, order.length)) {
            for (int section : order) {
                out.beginSection(section);
                switch (section) {
                    case HEADER -> writeHeader(out, cs);
                    case CONSTRAINTS -> writeConstraints(out, cs);
                    default -> out.writeLongs(cs.wireLabels(), 0, cs.nWires());
                }
                out.endSection();
            }
            out.finish();
        }
    }

    private static void writeHeader(BinFileWriter out, ConstraintSystem cs) throws IOException {
        FieldHeader.write(out, Fr.MODULUS);
        out.writeU32(cs.nWires());
        out.writeU32(cs.nPubOut());
        out.writeU32(cs.nPubIn());
        out.writeU32(cs.nPrvIn());
        out.writeLong(cs.nLabels());
        out.writeU32(cs.nConstraints());
    }

    private static void writeConstraints(BinFileWriter out, ConstraintSystem cs) throws IOException {
        SparseMatrix[] m = {cs.a(), cs.b(), cs.c()};
        long[] plain = new long[L];
        for (int c = 0; c < cs.nConstraints(); c++) {
            for (SparseMatrix matrix : m) {
                int from = matrix.rowStart()[c];
                int to = matrix.rowStart()[c + 1];
                out.writeU32(to - from);
                for (int t = from; t < to; t++) {
                    out.writeU32(matrix.wires()[t]);
                    Fr.FIELD.fromMontgomery(matrix.coefficients(), L * t, plain, 0);
                    out.writeLongs(plain, 0, L);
                }
            }
        }
    }
}
