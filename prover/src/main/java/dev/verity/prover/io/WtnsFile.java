package dev.verity.prover.io;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.r1cs.Witness;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code .wtns} witness format (circom witness calculator / snarkjs), version 2:
 *
 * <pre>
 * section 1 header: u32 n8 (32) | n8 bytes prime (r) | u32 nWitness
 * section 2 values: nWitness x n8 bytes, plain little-endian integers below r
 * </pre>
 *
 * Version 1 files have the same layout and are read too, as snarkjs does.
 */
public final class WtnsFile {
    public static final int HEADER = 1;
    public static final int VALUES = 2;
    private static final int VERSION = 2;
    private static final int L = MontgomeryField.LIMBS;

    private WtnsFile() {
    }

    public static Witness read(Path path) throws IOException {
        try (BinFile file = BinFile.open(path, "wtns", 1, VERSION)) {
            SectionInput header = file.open(HEADER, "header");
            FieldHeader.read(header, Fr.MODULUS, "witness is over another curve's field");
            int n = header.readU32AtMost(Integer.MAX_VALUE / L, "nWitness");
            header.expectEnd();
            long[] limbs = new long[L * n];
            SectionInput values = file.open(VALUES, "values");
            if (values.remaining() != 32L * n) {
                throw values.error("has " + values.remaining() + " bytes, expected 32 x nWitness = " + 32L * n);
            }
            values.readLongs(limbs, 0, limbs.length);
            try {
                return new Witness(limbs);
            } catch (IllegalArgumentException e) {
                throw file.error(e.getMessage());
            }
        }
    }

    public static void write(Witness witness, Path path) throws IOException {
        try (BinFileWriter out = BinFileWriter.create(path, "wtns", VERSION, 2)) {
            out.beginSection(HEADER);
            FieldHeader.write(out, Fr.MODULUS);
            out.writeU32(witness.size());
            out.endSection();
            out.beginSection(VALUES);
            out.writeLongs(witness.limbs(), 0, witness.limbs().length);
            out.endSection();
            out.finish();
        }
    }
}
