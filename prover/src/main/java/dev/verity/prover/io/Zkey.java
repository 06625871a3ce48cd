package dev.verity.prover.io;

import dev.verity.prover.field.Fr;
import java.util.Arrays;

/**
 * The content of a snarkjs Groth16 {@code .zkey} (BN254), as plain arrays in the shared layouts:
 * G1 affine points are 8 longs, G2 affine points 16 longs, Montgomery-form Fp coordinates, the
 * point at infinity all zeros; point {@code i} of an array starts at {@code 8i} (G1) or
 * {@code 16i} (G2). The arrays are shared, not copied; treat them as immutable.
 *
 * <ul>
 *   <li>{@code alpha1, beta1, delta1} (G1) and {@code beta2, gamma2, delta2} (G2): the key's
 *       group elements.</li>
 *   <li>{@code ic}: {@code nPublic + 1} G1 points, for the one wire and each public signal.</li>
 *   <li>{@code coefficients}: the A and B matrix entries the prover evaluates (see
 *       {@link Coefficients}).</li>
 *   <li>{@code a}, {@code b1}: {@code nVars} G1 points; {@code b2}: {@code nVars} G2 points.</li>
 *   <li>{@code c}: {@code nVars - nPublic - 1} G1 points, for the private wires
 *       {@code nPublic+1 .. nVars-1} (point {@code i} belongs to wire {@code nPublic + 1 + i}).</li>
 *   <li>{@code h}: {@code domainSize} G1 points.</li>
 *   <li>{@code mpcParams}: section 10 verbatim: the 64-byte circuit hash, a u32 count of phase-2
 *       contributions and the contributions.</li>
 * </ul>
 *
 * The constructor validates the structure: counts, array lengths, coordinates below p, the
 * verification-key points and IC on their curves, coefficient indices in range and values below r.
 */
public record Zkey(int nVars, int nPublic, int domainSize,
        long[] alpha1, long[] beta1, long[] beta2, long[] gamma2, long[] delta1, long[] delta2,
        long[] ic, Coefficients coefficients, long[] a, long[] b1, long[] b2, long[] c, long[] h,
        byte[] mpcParams) {

    /** Bytes of the circuit hash at the start of {@link #mpcParams()}. */
    public static final int CS_HASH_BYTES = 64;

    /**
     * The sparse A and B matrices of section 4, entry {@code k} being {@code matrix[k]} (0 = A,
     * 1 = B), row {@code constraint[k]}, column (wire) {@code signal[k]} and value limbs
     * {@code value[4k .. 4k+3]}.
     *
     * <p><b>What the value is.</b> The four limbs are the little-endian integer stored in the file,
     * unchanged: {@code v = c * R^2 mod r}, where {@code c} is the plain r1cs coefficient and
     * {@code R = 2^256}. Equivalently, {@code v} is the Montgomery form of {@code c * R}. Hence:
     * <ul>
     *   <li>{@code Fr.FIELD.mul(v, w)} with a PLAIN witness value {@code w} (the .wtns / MSM scalar
     *       encoding) gives {@code c * w * R mod r}, the Montgomery form of {@code c * w}: what
     *       snarkjs' prover does;</li>
     *   <li>{@code Fr.FIELD.fromMontgomery(v)} gives {@code c * R mod r}, the Montgomery form of
     *       {@code c}, and applying it twice gives the plain {@code c}.</li>
     * </ul>
     * Rows {@code nConstraints .. nConstraints + nPublic} hold the extra entries snarkjs adds
     * ({@code A[nConstraints + s][s] = 1} for {@code s = 0..nPublic}); the C matrix is not stored.
     */
    public record Coefficients(int[] matrix, int[] constraint, int[] signal, long[] value) {
        public Coefficients {
            int n = matrix.length;
            if (constraint.length != n || signal.length != n || value.length != 4L * n) {
                throw new IllegalArgumentException("coefficient arrays disagree on the count: " + n + " matrices, "
                        + constraint.length + " constraints, " + signal.length + " signals, " + value.length
                        + " value limbs");
            }
        }

        public int count() {
            return matrix.length;
        }
    }

    public Zkey {
        if (nVars < 1 || nPublic < 0 || nPublic >= nVars) {
            throw new IllegalArgumentException("nPublic " + nPublic + " must be below nVars " + nVars);
        }
        if (domainSize < 1 || Integer.bitCount(domainSize) != 1) {
            throw new IllegalArgumentException("domainSize " + Integer.toUnsignedString(domainSize)
                    + " is not a power of two");
        }
        if (16L * nVars > Integer.MAX_VALUE || 8L * domainSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too large for Java arrays: nVars " + nVars + ", domainSize "
                    + domainSize);
        }
        requireG1("alpha1", alpha1, 1, true);
        requireG1("beta1", beta1, 1, true);
        requireG2("beta2", beta2, 1, true);
        requireG2("gamma2", gamma2, 1, true);
        requireG1("delta1", delta1, 1, true);
        requireG2("delta2", delta2, 1, true);
        requireG1("IC", ic, nPublic + 1, true);
        requireG1("A", a, nVars, false);
        requireG1("B1", b1, nVars, false);
        requireG2("B2", b2, nVars, false);
        requireG1("C", c, nVars - nPublic - 1, false);
        requireG1("H", h, domainSize, false);
        checkCoefficients(coefficients, nVars, domainSize);
        if (mpcParams.length < CS_HASH_BYTES + 4) {
            throw new IllegalArgumentException("mpcParams has " + mpcParams.length + " bytes; it needs at least the "
                    + CS_HASH_BYTES + "-byte circuit hash and the contribution count");
        }
    }

    private static void requireG1(String name, long[] points, int count, boolean onCurve) {
        requireLength(name, points, count, CurveCheck.G1_LIMBS);
        String problem = CurveCheck.checkG1(points, 0, count, onCurve);
        if (problem != null) {
            throw new IllegalArgumentException(name + ": " + problem);
        }
    }

    private static void requireG2(String name, long[] points, int count, boolean onCurve) {
        requireLength(name, points, count, CurveCheck.G2_LIMBS);
        String problem = CurveCheck.checkG2(points, 0, count, onCurve);
        if (problem != null) {
            throw new IllegalArgumentException(name + ": " + problem);
        }
    }

    private static void requireLength(String name, long[] points, int count, int limbs) {
        if (points.length != (long) count * limbs) {
            throw new IllegalArgumentException(name + " needs " + count + " points (" + (long) count * limbs
                    + " longs), got " + points.length + " longs");
        }
    }

    private static void checkCoefficients(Coefficients k, int nVars, int domainSize) {
        for (int i = 0; i < k.count(); i++) {
            if (k.matrix()[i] != 0 && k.matrix()[i] != 1) {
                throw new IllegalArgumentException("coefficient " + i + ": matrix " + k.matrix()[i]
                        + " is neither 0 (A) nor 1 (B)");
            }
            if (Integer.compareUnsigned(k.constraint()[i], domainSize) >= 0) {
                throw new IllegalArgumentException("coefficient " + i + ": constraint "
                        + Integer.toUnsignedString(k.constraint()[i]) + " is outside the domain of size " + domainSize);
            }
            if (Integer.compareUnsigned(k.signal()[i], nVars) >= 0) {
                throw new IllegalArgumentException("coefficient " + i + ": signal "
                        + Integer.toUnsignedString(k.signal()[i]) + " is not below nVars " + nVars);
            }
            if (!Fr.FIELD.isCanonical(k.value(), 4 * i)) {
                throw new IllegalArgumentException("coefficient " + i + ": value is not below r");
            }
        }
    }

    /** The 64-byte circuit hash (blake2b-512) at the start of section 10. */
    public byte[] csHash() {
        return Arrays.copyOf(mpcParams, CS_HASH_BYTES);
    }

    /** Section 10 of a key with no phase-2 contributions yet: the circuit hash and a zero count. */
    public static byte[] initialMpcParams(byte[] csHash) {
        if (csHash.length != CS_HASH_BYTES) {
            throw new IllegalArgumentException("circuit hash must be " + CS_HASH_BYTES + " bytes");
        }
        return Arrays.copyOf(csHash, CS_HASH_BYTES + 4);
    }
}
