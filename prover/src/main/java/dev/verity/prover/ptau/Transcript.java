package dev.verity.prover.ptau;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Section 7 of a {@code .ptau} file, the list of {@link Contribution}s, read and written byte for
 * byte as snarkjs does:
 * <pre>
 * u32 n, then per contribution:
 *   G1 tauG1 | G2 tauG2 | G1 alphaG1 | G1 betaG1 | G2 betaG2       (file encoding)
 *   public key (768 bytes, file encoding) | 216-byte partial hash | 64-byte next challenge
 *   u32 type (0 contribution, 1 beacon) | u32 paramsLength | params
 * params: sorted type-length-value bytes: 1 name (len, UTF-8), 2 beacon iterations exponent (1
 * byte), 3 beacon hash (len, bytes).
 * </pre>
 */
public final class Transcript {
    private static final int G1_BYTES = G1.AFFINE * 8;
    private static final int G2_BYTES = G2.AFFINE * 8;
    private static final int NAME_UNITS = 64;

    private Transcript() {
    }

    /**
     * Parses a section 7 body.
     *
     * @throws IllegalArgumentException saying what is wrong (truncation, invalid points, bad
     *     parameters, trailing bytes)
     */
    public static List<Contribution> parse(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        try {
            long count = Integer.toUnsignedLong(in.getInt());
            List<Contribution> result = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                result.add(parseOne(in, (int) i + 1));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("contributions section has " + in.remaining() + " bytes after "
                        + count + " contributions");
            }
            return result;
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("contributions section is truncated");
        }
    }

    private static Contribution parseOne(ByteBuffer in, int id) {
        String what = "contribution #" + id;
        long[] tauG1 = g1(in, what);
        long[] tauG2 = g2(in, what);
        long[] alphaG1 = g1(in, what);
        long[] betaG1 = g1(in, what);
        long[] betaG2 = g2(in, what);
        byte[] keyBytes = bytes(in, PublicKey.BYTES);
        PublicKey key;
        try {
            key = PublicKey.fromBytes(keyBytes, 0, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
        byte[] partialHash = bytes(in, Blake2b.STATE_BYTES);
        byte[] nextChallenge = bytes(in, Blake2b.DIGEST_BYTES);
        int typeCode = in.getInt();
        if (typeCode != 0 && typeCode != 1) {
            throw new IllegalArgumentException(what + ": unknown type " + Integer.toUnsignedString(typeCode));
        }
        int paramsLength = in.getInt();
        if (paramsLength < 0 || paramsLength > in.remaining()) {
            throw new IllegalArgumentException(what + ": parameters run past the end of the section");
        }
        ByteBuffer params = in.slice(in.position(), paramsLength);
        in.position(in.position() + paramsLength);
        String name = null;
        int iterationsExp = 0;
        byte[] beaconHash = null;
        int lastParam = 0;
        while (params.hasRemaining()) {
            int param = params.get() & 0xFF;
            if (param <= lastParam) {
                throw new IllegalArgumentException(what + ": parameters must be sorted and not repeated");
            }
            lastParam = param;
            switch (param) {
                case 1 -> name = new String(bytes(params, params.get() & 0xFF), StandardCharsets.UTF_8);
                case 2 -> iterationsExp = params.get() & 0xFF;
                case 3 -> beaconHash = bytes(params, params.get() & 0xFF);
                default -> throw new IllegalArgumentException(what + ": unknown parameter " + param);
            }
        }
        Contribution.Type type = typeCode == 1 ? Contribution.Type.BEACON : Contribution.Type.CONTRIBUTION;
        try {
            return new Contribution(tauG1, tauG2, alphaG1, betaG1, betaG2, key, partialHash, nextChallenge, type,
                    name, iterationsExp, beaconHash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
    }

    /** The section 7 body for {@code contributions}. */
    public static byte[] serialize(List<Contribution> contributions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeU32(out, contributions.size());
        for (Contribution c : contributions) {
            writePoints(out, c.tauG1());
            writePoints(out, c.tauG2());
            writePoints(out, c.alphaG1());
            writePoints(out, c.betaG1());
            writePoints(out, c.betaG2());
            out.writeBytes(c.key().toBytes(true));
            out.writeBytes(c.partialHash());
            out.writeBytes(c.nextChallenge());
            writeU32(out, c.type() == Contribution.Type.BEACON ? 1 : 0);
            byte[] params = params(c);
            writeU32(out, params.length);
            out.writeBytes(params);
        }
        return out.toByteArray();
    }

    /** The name as snarkjs stores it: its first 64 UTF-16 units, UTF-8 encoded. */
    static String truncateName(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return name.length() <= NAME_UNITS ? name : name.substring(0, NAME_UNITS);
    }

    /** Length of a contribution's parameter bytes, the last field of its record. */
    static int paramsLength(Contribution c) {
        return params(c).length;
    }

    private static byte[] params(Contribution c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (c.name() != null && !c.name().isEmpty()) {
            byte[] name = c.name().getBytes(StandardCharsets.UTF_8);
            if (name.length > 255) {
                throw new IllegalArgumentException("contribution name is longer than 255 bytes in UTF-8");
            }
            out.write(1);
            out.write(name.length);
            out.writeBytes(name);
        }
        if (c.type() == Contribution.Type.BEACON) {
            out.write(2);
            out.write(c.iterationsExp());
            out.write(3);
            out.write(c.beaconHash().length);
            out.writeBytes(c.beaconHash());
        }
        return out.toByteArray();
    }

    private static long[] g1(ByteBuffer in, String what) {
        long[] p = new long[G1.AFFINE];
        LemPoints.fromLittleEndian(bytes(in, G1_BYTES), 0, p);
        LemPoints.requireValidG1(p, what);
        return p;
    }

    private static long[] g2(ByteBuffer in, String what) {
        long[] p = new long[G2.AFFINE];
        LemPoints.fromLittleEndian(bytes(in, G2_BYTES), 0, p);
        LemPoints.requireValidG2(p, what);
        return p;
    }

    private static byte[] bytes(ByteBuffer in, int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static void writePoints(ByteArrayOutputStream out, long[] limbs) {
        byte[] b = new byte[limbs.length * 8];
        LemPoints.toLittleEndian(limbs, b, 0);
        out.writeBytes(b);
    }

    private static void writeU32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
