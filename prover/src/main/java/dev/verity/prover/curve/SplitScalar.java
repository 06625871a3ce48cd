package dev.verity.prover.curve;

import java.math.BigInteger;

/**
 * A scalar k written as k = a + b·e (mod r), where e is the eigenvalue of a cheap endomorphism
 * (GLV on G1, psi on G2) and a, b are about half the size of r, each recoded in width-5 NAF:
 * signed odd digits of absolute value below 16, at least four zeros after each non-zero digit.
 * Then [k] P = sum_i 2^i (a_i P + b_i E(P)) needs half the doublings of a plain double-and-add and
 * about one addition per six bits of each half. Immutable; built by {@link EndomorphismMul#split}.
 */
public final class SplitScalar {
    /** The NAF window width: digits are odd in (-2^(w-1), 2^(w-1)). */
    static final int WINDOW = 5;
    /** Odd multiples P, 3P, ..., 15P per table. */
    static final int TABLE_SIZE = 1 << (WINDOW - 2);

    /** Digits of a and b by bit position, least significant first; both of length {@link #length}. */
    final byte[] first;
    final byte[] second;
    final int length;

    private SplitScalar(byte[] first, byte[] second, int length) {
        this.first = first;
        this.second = second;
        this.length = length;
    }

    /** The split a + b·e from signed halves below 2^190 in absolute value. */
    static SplitScalar of(BigInteger a, BigInteger b) {
        byte[] da = naf(a);
        byte[] db = naf(b);
        int length = Math.max(da.length, db.length);
        return new SplitScalar(java.util.Arrays.copyOf(da, length), java.util.Arrays.copyOf(db, length), length);
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
