package dev.verity.prover.ptau;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fp;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Points in the {@code .ptau} file encoding ("LEM": affine, Montgomery coordinates as
 * little-endian 64-bit limbs, infinity all zeros), which is the shared in-memory layout written
 * out byte for byte; and the validity checks applied to points that come from outside.
 */
final class LemPoints {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LemPoints() {
    }

    static void toLittleEndian(long[] limbs, byte[] out, int offset) {
        for (int i = 0; i < limbs.length; i++) {
            LONG_LE.set(out, offset + 8 * i, limbs[i]);
        }
    }

    static void fromLittleEndian(byte[] in, int offset, long[] limbs) {
        for (int i = 0; i < limbs.length; i++) {
            limbs[i] = (long) LONG_LE.get(in, offset + 8 * i);
        }
    }

    /** @throws IllegalArgumentException naming {@code what} and the point for an invalid G1 point */
    static void requireValidG1(long[] points, String what) {
        for (int p = 0; p < points.length; p += G1.AFFINE) {
            requireCanonical(points, p, G1.AFFINE, what);
            if (!G1.isOnCurve(points, p)) {
                throw new IllegalArgumentException(what + ": G1 point " + p / G1.AFFINE + " is not on the curve");
            }
        }
    }

    /** Also checks subgroup membership, which on the twist is not implied by the curve equation. */
    static void requireValidG2(long[] points, String what) {
        for (int p = 0; p < points.length; p += G2.AFFINE) {
            requireCanonical(points, p, G2.AFFINE, what);
            if (!G2.isOnCurve(points, p)) {
                throw new IllegalArgumentException(what + ": G2 point " + p / G2.AFFINE + " is not on the twist");
            }
            if (!G2.isInSubgroup(points, p)) {
                throw new IllegalArgumentException(what + ": G2 point " + p / G2.AFFINE
                        + " is not in the subgroup of order r");
            }
        }
    }

    private static void requireCanonical(long[] points, int p, int limbs, String what) {
        for (int c = 0; c < limbs; c += 4) {
            if (!Fp.FIELD.isCanonical(points, p + c)) {
                throw new IllegalArgumentException(what + ": point " + p / limbs + " has a coordinate not below p");
            }
        }
    }
}
