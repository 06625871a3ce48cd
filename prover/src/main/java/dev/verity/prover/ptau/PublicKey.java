package dev.verity.prover.ptau;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;

/**
 * The public half of a contribution's key: for each of tau, alpha and beta, a random G1 point
 * s, [x] s (x the secret), and [x] of a G2 point derived from the challenge and those two
 * ({@link KeyPair#proofPoint}), which together prove knowledge of x.
 *
 * <p>Serialized as snarkjs does: the six G1 points (tau s, tau sx, alpha s, alpha sx, beta s,
 * beta sx) then the three G2 points (tau, alpha, beta spx), 768 bytes, either in the file's
 * Montgomery little-endian encoding (section 7) or uncompressed big-endian (hashes, responses).
 */
public record PublicKey(Part tau, Part alpha, Part beta) {
    public static final int BYTES = 6 * G1.AFFINE * 8 + 3 * G2.AFFINE * 8;

    /** One secret's proof of knowledge; points affine. */
    public record Part(long[] g1s, long[] g1sx, long[] g2spx) {
    }

    public byte[] toBytes(boolean montgomery) {
        long[] g1 = new long[6 * G1.AFFINE];
        long[] g2 = new long[3 * G2.AFFINE];
        Part[] parts = {tau, alpha, beta};
        for (int i = 0; i < 3; i++) {
            System.arraycopy(parts[i].g1s, 0, g1, (2 * i) * G1.AFFINE, G1.AFFINE);
            System.arraycopy(parts[i].g1sx, 0, g1, (2 * i + 1) * G1.AFFINE, G1.AFFINE);
            System.arraycopy(parts[i].g2spx, 0, g2, i * G2.AFFINE, G2.AFFINE);
        }
        byte[] out = new byte[BYTES];
        if (montgomery) {
            LemPoints.toLittleEndian(g1, out, 0);
            LemPoints.toLittleEndian(g2, out, 6 * G1.AFFINE * 8);
        } else {
            PointEncodings codec = new PointEncodings();
            codec.g1ToUncompressed(g1, 0, 6, out, 0);
            codec.g2ToUncompressed(g2, 0, 3, out, 6 * PointEncodings.G1_UNCOMPRESSED);
        }
        return out;
    }

    /**
     * Reads a key serialized by {@link #toBytes}; points are checked to be on their curves (and G2
     * points in the subgroup).
     *
     * @throws IllegalArgumentException for a point that is not valid
     */
    public static PublicKey fromBytes(byte[] in, int offset, boolean montgomery) {
        long[] g1 = new long[6 * G1.AFFINE];
        long[] g2 = new long[3 * G2.AFFINE];
        if (montgomery) {
            LemPoints.fromLittleEndian(in, offset, g1);
            LemPoints.fromLittleEndian(in, offset + 6 * G1.AFFINE * 8, g2);
            LemPoints.requireValidG1(g1, "public key");
            LemPoints.requireValidG2(g2, "public key");
        } else {
            PointEncodings codec = new PointEncodings();
            codec.g1FromUncompressed(in, offset, 6, g1, 0);
            codec.g2FromUncompressed(in, offset + 6 * PointEncodings.G1_UNCOMPRESSED, 3, g2, 0);
            LemPoints.requireValidG2(g2, "public key");
        }
        return new PublicKey(part(g1, g2, 0), part(g1, g2, 1), part(g1, g2, 2));
    }

    private static Part part(long[] g1, long[] g2, int i) {
        return new Part(slice(g1, 2 * i * G1.AFFINE, G1.AFFINE), slice(g1, (2 * i + 1) * G1.AFFINE, G1.AFFINE),
                slice(g2, i * G2.AFFINE, G2.AFFINE));
    }

    private static long[] slice(long[] a, int from, int length) {
        return java.util.Arrays.copyOfRange(a, from, from + length);
    }
}
