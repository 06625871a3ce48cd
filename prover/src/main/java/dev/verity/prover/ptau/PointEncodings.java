package dev.verity.prover.ptau;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp2;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.field.SquareRoots;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * The two big-endian point encodings of the Powers of Tau transcript (ffjavascript's "U" and
 * "C"), between the shared affine layouts (Montgomery limbs, infinity all zeros):
 * <ul>
 *   <li>uncompressed: x then y, each coordinate big-endian, an Fp2 coordinate as c1 then c0;
 *       infinity is all zeros (64 bytes in G1, 128 in G2). Challenge files and hashes use it.</li>
 *   <li>compressed: x only, with flag bits in its first byte: 0x40 for infinity, 0x80 when y is
 *       negative in the sense of {@link FieldSigns} (32 bytes in G1, 64 in G2). Responses and the
 *       response hash use it.</li>
 * </ul>
 * Decoding validates coordinates below p and the point on its curve (which for G1, of cofactor 1,
 * means in the group). It does not check G2 points for the subgroup of order r, which costs a
 * scalar multiplication per point: callers check whole sections at once with
 * {@link G2SubgroupCheck}, or single points with {@link G2#isInSubgroup}. Not thread-safe (scratch).
 */
public final class PointEncodings {
    public static final int G1_UNCOMPRESSED = 64;
    public static final int G2_UNCOMPRESSED = 128;
    public static final int G1_COMPRESSED = 32;
    public static final int G2_COMPRESSED = 64;

    private static final MontgomeryField F = Fp.FIELD;
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long[] B1 = F.fromBigInteger(BigInteger.valueOf(3));
    private static final long[] B2;

    static {
        Fp2 f = new Fp2();
        B2 = Fp2.of(BigInteger.valueOf(9), BigInteger.ONE);
        f.inv(B2, 0, B2, 0);
        f.mul(B2, 0, Fp2.of(BigInteger.valueOf(3), BigInteger.ZERO), 0, B2, 0);
    }

    private final long[] t = new long[32];
    private final Fp2 fp2 = new Fp2();
    private final SquareRoots roots = new SquareRoots();

    // ---------------------------------------------------------------- encoding

    /** {@code count} G1 points from point index {@code first} of {@code points}, uncompressed. */
    public void g1ToUncompressed(long[] points, int first, int count, byte[] out, int outOffset) {
        for (int i = 0; i < count; i++) {
            int p = (first + i) * G1.AFFINE;
            int o = outOffset + i * G1_UNCOMPRESSED;
            if (G1.isInfinityAffine(points, p)) {
                java.util.Arrays.fill(out, o, o + G1_UNCOMPRESSED, (byte) 0);
            } else {
                writeFp(points, p, out, o);
                writeFp(points, p + 4, out, o + 32);
            }
        }
    }

    public void g2ToUncompressed(long[] points, int first, int count, byte[] out, int outOffset) {
        for (int i = 0; i < count; i++) {
            int p = (first + i) * G2.AFFINE;
            int o = outOffset + i * G2_UNCOMPRESSED;
            if (G2.isInfinityAffine(points, p)) {
                java.util.Arrays.fill(out, o, o + G2_UNCOMPRESSED, (byte) 0);
            } else {
                writeFp2(points, p, out, o);
                writeFp2(points, p + 8, out, o + 64);
            }
        }
    }

    public void g1ToCompressed(long[] points, int first, int count, byte[] out, int outOffset) {
        for (int i = 0; i < count; i++) {
            int p = (first + i) * G1.AFFINE;
            int o = outOffset + i * G1_COMPRESSED;
            if (G1.isInfinityAffine(points, p)) {
                java.util.Arrays.fill(out, o, o + G1_COMPRESSED, (byte) 0);
                out[o] = 0x40;
            } else {
                writeFp(points, p, out, o);
                if (FieldSigns.isNegative(points, p + 4, t)) {
                    out[o] |= (byte) 0x80;
                }
            }
        }
    }

    public void g2ToCompressed(long[] points, int first, int count, byte[] out, int outOffset) {
        for (int i = 0; i < count; i++) {
            int p = (first + i) * G2.AFFINE;
            int o = outOffset + i * G2_COMPRESSED;
            if (G2.isInfinityAffine(points, p)) {
                java.util.Arrays.fill(out, o, o + G2_COMPRESSED, (byte) 0);
                out[o] = 0x40;
            } else {
                writeFp2(points, p, out, o);
                if (FieldSigns.isNegativeFp2(points, p + 8, t)) {
                    out[o] |= (byte) 0x80;
                }
            }
        }
    }

    // ---------------------------------------------------------------- decoding

    /**
     * Decodes {@code count} uncompressed G1 points into {@code out} from point index
     * {@code outFirst}. All zeros, or the 0x40 flag, is infinity.
     *
     * @throws IllegalArgumentException naming the point index for a coordinate >= p or a point off
     *     the curve
     */
    public void g1FromUncompressed(byte[] in, int offset, int count, long[] out, int outFirst) {
        for (int i = 0; i < count; i++) {
            int o = offset + i * G1_UNCOMPRESSED;
            int p = (outFirst + i) * G1.AFFINE;
            if (isInfinityUncompressed(in, o, G1_UNCOMPRESSED)) {
                G1.setInfinityAffine(out, p);
                continue;
            }
            readFp(in, o, out, p, i, "x");
            readFp(in, o + 32, out, p + 4, i, "y");
            if (!G1.isOnCurve(out, p)) {
                throw new IllegalArgumentException("G1 point " + i + " is not on the curve");
            }
        }
    }

    public void g2FromUncompressed(byte[] in, int offset, int count, long[] out, int outFirst) {
        for (int i = 0; i < count; i++) {
            int o = offset + i * G2_UNCOMPRESSED;
            int p = (outFirst + i) * G2.AFFINE;
            if (isInfinityUncompressed(in, o, G2_UNCOMPRESSED)) {
                G2.setInfinityAffine(out, p);
                continue;
            }
            readFp2(in, o, out, p, i, "x");
            readFp2(in, o + 64, out, p + 8, i, "y");
            requireOnTwist(out, p, i);
        }
    }

    public void g1FromCompressed(byte[] in, int offset, int count, long[] out, int outFirst) {
        for (int i = 0; i < count; i++) {
            int o = offset + i * G1_COMPRESSED;
            int p = (outFirst + i) * G1.AFFINE;
            byte flags = in[o];
            if ((flags & 0x40) != 0) {
                G1.setInfinityAffine(out, p);
                continue;
            }
            readFpMasked(in, o, out, p, i);
            if (!completeG1(out, p, (flags & 0x80) != 0)) {
                throw new IllegalArgumentException("G1 point " + i + ": no point on the curve has this x");
            }
        }
    }

    public void g2FromCompressed(byte[] in, int offset, int count, long[] out, int outFirst) {
        for (int i = 0; i < count; i++) {
            int o = offset + i * G2_COMPRESSED;
            int p = (outFirst + i) * G2.AFFINE;
            byte flags = in[o];
            if ((flags & 0x40) != 0) {
                G2.setInfinityAffine(out, p);
                continue;
            }
            readFpMasked(in, o, out, p + 4, i);        // c1 comes first
            readFp(in, o + 32, out, p, i, "x.c0");
            if (!completeG2(out, p, (flags & 0x80) != 0)) {
                throw new IllegalArgumentException("G2 point " + i + ": no point on the twist has this x");
            }
        }
    }

    // ---------------------------------------------------------------- points from x

    /**
     * Sets y of the affine G1 point at {@code p} from its x (y^2 = x^3 + 3), taking the root whose
     * sign ({@link FieldSigns}) is {@code negative}; false (y unspecified) when no point has this x.
     * Decompression and snarkjs' random points both pick y this way.
     */
    boolean completeG1(long[] points, int p, boolean negative) {
        F.sqr(points, p, t, 0);
        F.mul(t, 0, points, p, t, 0);
        F.add(t, 0, B1, 0, t, 0);
        if (!roots.sqrt(t, 0, points, p + 4)) {
            return false;
        }
        if (negative != FieldSigns.isNegative(points, p + 4, t)) {
            F.neg(points, p + 4, points, p + 4);
        }
        return true;
    }

    /** {@link #completeG1} on the twist y^2 = x^3 + 3/(9+u). */
    boolean completeG2(long[] points, int p, boolean negative) {
        fp2.sqr(points, p, t, 0);
        fp2.mul(t, 0, points, p, t, 0);
        fp2.add(t, 0, B2, 0, t, 0);
        if (!roots.sqrtFp2(t, 0, points, p + 8)) {
            return false;
        }
        if (negative != FieldSigns.isNegativeFp2(points, p + 8, t)) {
            fp2.neg(points, p + 8, points, p + 8);
        }
        return true;
    }

    // ---------------------------------------------------------------- helpers

    private static void requireOnTwist(long[] out, int p, int index) {
        if (!G2.isOnCurve(out, p)) {
            throw new IllegalArgumentException("G2 point " + index + " is not on the twist");
        }
    }

    private static boolean isInfinityUncompressed(byte[] in, int o, int size) {
        if ((in[o] & 0x40) != 0) {
            return true;
        }
        for (int i = o; i < o + size; i++) {
            if (in[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private void writeFp(long[] a, int ao, byte[] out, int o) {
        F.fromMontgomery(a, ao, t, 0);
        for (int i = 0; i < 4; i++) {
            LONG_BE.set(out, o + 8 * (3 - i), t[i]);
        }
    }

    /** c1 then c0, each big-endian: the 64 bytes of the Fp2 value read as one big-endian number. */
    private void writeFp2(long[] a, int ao, byte[] out, int o) {
        writeFp(a, ao + 4, out, o);
        writeFp(a, ao, out, o + 32);
    }

    private void readFp(byte[] in, int o, long[] out, int ro, int index, String what) {
        for (int i = 0; i < 4; i++) {
            t[i] = (long) LONG_BE.get(in, o + 8 * (3 - i));
        }
        toMontgomery(out, ro, index, what);
    }

    private void readFp2(byte[] in, int o, long[] out, int ro, int index, String what) {
        readFp(in, o, out, ro + 4, index, what + ".c1");
        readFp(in, o + 32, out, ro, index, what + ".c0");
    }

    /** The x coordinate of a compressed point: its top two bits are flags. */
    private void readFpMasked(byte[] in, int o, long[] out, int ro, int index) {
        for (int i = 0; i < 4; i++) {
            t[i] = (long) LONG_BE.get(in, o + 8 * (3 - i));
        }
        t[3] &= 0x3FFFFFFFFFFFFFFFL;
        toMontgomery(out, ro, index, "x");
    }

    private void toMontgomery(long[] out, int ro, int index, String what) {
        if (!F.isCanonical(t, 0)) {
            throw new IllegalArgumentException("point " + index + ": coordinate " + what + " is not below p");
        }
        F.toMontgomery(t, 0, out, ro);
    }
}
