package dev.verity.prover.poly;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;

/**
 * Radix-2 butterflies (x, y) := (x + w y, x - w y) on Fr elements in Montgomery form, with the
 * product, sum and difference computed on limbs in local variables: no temporary array, no call per
 * element, and no data-dependent branch (the carries and the conditional subtractions use masks,
 * since about half of them go either way on random data). The multiplication is the same CIOS
 * Montgomery product as {@link MontgomeryField#mul}, specialised to the constants of Fr.
 */
final class FrButterflies {
    private static final long Q0 = 0x43e1f593f0000001L;
    private static final long Q1 = 0x2833e84879b97091L;
    private static final long Q2 = 0xb85045b68181585dL;
    private static final long Q3 = 0x30644e72e131a029L;
    /** -r^-1 mod 2^64. */
    private static final long INV = 0xc2e1f593efffffffL;

    static {
        long[] q = MontgomeryField.toLimbs(Fr.MODULUS);
        if (q[0] != Q0 || q[1] != Q1 || q[2] != Q2 || q[3] != Q3 || Q0 * INV != -1L) {
            throw new IllegalStateException("FrButterflies constants do not match Fr");
        }
    }

    private FrButterflies() {
    }

    /**
     * For 0 &lt;= j &lt; count: butterfly on elements x + j and y + j of {@code a}, with the twiddle at
     * long offset {@code wOffset + j * wStride} of {@code w}.
     */
    static void run(long[] a, int x, int y, int count, long[] w, int wOffset, int wStride) {
        int xo = 4 * x;
        int yo = 4 * y;
        int wo = wOffset;
        for (int j = 0; j < count; j++, xo += 4, yo += 4, wo += wStride) {
            long b0 = a[yo], b1 = a[yo + 1], b2 = a[yo + 2], b3 = a[yo + 3];
            long t0 = 0, t1 = 0, t2 = 0, t3 = 0;
            for (int i = 0; i < 4; i++) {
                long wi = w[wo + i];
                long lo, hi, s, c;
                // (t, t4) += b * wi
                lo = b0 * wi;
                hi = Math.unsignedMultiplyHigh(b0, wi);
                s = t0 + lo;
                c = hi + carry(t0, lo, s);
                t0 = s;
                lo = b1 * wi;
                hi = Math.unsignedMultiplyHigh(b1, wi);
                s = t1 + lo;
                hi += carry(t1, lo, s);
                t1 = s + c;
                c = hi + carry(s, c, t1);
                lo = b2 * wi;
                hi = Math.unsignedMultiplyHigh(b2, wi);
                s = t2 + lo;
                hi += carry(t2, lo, s);
                t2 = s + c;
                c = hi + carry(s, c, t2);
                lo = b3 * wi;
                hi = Math.unsignedMultiplyHigh(b3, wi);
                s = t3 + lo;
                hi += carry(t3, lo, s);
                t3 = s + c;
                long t4 = hi + carry(s, c, t3);
                // t := (t + m q) / 2^64 with m making the low limb vanish
                long m = t0 * INV;
                lo = m * Q0;
                hi = Math.unsignedMultiplyHigh(m, Q0);
                s = t0 + lo;
                c = hi + carry(t0, lo, s);
                lo = m * Q1;
                hi = Math.unsignedMultiplyHigh(m, Q1);
                s = t1 + lo;
                hi += carry(t1, lo, s);
                t0 = s + c;
                c = hi + carry(s, c, t0);
                lo = m * Q2;
                hi = Math.unsignedMultiplyHigh(m, Q2);
                s = t2 + lo;
                hi += carry(t2, lo, s);
                t1 = s + c;
                c = hi + carry(s, c, t1);
                lo = m * Q3;
                hi = Math.unsignedMultiplyHigh(m, Q3);
                s = t3 + lo;
                hi += carry(t3, lo, s);
                t2 = s + c;
                c = hi + carry(s, c, t2);
                t3 = t4 + c; // below 2^255 because r < 2^254: no fifth limb
            }
            // t < 2r: subtract r once unless that borrows.
            long d0 = t0 - Q0;
            long br = borrow(t0, Q0, d0);
            long d1 = t1 - Q1 - br;
            br = borrow(t1, Q1, d1);
            long d2 = t2 - Q2 - br;
            br = borrow(t2, Q2, d2);
            long d3 = t3 - Q3 - br;
            br = borrow(t3, Q3, d3);
            long keep = -br;
            t0 = (t0 & keep) | (d0 & ~keep);
            t1 = (t1 & keep) | (d1 & ~keep);
            t2 = (t2 & keep) | (d2 & ~keep);
            t3 = (t3 & keep) | (d3 & ~keep);

            long x0 = a[xo], x1 = a[xo + 1], x2 = a[xo + 2], x3 = a[xo + 3];
            storeSum(a, xo, x0, x1, x2, x3, t0, t1, t2, t3);
            storeDifference(a, yo, x0, x1, x2, x3, t0, t1, t2, t3);
        }
    }

    /** The butterfly with twiddle 1, (x, y) := (x + y, x - y), on elements x + j and y + j. */
    static void runUnit(long[] a, int x, int y, int count) {
        int xo = 4 * x;
        int yo = 4 * y;
        for (int j = 0; j < count; j++, xo += 4, yo += 4) {
            long x0 = a[xo], x1 = a[xo + 1], x2 = a[xo + 2], x3 = a[xo + 3];
            long y0 = a[yo], y1 = a[yo + 1], y2 = a[yo + 2], y3 = a[yo + 3];
            storeSum(a, xo, x0, x1, x2, x3, y0, y1, y2, y3);
            storeDifference(a, yo, x0, x1, x2, x3, y0, y1, y2, y3);
        }
    }

    /** a[at..at+3] := (x + y) mod r for x, y &lt; r. */
    private static void storeSum(long[] a, int at, long x0, long x1, long x2, long x3,
            long y0, long y1, long y2, long y3) {
        long s0 = x0 + y0;
        long c = carry(x0, y0, s0);
        long s1 = x1 + y1 + c;
        c = carry(x1, y1, s1);
        long s2 = x2 + y2 + c;
        c = carry(x2, y2, s2);
        long s3 = x3 + y3 + c; // below 2^255: no carry out
        long d0 = s0 - Q0;
        long br = borrow(s0, Q0, d0);
        long d1 = s1 - Q1 - br;
        br = borrow(s1, Q1, d1);
        long d2 = s2 - Q2 - br;
        br = borrow(s2, Q2, d2);
        long d3 = s3 - Q3 - br;
        br = borrow(s3, Q3, d3);
        long keep = -br;
        a[at] = (s0 & keep) | (d0 & ~keep);
        a[at + 1] = (s1 & keep) | (d1 & ~keep);
        a[at + 2] = (s2 & keep) | (d2 & ~keep);
        a[at + 3] = (s3 & keep) | (d3 & ~keep);
    }

    /** a[at..at+3] := (x - y) mod r for x, y &lt; r. */
    private static void storeDifference(long[] a, int at, long x0, long x1, long x2, long x3,
            long y0, long y1, long y2, long y3) {
        long d0 = x0 - y0;
        long br = borrow(x0, y0, d0);
        long d1 = x1 - y1 - br;
        br = borrow(x1, y1, d1);
        long d2 = x2 - y2 - br;
        br = borrow(x2, y2, d2);
        long d3 = x3 - y3 - br;
        br = borrow(x3, y3, d3);
        long mask = -br; // add r back when the difference went below zero
        long q0 = Q0 & mask, q1 = Q1 & mask, q2 = Q2 & mask, q3 = Q3 & mask;
        long e0 = d0 + q0;
        long c = carry(d0, q0, e0);
        long e1 = d1 + q1 + c;
        c = carry(d1, q1, e1);
        long e2 = d2 + q2 + c;
        c = carry(d2, q2, e2);
        a[at] = e0;
        a[at + 1] = e1;
        a[at + 2] = e2;
        a[at + 3] = d3 + q3 + c;
    }

    /** Carry out of x + y (+ a carry in) given the sum s. */
    private static long carry(long x, long y, long s) {
        return ((x & y) | ((x | y) & ~s)) >>> 63;
    }

    /** Borrow out of x - y (- a borrow in) given the difference d. */
    private static long borrow(long x, long y, long d) {
        return ((~x & y) | ((~x | y) & d)) >>> 63;
    }
}
