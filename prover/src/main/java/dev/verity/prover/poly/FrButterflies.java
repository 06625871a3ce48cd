package dev.verity.prover.poly;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;

/**
 * Radix-2 butterflies (x, y) := (x + w y, x - w y) on Fr elements in Montgomery form, with the
 * product, sum and difference computed on limbs in local variables: no temporary array, no call per
 * element, and no data-dependent branch (the carries and the conditional subtractions use masks,
 * since about half of them go either way on random data).
 *
 * <p>Reduction is lazy (Harvey's butterfly): elements between butterflies lie in [0, 4r), not
 * [0, r), which fits 256 bits because 4r &lt; 2^256. The Montgomery product of a value below 4r
 * with a canonical twiddle is below 2r without its final subtraction; x is brought below 2r with
 * one conditional subtraction of 2r; then x + t and x - t + 2r are both in [0, 4r) with no
 * reduction at all. {@link #normalize} brings the results back to canonical form. The
 * multiplication is the CIOS Montgomery product of {@code MontgomeryField#mul}, specialised to Fr.
 */
final class FrButterflies {
    private static final long Q0 = 0x43e1f593f0000001L;
    private static final long Q1 = 0x2833e84879b97091L;
    private static final long Q2 = 0xb85045b68181585dL;
    private static final long Q3 = 0x30644e72e131a029L;
    /** 2r. */
    private static final long D0 = Q0 << 1;
    private static final long D1 = (Q1 << 1) | (Q0 >>> 63);
    private static final long D2 = (Q2 << 1) | (Q1 >>> 63);
    private static final long D3 = (Q3 << 1) | (Q2 >>> 63);
    /** -r^-1 mod 2^64. */
    private static final long INV = 0xc2e1f593efffffffL;

    static {
        long[] q = MontgomeryField.toLimbs(Fr.MODULUS);
        if (q[0] != Q0 || q[1] != Q1 || q[2] != Q2 || q[3] != Q3 || Q0 * INV != -1L
                || Fr.MODULUS.shiftLeft(2).bitLength() > 256) {
            throw new IllegalStateException("FrButterflies constants do not match Fr");
        }
    }

    private FrButterflies() {
    }

    /**
     * For 0 &lt;= j &lt; count: butterfly on elements x + j and y + j of {@code a} (both in [0, 4r),
     * left in [0, 4r)), with the canonical twiddle at long offset {@code wOffset + j * wStride} of
     * {@code w}.
     */
    static void run(long[] a, int x, int y, int count, long[] w, int wOffset, int wStride) {
        int xo = 4 * x;
        int yo = 4 * y;
        int wo = wOffset;
        for (int j = 0; j < count; j++, xo += 4, yo += 4, wo += wStride) {
            long b0 = a[yo], b1 = a[yo + 1], b2 = a[yo + 2], b3 = a[yo + 3];
            long w0 = w[wo], w1 = w[wo + 1], w2 = w[wo + 2], w3 = w[wo + 3];
            long t0, t1, t2, t3, t4, lo, hi, s, c, m;
            // t := b w / 2^256 mod r (CIOS, one pass per limb of w, unrolled). Every value stays
            // below b + r < 5r < 2^256, so no fifth limb survives a pass; the result is below 2r.
            // (t, t4) := b * w0
            t0 = b0 * w0;
            c = Math.unsignedMultiplyHigh(b0, w0);
            lo = b1 * w0;
            t1 = lo + c;
            c = Math.unsignedMultiplyHigh(b1, w0) + carry(c, t1);
            lo = b2 * w0;
            t2 = lo + c;
            c = Math.unsignedMultiplyHigh(b2, w0) + carry(c, t2);
            lo = b3 * w0;
            t3 = lo + c;
            t4 = Math.unsignedMultiplyHigh(b3, w0) + carry(c, t3);
            // t := (t + m r) / 2^64, m chosen so that t0 + m r0 = 0 mod 2^64: that low word
            // carries exactly when t0 is not zero.
            m = t0 * INV;
            c = Math.unsignedMultiplyHigh(m, Q0) + ((t0 | -t0) >>> 63);
            lo = m * Q1;
            hi = Math.unsignedMultiplyHigh(m, Q1);
            s = t1 + lo;
            hi += carry(lo, s);
            t0 = s + c;
            c = hi + carry(c, t0);
            lo = m * Q2;
            hi = Math.unsignedMultiplyHigh(m, Q2);
            s = t2 + lo;
            hi += carry(lo, s);
            t1 = s + c;
            c = hi + carry(c, t1);
            lo = m * Q3;
            hi = Math.unsignedMultiplyHigh(m, Q3);
            s = t3 + lo;
            hi += carry(lo, s);
            t2 = s + c;
            t3 = t4 + hi + carry(c, t2);
            // (t, t4) := t + b * w1
            lo = b0 * w1;
            hi = Math.unsignedMultiplyHigh(b0, w1);
            t0 += lo;
            c = hi + carry(lo, t0);
            lo = b1 * w1;
            hi = Math.unsignedMultiplyHigh(b1, w1);
            s = t1 + lo;
            hi += carry(lo, s);
            t1 = s + c;
            c = hi + carry(c, t1);
            lo = b2 * w1;
            hi = Math.unsignedMultiplyHigh(b2, w1);
            s = t2 + lo;
            hi += carry(lo, s);
            t2 = s + c;
            c = hi + carry(c, t2);
            lo = b3 * w1;
            hi = Math.unsignedMultiplyHigh(b3, w1);
            s = t3 + lo;
            hi += carry(lo, s);
            t3 = s + c;
            t4 = hi + carry(c, t3);
            // t := (t + m r) / 2^64, m chosen so that t0 + m r0 = 0 mod 2^64: that low word
            // carries exactly when t0 is not zero.
            m = t0 * INV;
            c = Math.unsignedMultiplyHigh(m, Q0) + ((t0 | -t0) >>> 63);
            lo = m * Q1;
            hi = Math.unsignedMultiplyHigh(m, Q1);
            s = t1 + lo;
            hi += carry(lo, s);
            t0 = s + c;
            c = hi + carry(c, t0);
            lo = m * Q2;
            hi = Math.unsignedMultiplyHigh(m, Q2);
            s = t2 + lo;
            hi += carry(lo, s);
            t1 = s + c;
            c = hi + carry(c, t1);
            lo = m * Q3;
            hi = Math.unsignedMultiplyHigh(m, Q3);
            s = t3 + lo;
            hi += carry(lo, s);
            t2 = s + c;
            t3 = t4 + hi + carry(c, t2);
            // (t, t4) := t + b * w2
            lo = b0 * w2;
            hi = Math.unsignedMultiplyHigh(b0, w2);
            t0 += lo;
            c = hi + carry(lo, t0);
            lo = b1 * w2;
            hi = Math.unsignedMultiplyHigh(b1, w2);
            s = t1 + lo;
            hi += carry(lo, s);
            t1 = s + c;
            c = hi + carry(c, t1);
            lo = b2 * w2;
            hi = Math.unsignedMultiplyHigh(b2, w2);
            s = t2 + lo;
            hi += carry(lo, s);
            t2 = s + c;
            c = hi + carry(c, t2);
            lo = b3 * w2;
            hi = Math.unsignedMultiplyHigh(b3, w2);
            s = t3 + lo;
            hi += carry(lo, s);
            t3 = s + c;
            t4 = hi + carry(c, t3);
            // t := (t + m r) / 2^64, m chosen so that t0 + m r0 = 0 mod 2^64: that low word
            // carries exactly when t0 is not zero.
            m = t0 * INV;
            c = Math.unsignedMultiplyHigh(m, Q0) + ((t0 | -t0) >>> 63);
            lo = m * Q1;
            hi = Math.unsignedMultiplyHigh(m, Q1);
            s = t1 + lo;
            hi += carry(lo, s);
            t0 = s + c;
            c = hi + carry(c, t0);
            lo = m * Q2;
            hi = Math.unsignedMultiplyHigh(m, Q2);
            s = t2 + lo;
            hi += carry(lo, s);
            t1 = s + c;
            c = hi + carry(c, t1);
            lo = m * Q3;
            hi = Math.unsignedMultiplyHigh(m, Q3);
            s = t3 + lo;
            hi += carry(lo, s);
            t2 = s + c;
            t3 = t4 + hi + carry(c, t2);
            // (t, t4) := t + b * w3
            lo = b0 * w3;
            hi = Math.unsignedMultiplyHigh(b0, w3);
            t0 += lo;
            c = hi + carry(lo, t0);
            lo = b1 * w3;
            hi = Math.unsignedMultiplyHigh(b1, w3);
            s = t1 + lo;
            hi += carry(lo, s);
            t1 = s + c;
            c = hi + carry(c, t1);
            lo = b2 * w3;
            hi = Math.unsignedMultiplyHigh(b2, w3);
            s = t2 + lo;
            hi += carry(lo, s);
            t2 = s + c;
            c = hi + carry(c, t2);
            lo = b3 * w3;
            hi = Math.unsignedMultiplyHigh(b3, w3);
            s = t3 + lo;
            hi += carry(lo, s);
            t3 = s + c;
            t4 = hi + carry(c, t3);
            // t := (t + m r) / 2^64, m chosen so that t0 + m r0 = 0 mod 2^64: that low word
            // carries exactly when t0 is not zero.
            m = t0 * INV;
            c = Math.unsignedMultiplyHigh(m, Q0) + ((t0 | -t0) >>> 63);
            lo = m * Q1;
            hi = Math.unsignedMultiplyHigh(m, Q1);
            s = t1 + lo;
            hi += carry(lo, s);
            t0 = s + c;
            c = hi + carry(c, t0);
            lo = m * Q2;
            hi = Math.unsignedMultiplyHigh(m, Q2);
            s = t2 + lo;
            hi += carry(lo, s);
            t1 = s + c;
            c = hi + carry(c, t1);
            lo = m * Q3;
            hi = Math.unsignedMultiplyHigh(m, Q3);
            s = t3 + lo;
            hi += carry(lo, s);
            t2 = s + c;
            t3 = t4 + hi + carry(c, t2);
            storeButterfly(a, xo, yo, a[xo], a[xo + 1], a[xo + 2], a[xo + 3], t0, t1, t2, t3);
        }
    }

    /** The butterfly with twiddle 1, (x, y) := (x + y, x - y), on elements x + j and y + j. */
    static void runUnit(long[] a, int x, int y, int count) {
        int xo = 4 * x;
        int yo = 4 * y;
        for (int j = 0; j < count; j++, xo += 4, yo += 4) {
            // Bring y below 2r, as a product would be.
            long y0 = a[yo], y1 = a[yo + 1], y2 = a[yo + 2], y3 = a[yo + 3];
            long d0 = y0 - D0;
            long br = borrow(y0, D0, d0);
            long d1 = y1 - D1 - br;
            br = borrow(y1, D1, d1);
            long d2 = y2 - D2 - br;
            br = borrow(y2, D2, d2);
            long d3 = y3 - D3 - br;
            br = borrow(y3, D3, d3);
            long keep = -br;
            y0 = (y0 & keep) | (d0 & ~keep);
            y1 = (y1 & keep) | (d1 & ~keep);
            y2 = (y2 & keep) | (d2 & ~keep);
            y3 = (y3 & keep) | (d3 & ~keep);
            storeButterfly(a, xo, yo, a[xo], a[xo + 1], a[xo + 2], a[xo + 3], y0, y1, y2, y3);
        }
    }

    /**
     * Given x in [0, 4r) and t in [0, 2r): x := x mod' 2r (one conditional subtraction), then
     * a[xo..] := x + t and a[yo..] := x + 2r - t, both in [0, 4r).
     */
    private static void storeButterfly(long[] a, int xo, int yo, long x0, long x1, long x2, long x3,
            long t0, long t1, long t2, long t3) {
        long d0 = x0 - D0;
        long br = borrow(x0, D0, d0);
        long d1 = x1 - D1 - br;
        br = borrow(x1, D1, d1);
        long d2 = x2 - D2 - br;
        br = borrow(x2, D2, d2);
        long d3 = x3 - D3 - br;
        br = borrow(x3, D3, d3);
        long keep = -br;
        x0 = (x0 & keep) | (d0 & ~keep);
        x1 = (x1 & keep) | (d1 & ~keep);
        x2 = (x2 & keep) | (d2 & ~keep);
        x3 = (x3 & keep) | (d3 & ~keep);

        long s0 = x0 + t0;
        long c = carry(x0, t0, s0);
        long s1 = x1 + t1 + c;
        c = carry(x1, t1, s1);
        long s2 = x2 + t2 + c;
        c = carry(x2, t2, s2);
        a[xo] = s0;
        a[xo + 1] = s1;
        a[xo + 2] = s2;
        a[xo + 3] = x3 + t3 + c;

        // x + 2r - t: x + 2r < 4r fits, and t < 2r keeps the difference positive.
        long u0 = x0 + D0;
        c = carry(x0, D0, u0);
        long u1 = x1 + D1 + c;
        c = carry(x1, D1, u1);
        long u2 = x2 + D2 + c;
        c = carry(x2, D2, u2);
        long u3 = x3 + D3 + c;
        long v0 = u0 - t0;
        br = borrow(u0, t0, v0);
        long v1 = u1 - t1 - br;
        br = borrow(u1, t1, v1);
        long v2 = u2 - t2 - br;
        br = borrow(u2, t2, v2);
        a[yo] = v0;
        a[yo + 1] = v1;
        a[yo + 2] = v2;
        a[yo + 3] = u3 - t3 - br;
    }

    /** Elements [from, to) of {@code a} from [0, 4r) to canonical [0, r). */
    static void normalize(long[] a, int from, int to) {
        for (int o = 4 * from; o < 4 * to; o += 4) {
            long x0 = a[o], x1 = a[o + 1], x2 = a[o + 2], x3 = a[o + 3];
            long d0 = x0 - D0;
            long br = borrow(x0, D0, d0);
            long d1 = x1 - D1 - br;
            br = borrow(x1, D1, d1);
            long d2 = x2 - D2 - br;
            br = borrow(x2, D2, d2);
            long d3 = x3 - D3 - br;
            br = borrow(x3, D3, d3);
            long keep = -br;
            x0 = (x0 & keep) | (d0 & ~keep);
            x1 = (x1 & keep) | (d1 & ~keep);
            x2 = (x2 & keep) | (d2 & ~keep);
            x3 = (x3 & keep) | (d3 & ~keep);
            d0 = x0 - Q0;
            br = borrow(x0, Q0, d0);
            d1 = x1 - Q1 - br;
            br = borrow(x1, Q1, d1);
            d2 = x2 - Q2 - br;
            br = borrow(x2, Q2, d2);
            d3 = x3 - Q3 - br;
            br = borrow(x3, Q3, d3);
            keep = -br;
            a[o] = (x0 & keep) | (d0 & ~keep);
            a[o + 1] = (x1 & keep) | (d1 & ~keep);
            a[o + 2] = (x2 & keep) | (d2 & ~keep);
            a[o + 3] = (x3 & keep) | (d3 & ~keep);
        }
    }

    /** Carry out of the two-operand sum s = x + y, given one operand: s wrapped below it. */
    private static long carry(long x, long s) {
        return Long.compareUnsigned(s, x) < 0 ? 1 : 0;
    }

    /** Carry out of x + y + a carry in, given the sum s (branch-free). */
    private static long carry(long x, long y, long s) {
        return ((x & y) | ((x | y) & ~s)) >>> 63;
    }

    /** Borrow out of x - y (- a borrow in) given the difference d. */
    private static long borrow(long x, long y, long d) {
        return ((~x & y) | ((~x | y) & d)) >>> 63;
    }
}
