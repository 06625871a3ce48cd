package dev.verity.prover.ptau;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.io.PtauFile;
import java.io.IOException;

/**
 * The five point sections a contribution transforms, in file order, with what a contribution
 * multiplies point k by: first * tau^k, where first is 1, alpha or beta.
 */
enum PointSection {
    TAU_G1(PtauFile.TAU_G1, "tauG1", true),
    TAU_G2(PtauFile.TAU_G2, "tauG2", false),
    ALPHA_TAU_G1(PtauFile.ALPHA_TAU_G1, "alphaTauG1", true),
    BETA_TAU_G1(PtauFile.BETA_TAU_G1, "betaTauG1", true),
    BETA_G2(PtauFile.BETA_G2, "betaG2", false);

    final int id;
    final String label;
    final boolean g1;

    PointSection(int id, String label, boolean g1) {
        this.id = id;
        this.label = label;
        this.g1 = g1;
    }

    int limbs() {
        return g1 ? G1.AFFINE : G2.AFFINE;
    }

    int uncompressedBytes() {
        return g1 ? PointEncodings.G1_UNCOMPRESSED : PointEncodings.G2_UNCOMPRESSED;
    }

    int compressedBytes() {
        return g1 ? PointEncodings.G1_COMPRESSED : PointEncodings.G2_COMPRESSED;
    }

    long count(int power) {
        long n = 1L << power;
        return switch (this) {
            case TAU_G1 -> 2 * n - 1;
            case TAU_G2, ALPHA_TAU_G1, BETA_TAU_G1 -> n;
            case BETA_G2 -> 1;
        };
    }

    long[] read(PtauFile file, long first, int count) throws IOException {
        return switch (this) {
            case TAU_G1 -> file.tauG1(first, count);
            case TAU_G2 -> file.tauG2(first, count);
            case ALPHA_TAU_G1 -> file.alphaTauG1(first, count);
            case BETA_TAU_G1 -> file.betaTauG1(first, count);
            case BETA_G2 -> file.betaG2();
        };
    }

    void uncompressed(PointEncodings codec, long[] points, int count, byte[] out) {
        if (g1) {
            codec.g1ToUncompressed(points, 0, count, out, 0);
        } else {
            codec.g2ToUncompressed(points, 0, count, out, 0);
        }
    }

    void compressed(PointEncodings codec, long[] points, int count, byte[] out) {
        if (g1) {
            codec.g1ToCompressed(points, 0, count, out, 0);
        } else {
            codec.g2ToCompressed(points, 0, count, out, 0);
        }
    }

    void fromUncompressed(PointEncodings codec, byte[] in, int count, long[] out) {
        if (g1) {
            codec.g1FromUncompressed(in, 0, count, out, 0);
        } else {
            codec.g2FromUncompressed(in, 0, count, out, 0);
        }
    }

    void fromCompressed(PointEncodings codec, byte[] in, int count, long[] out) {
        if (g1) {
            codec.g1FromCompressed(in, 0, count, out, 0);
        } else {
            codec.g2FromCompressed(in, 0, count, out, 0);
        }
    }
}
