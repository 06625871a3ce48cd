package dev.verity.prover.curve;

import java.math.BigInteger;

/**
 * A scalar k written as k = a_0 + a_1·e + ... + a_(d-1)·e^(d-1) (mod r), where e is the eigenvalue
 * of a cheap endomorphism E (GLV on G1 with d = 2, psi on G2 with d = 4) and the parts a_j have
 * about 1/d of the bits of r, each recoded in width-5 NAF: signed odd digits of absolute value
 * below 16, at least four zeros after each non-zero digit. Then [k] P = sum_i 2^i sum_j
 * a_(j,i) E^j(P) needs 1/d of the doublings of a plain double-and-add and about one addition per
 * six bits of each part. Immutable; built by {@link EndomorphismMul#splitG1} and
 * {@link EndomorphismMul#splitG2}.
 */
public final class SplitScalar {
    /** The NAF window width: digits are odd in (-2^(w-1), 2^(w-1)). */
    static final int WINDOW = 5;
    /** Odd multiples P, 3P, ..., 15P per table. */
    static final int TABLE_SIZE = 1 << (WINDOW - 2);

    /** parts[j][i]: digit i (least significant first) of a_j; all of length {@link #length}. */
    final byte[][] parts;
    final int length;
    /** The signed parts a_j themselves (for recodings other than the NAF, such as {@link LaneScalarMul}'s). */
    final BigInteger[] values;

    private SplitScalar(byte[][] parts, int length, BigInteger[] values) {
        this.parts = parts;
        this.length = length;
        this.values = values;
    }

    /** The split from signed parts a_0, a_1, ... below 2^190 in absolute value. */
    static SplitScalar of(BigInteger... parts) {
        byte[][] digits = new byte[parts.length][];
        int length = 0;
        for (int j = 0; j < parts.length; j++) {
            digits[j] = naf(parts[j]);
            length = Math.max(length, digits[j].length);
        }
        for (int j = 0; j < parts.length; j++) {
            digits[j] = java.util.Arrays.copyOf(digits[j], length);
        }
        return new SplitScalar(digits, length, parts.clone());
    }

    /** Whether the scalar is zero (no digits at all). */
    boolean isZero() {
        return length == 0;
    }

    /** Width-5 NAF of k, least significant digit first; no trailing zero digits. */
    static byte[] naf(BigInteger k) {
        if (k.bitLength() > 190) {
            throw new IllegalArgumentException("half scalar too large: " + k.bitLength() + " bits");
        }
        BigInteger magnitude = k.abs();
        long m0 = magnitude.longValue();
        long m1 = magnitude.shiftRight(64).longValue();
        long m2 = magnitude.shiftRight(128).longValue();
        byte[] digits = new byte[magnitude.bitLength() + 1];
        int used = 0;
        int i = 0;
        while ((m0 | m1 | m2) != 0) {
            if ((m0 & 1) != 0) {
                int d = (int) (m0 & ((1 << WINDOW) - 1));
                if (d >= 1 << (WINDOW - 1)) {
                    d -= 1 << WINDOW;
                }
                // m -= d; d is small, so only a borrow or carry out of m0 propagates
                long before = m0;
                m0 -= d;
                if (d > 0 && Long.compareUnsigned(m0, before) > 0 || d < 0 && Long.compareUnsigned(m0, before) < 0) {
                    long step = d > 0 ? -1 : 1;
                    long old1 = m1;
                    m1 += step;
                    if (d > 0 && old1 == 0 || d < 0 && old1 == -1L) {
                        m2 += step;
                    }
                }
                digits[i] = (byte) (k.signum() < 0 ? -d : d);
                used = i + 1;
            }
            m0 = (m0 >>> 1) | (m1 << 63);
            m1 = (m1 >>> 1) | (m2 << 63);
            m2 >>>= 1;
            i++;
        }
        return java.util.Arrays.copyOf(digits, used);
    }
}
