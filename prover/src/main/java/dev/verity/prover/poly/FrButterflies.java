package dev.verity.prover.poly;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;

/**
 * Radix-2 butterflies on Fr elements in Montgomery form, on limbs in local variables, with no
 * data-dependent branch (carries and conditional subtractions use masks, since about half of them
 * go either way on random data):
 * <ul>
 *   <li>decimation in time (Cooley-Tukey): (x, y) := (x + w y, x - w y);</li>
 *   <li>decimation in frequency (Gentleman-Sande), for inverse transforms: (x, y) := (x + y, (y - x) w),
 *       the caller passing w = -w'^-1 for the twiddle w' of the inverse butterfly.</li>
 * </ul>
 *
 * <p>Reduction is lazy (Harvey's butterflies), with values that fit 256 bits because 4r &lt; 2^256.
 * The Montgomery product of a value below 4r with a canonical factor is below 2r without its final
 * subtraction. Between Cooley-Tukey butterflies values lie in [0, 4r): x is brought below 2r by one
 * conditional subtraction of 2r, then x + w y and x - w y + 2r are in [0, 4r) with no further
 * reduction. Between Gentleman-Sande butterflies values lie in [0, 2r): x + y needs one conditional
 * subtraction of 2r, and y - x + 2r &lt; 4r goes straight into the product. {@link #normalize}
 * brings values back to canonical form. The product is the CIOS Montgomery multiplication of
 * {@code MontgomeryField#mul}, specialised to Fr.
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

    /** What {@link #kernel} does around its product. */
    private static final int COOLEY_TUKEY = 0;
    private static final int GENTLEMAN_SANDE = 1;
    private static final int SCALE = 2;

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
     * Cooley-Tukey butterflies on elements x + j and y + j of {@code a} for 0 &lt;= j &lt; count,
     * values in [0, 4r) in and out, with the canonical twiddle at long offset
     * {@code wOffset + j * wStride} of {@code w}.
     */
    static void run(long[] a, int x, int y, int count, long[] w, int wOffset, int wStride) {
        kernel(COOLEY_TUKEY, a, x, y, count, w, wOffset, wStride);
    }

    /**
     * Gentleman-Sande butterflies (x, y) := (x + y, (y - x) w) on elements x + j and y + j for
     * 0 &lt;= j &lt; count, values in [0, 2r) in and out, with the canonical factor at long offset
     * {@code wOffset + j * wStride} of {@code w} (the stride may be negative).
     */
    static void runInverse(long[] a, int x, int y, int count, long[] w, int wOffset, int wStride) {
        kernel(GENTLEMAN_SANDE, a, x, y, count, w, wOffset, wStride);
    }

    /**
     * a_i := a_i f_(i - from) for from &lt;= i &lt; to, with the canonical factor f_j at long offset
     * {@code fOffset + j * fStride} of {@code f} (stride 0: one factor for all); values below 4r
     * in, below 2r out.
     */
    static void multiply(long[] a, int from, int to, long[] f, int fOffset, int fStride) {
        kernel(SCALE, a, 0, from, to - from, f, fOffset, fStride);
    }

    /**
     * The three loops above in one body, so that the Montgomery product is written once and still
     * inlined (a product in its own method is too big for the JIT to inline, and the call costs
     * about a tenth); the mode is the same for every iteration, so its tests are free.
     */
    private static void kernel(int mode, long[] a, int x, int y, int count, long[] w, int wOffset, int wStride) {
        int xo = 4 * x;
        int yo = 4 * y;
        int wo = wOffset;
        for (int j = 0; j < count; j++, xo += 4, yo += 4, wo += wStride) {
            long b0, b1, b2, b3;
            if (mode == GENTLEMAN_SANDE) {
                long x0 = a[xo], x1 = a[xo + 1], x2 = a[xo + 2], x3 = a[xo + 3];
                long y0 = a[yo], y1 = a[yo + 1], y2 = a[yo + 2], y3 = a[yo + 3];
                // x := x + y, below 4r, brought below 2r
                long s0 = x0 + y0;
                long c = carry(x0, y0, s0);
                long s1 = x1 + y1 + c;
                c = carry(x1, y1, s1);
                long s2 = x2 + y2 + c;
                c = carry(x2, y2, s2);
                long s3 = x3 + y3 + c;
                long d0 = s0 - D0;
                long br = borrow(s0, D0, d0);
                long d1 = s1 - D1 - br;
                br = borrow(s1, D1, d1);
                long d2 = s2 - D2 - br;
                br = borrow(s2, D2, d2);
                long d3 = s3 - D3 - br;
                br = borrow(s3, D3, d3);
                long keep = -br;
                a[xo] = (s0 & keep) | (d0 & ~keep);
                a[xo + 1] = (s1 & keep) | (d1 & ~keep);
                a[xo + 2] = (s2 & keep) | (d2 & ~keep);
                a[xo + 3] = (s3 & keep) | (d3 & ~keep);
                // b := y + 2r - x, in (0, 4r)
                long u0 = y0 + D0;
                c = carry(y0, D0, u0);
                long u1 = y1 + D1 + c;
                c = carry(y1, D1, u1);
                long u2 = y2 + D2 + c;
                c = carry(y2, D2, u2);
                long u3 = y3 + D3 + c;
                b0 = u0 - x0;
                br = borrow(u0, x0, b0);
                b1 = u1 - x1 - br;
                br = borrow(u1, x1, b1);
                b2 = u2 - x2 - br;
                br = borrow(u2, x2, b2);
                b3 = u3 - x3 - br;
            } else {
                b0 = a[yo];
                b1 = a[yo + 1];
                b2 = a[yo + 2];
                b3 = a[yo + 3];
            }

            // t := b w / 2^256 mod r, below 2r: CIOS, one pass per limb of w, unrolled. Every value
            // stays below b + r < 5r < 2^256, so no fifth limb survives a pass.
            long w0 = w[wo], w1 = w[wo + 1], w2 = w[wo + 2], w3 = w[wo + 3];
            long t0, t1, t2, t3, t4, lo, hi, s, c, m;
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
            if (mode != COOLEY_TUKEY) {
                a[yo] = t0;
                a[yo + 1] = t1;
                a[yo + 2] = t2;
                a[yo + 3] = t3;
                continue;
            }
            // x brought below 2r, then x := x + t and y := x + 2r - t, both in [0, 4r)
            long x0 = a[xo], x1 = a[xo + 1], x2 = a[xo + 2], x3 = a[xo + 3];
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
            c = carry(x0, t0, s0);
            long s1 = x1 + t1 + c;
            c = carry(x1, t1, s1);
            long s2 = x2 + t2 + c;
            c = carry(x2, t2, s2);
            a[xo] = s0;
            a[xo + 1] = s1;
            a[xo + 2] = s2;
            a[xo + 3] = x3 + t3 + c;
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
    }

    /** {@link #run} with every twiddle 1: (x, y) := (x + y, x - y), [0, 4r) in and out. */
    static void runUnit(long[] a, int x, int y, int count) {
        int xo = 4 * x;
        int yo = 4 * y;
        for (int j = 0; j < count; j++, xo += 4, yo += 4) {
            // Both below 2r first, so that x + y and x + 2r - y are in [0, 4r).
            reduceBelowTwoR(a, xo);
            reduceBelowTwoR(a, yo);
            butterflyWithoutReduction(a, xo, yo);
        }
    }

    /** {@link #runInverse} with every factor 1: (x, y) := (x + y, x - y), [0, 2r) in and out. */
    static void runInverseUnit(long[] a, int x, int y, int count) {
        int xo = 4 * x;
        int yo = 4 * y;
        for (int j = 0; j < count; j++, xo += 4, yo += 4) {
            butterflyWithoutReduction(a, xo, yo);
            reduceBelowTwoR(a, xo);
            reduceBelowTwoR(a, yo);
        }
    }

    /** (x, y) := (x + y, x + 2r - y) for x, y below 2r: both results below 4r. */
    private static void butterflyWithoutReduction(long[] a, int xo, int yo) {
        long x0 = a[xo], x1 = a[xo + 1], x2 = a[xo + 2], x3 = a[xo + 3];
        long y0 = a[yo], y1 = a[yo + 1], y2 = a[yo + 2], y3 = a[yo + 3];
        long s0 = x0 + y0;
        long c = carry(x0, y0, s0);
        long s1 = x1 + y1 + c;
        c = carry(x1, y1, s1);
        long s2 = x2 + y2 + c;
        c = carry(x2, y2, s2);
        a[xo] = s0;
        a[xo + 1] = s1;
        a[xo + 2] = s2;
        a[xo + 3] = x3 + y3 + c;
        long u0 = x0 + D0;
        c = carry(x0, D0, u0);
        long u1 = x1 + D1 + c;
        c = carry(x1, D1, u1);
        long u2 = x2 + D2 + c;
        c = carry(x2, D2, u2);
        long u3 = x3 + D3 + c;
        long v0 = u0 - y0;
        long br = borrow(u0, y0, v0);
        long v1 = u1 - y1 - br;
        br = borrow(u1, y1, v1);
        long v2 = u2 - y2 - br;
        br = borrow(u2, y2, v2);
        a[yo] = v0;
        a[yo + 1] = v1;
        a[yo + 2] = v2;
        a[yo + 3] = u3 - y3 - br;
    }

    /** a[at..at+3] := a[at..at+3] - 2r if that does not go below zero. */
    private static void reduceBelowTwoR(long[] a, int at) {
        long x0 = a[at], x1 = a[at + 1], x2 = a[at + 2], x3 = a[at + 3];
        long d0 = x0 - D0;
        long br = borrow(x0, D0, d0);
        long d1 = x1 - D1 - br;
        br = borrow(x1, D1, d1);
        long d2 = x2 - D2 - br;
        br = borrow(x2, D2, d2);
        long d3 = x3 - D3 - br;
        br = borrow(x3, D3, d3);
        long keep = -br;
        a[at] = (x0 & keep) | (d0 & ~keep);
        a[at + 1] = (x1 & keep) | (d1 & ~keep);
        a[at + 2] = (x2 & keep) | (d2 & ~keep);
        a[at + 3] = (x3 & keep) | (d3 & ~keep);
    }

    /** Elements [from, to) of {@code a} from [0, 4r) to canonical [0, r). */
    static void normalize(long[] a, int from, int to) {
        for (int o = 4 * from; o < 4 * to; o += 4) {
            reduceBelowTwoR(a, o);
            long x0 = a[o], x1 = a[o + 1], x2 = a[o + 2], x3 = a[o + 3];
            long d0 = x0 - Q0;
            long br = borrow(x0, Q0, d0);
            long d1 = x1 - Q1 - br;
            br = borrow(x1, Q1, d1);
            long d2 = x2 - Q2 - br;
            br = borrow(x2, Q2, d2);
            long d3 = x3 - Q3 - br;
            br = borrow(x3, Q3, d3);
            long keep = -br;
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
