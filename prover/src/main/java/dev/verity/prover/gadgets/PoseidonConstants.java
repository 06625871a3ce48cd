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
 * circomlib's Poseidon parameters over BN254 (the constants of circomlibjs, made with the
 * Poseidon authors' Grain-LFSR script): 8 full rounds, a number of partial rounds that depends
 * on the width, round constants and an MDS matrix per width t = inputs + 1, for 1 to 16 inputs.
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

    /** Parameters of one width. */
    static final class Width {
        final int t;
        final int partialRounds;
        /** Round constants, Montgomery form, {@code t} per round. */
        final long[] roundConstants;
        /** MDS matrix, Montgomery form, row by row. */
        final long[] mds;
        /** The same constants as integers, for building linear combinations. */
        final BigInteger[] roundConstantValues;
        final BigInteger[] mdsValues;

        private Width(int t, int partialRounds, BigInteger[] c, BigInteger[] m) {
            this.t = t;
            this.partialRounds = partialRounds;
            this.roundConstantValues = c;
            this.mdsValues = m;
            this.roundConstants = montgomery(c);
            this.mds = montgomery(m);
        }

        int rounds() {
            return FULL_ROUNDS + partialRounds;
        }

        boolean isFullRound(int round) {
            return round < FULL_ROUNDS / 2 || round >= FULL_ROUNDS / 2 + partialRounds;
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
                int t = i + 2;
                BigInteger[] c = readValues(in, t * (FULL_ROUNDS + PARTIAL_ROUNDS[i]));
                BigInteger[] m = readValues(in, t * t);
                out[i] = new Width(t, PARTIAL_ROUNDS[i], c, m);
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
