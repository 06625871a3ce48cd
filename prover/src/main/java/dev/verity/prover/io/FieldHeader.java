package dev.verity.prover.io;

import dev.verity.prover.field.MontgomeryField;
import java.io.IOException;
import java.math.BigInteger;

/** The {@code u32 n8 | n8 bytes prime} pair that opens the headers of all four binary formats. */
final class FieldHeader {
    private static final int N8 = 32;
    private static final int L = MontgomeryField.LIMBS;

    private FieldHeader() {
    }

    /**
     * Reads the pair and requires the BN254 prime {@code expected}; {@code otherCurve} starts the
     * message when it is another one.
     */
    static void read(SectionInput in, BigInteger expected, String otherCurve) throws IOException {
        long n8 = in.readU32();
        if (n8 != N8) {
            throw in.error(otherCurve + ": field elements of " + n8 + " bytes, BN254 uses " + N8);
        }
        long[] limbs = new long[L];
        in.readLongs(limbs, 0, L);
        BigInteger prime = MontgomeryField.limbsToBigInteger(limbs, 0);
        if (!prime.equals(expected)) {
            throw in.error(otherCurve + ": prime " + prime + ", expected BN254's " + expected);
        }
    }

    static void write(BinFileWriter out, BigInteger prime) throws IOException {
        out.writeU32(N8);
        out.writeLongs(MontgomeryField.toLimbs(prime), 0, L);
    }
}
