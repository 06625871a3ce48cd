package dev.verity.prover.gadgets;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * circomlib's Poseidon parameters over BN254 for width t = inputs + 1, 1 to 16 inputs: 8 full
 * rounds and a width-dependent number of partial rounds, in the optimized form circomlib's
 * circuit and circomlibjs use (from the Poseidon authors' Grain-LFSR constants, with neptune's
 * sparse partial-round matrices):
 *
 * <ul>
 *   <li>{@code C}: round constants, {@code 8t + partialRounds};
 *   <li>{@code S}: the sparse partial-round matrices, {@code 2t - 1} per partial round;
 *   <li>{@code M}: the MDS matrix; {@code P}: the matrix applied before the partial rounds.
 * </ul>
 *
 * <p>They are read from {@code poseidon-bn254.bin}, written by {@code interop/poseidon-constants.mjs}
 * from the circomlibjs package (see that script for the layout).
 */
final class PoseidonConstants {
    static final int FULL_ROUNDS = 8;
    static final int MAX_INPUTS = 16;
    /** Partial rounds for t = 2 .. 17, as in circomlib. */
    private static final int[] PARTIAL_ROUNDS = {56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68};
    private static final int L = MontgomeryField.LIMBS;
    private static final String RESOURCE = "poseidon-bn254.bin";

    /** Parameters of one width: each array both as Montgomery limbs (native) and as integers (circuits). */
    static final class Width {
        final int t;
        final int partialRounds;
        final long[] c;
        final long[] s;
        final long[] m;
        final long[] p;
        final BigInteger[] cValues;
        final BigInteger[] sValues;
        final BigInteger[] mValues;
        final BigInteger[] pValues;

        private Width(int t, int partialRounds, BigInteger[] c, BigInteger[] s, BigInteger[] m, BigInteger[] p) {
            this.t = t;
            this.partialRounds = partialRounds;
            this.cValues = c;
            this.sValues = s;
            this.mValues = m;
            this.pValues = p;
            this.c = montgomery(c);
            this.s = montgomery(s);
            this.m = montgomery(m);
            this.p = montgomery(p);
        }

        private static long[] montgomery(BigInteger[] values) {
            long[] out = new long[L * values.length];
            for (int i = 0; i < values.length; i++) {
                Fr.FIELD.fromBigInteger(values[i], out, L * i);
            }
            return out;
        }
    }

    private static final Width[] WIDTHS = load();

    private PoseidonConstants() {
    }

    /** Parameters for {@code inputs} inputs (width {@code inputs + 1}). */
    static Width forInputs(int inputs) {
        if (inputs < 1 || inputs > MAX_INPUTS) {
            throw new IllegalArgumentException("Poseidon takes 1 to " + MAX_INPUTS + " inputs, got " + inputs);
        }
        return WIDTHS[inputs - 1];
    }

    private static Width[] load() {
        try (InputStream raw = PoseidonConstants.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            DataInputStream in = new DataInputStream(raw);
            byte[] magic = new byte[4];
            in.readFully(magic);
            int widths = Integer.reverseBytes(in.readInt());
            if (!"vpos".equals(new String(magic, StandardCharsets.US_ASCII)) || widths != PARTIAL_ROUNDS.length) {
                throw new IllegalStateException(RESOURCE + " is not a Poseidon constants file for 16 widths");
            }
            Width[] out = new Width[widths];
            for (int i = 0; i < widths; i++) {
                int t = Integer.reverseBytes(in.readInt());
                int partial = Integer.reverseBytes(in.readInt());
                if (t != i + 2 || partial != PARTIAL_ROUNDS[i]) {
                    throw new IllegalStateException(RESOURCE + ": width " + (i + 2) + " has header t=" + t
                            + ", partial rounds " + partial);
                }
                BigInteger[] c = readValues(in, t * FULL_ROUNDS + partial);
                BigInteger[] s = readValues(in, (2 * t - 1) * partial);
                BigInteger[] m = readValues(in, t * t);
                BigInteger[] p = readValues(in, t * t);
                out[i] = new Width(t, partial, c, s, m, p);
            }
            if (in.read() != -1) {
                throw new IllegalStateException(RESOURCE + " has trailing bytes");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static BigInteger[] readValues(DataInputStream in, int n) throws IOException {
        BigInteger[] out = new BigInteger[n];
        byte[] bytes = new byte[32];
        long[] limbs = new long[L];
        for (int k = 0; k < n; k++) {
            in.readFully(bytes);
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(limbs);
            out[k] = MontgomeryField.limbsToBigInteger(limbs, 0);
            if (!Fr.FIELD.isCanonical(out[k])) {
                throw new IllegalStateException(RESOURCE + ": constant " + k + " is not below r");
            }
        }
        return out;
    }
}
