package dev.verity.prover.curve;

import java.math.BigInteger;

/**
 * Regular signed recoding of an odd positive integer m in base 16: m = sum_i d_i 16^i with every
 * digit odd in [-15, 15] and the top digit positive, so a double-and-add chain adds a table entry
 * after every four doublings without ever skipping one (the schedule is the same for every
 * scalar, which lanes of a SIMD register need). Step: d = (m mod 32) - 16, m = (m - d) / 16, which
 * keeps m odd. Once m is below 16 the same step yields m - 16 and then -15 with m = 1 again, so
 * any number of digits at or above the minimum represents m.
 */
final class RegularDigits {
    /** Bits of the magnitudes handled: parts of split scalars are below 2^190. */
    private static final int MAX_BITS = 190;

    private RegularDigits() {
    }

    /** The fewest digits that represent the odd magnitude m &gt; 0. */
    static int windows(BigInteger m) {
        long[] w = words(m);
        int count = 1;
        while (w[1] != 0 || w[2] != 0 || Long.compareUnsigned(w[0], 16) >= 0) {
            step(w);
            count++;
        }
        return count;
    }

    /**
     * The digits of the odd magnitude m &gt; 0, least significant first, into
     * {@code out[at + i * stride]} for i &lt; windows (at least {@link #windows}(m)).
     */
    static void recode(BigInteger m, int windows, byte[] out, int at, int stride) {
        long[] w = words(m);
        if (windows < 1) {
            throw new IllegalArgumentException("at least one digit, got " + windows);
        }
        for (int i = 0; i < windows - 1; i++) {
            out[at + i * stride] = (byte) step(w);
        }
        if (w[1] != 0 || w[2] != 0 || w[0] >= 16 || w[0] < 1) {
            throw new IllegalArgumentException(windows + " digits are too few for " + m);
        }
        out[at + (windows - 1) * stride] = (byte) w[0];
    }

    /** One digit off the bottom of w (three words, little-endian): returns d, leaves (w - d) / 16. */
    private static int step(long[] w) {
        int d = (int) (w[0] & 31) - 16;
        long before = w[0];
        w[0] -= d;
        // d > 0 cannot borrow (w[0] mod 32 = d + 16); d < 0 may carry out of the low word
        if (d < 0 && Long.compareUnsigned(w[0], before) < 0) {
            w[1]++;
            if (w[1] == 0) {
                w[2]++;
            }
        }
        w[0] = (w[0] >>> 4) | (w[1] << 60);
        w[1] = (w[1] >>> 4) | (w[2] << 60);
        w[2] >>>= 4;
        return d;
    }

    private static long[] words(BigInteger m) {
        if (m.signum() <= 0 || !m.testBit(0) || m.bitLength() > MAX_BITS) {
            throw new IllegalArgumentException("expected an odd positive magnitude below 2^" + MAX_BITS + ", got " + m);
        }
        return new long[] {m.longValue(), m.shiftRight(64).longValue(), m.shiftRight(128).longValue()};
    }
}
