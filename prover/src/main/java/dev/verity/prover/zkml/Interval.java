package dev.verity.prover.zkml;

import java.math.BigInteger;

/** A closed integer interval {@code [lo, hi]} that a value is known to lie in. */
record Interval(long lo, long hi) {
    /** Values beyond this magnitude are refused, so the interpreter's long arithmetic stays exact. */
    static final int MAX_BITS = 62;

    Interval {
        if (lo > hi) {
            throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
        }
    }

    /** The smallest n with {@code -2^(n-1) <= lo} and {@code hi < 2^(n-1)}: the signed width of the values. */
    int signedBits() {
        int n = 1;
        while (lo < -(1L << (n - 1)) || hi >= (1L << (n - 1))) {
            n++;
        }
        return n;
    }

    Interval floorDiv(int shift) {
        return new Interval(Math.floorDiv(lo, 1L << shift), Math.floorDiv(hi, 1L << shift));
    }

    Interval relu() {
        return new Interval(Math.max(lo, 0), Math.max(hi, 0));
    }

    Interval union(Interval o) {
        return new Interval(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    /**
     * Bounds a sum of products {@code bias + sum w_i * x_i} from intervals of its terms, and
     * every partial sum of it in magnitude (the interpreter adds the terms in that order).
     */
    static final class Sum {
        private BigInteger lo = BigInteger.ZERO;
        private BigInteger hi = BigInteger.ZERO;
        private BigInteger magnitude = BigInteger.ZERO;

        void add(Interval term) {
            lo = lo.add(BigInteger.valueOf(term.lo));
            hi = hi.add(BigInteger.valueOf(term.hi));
            magnitude = magnitude.add(BigInteger.valueOf(Math.max(Math.abs(term.lo), Math.abs(term.hi))));
        }

        void addProduct(Interval w, Interval x) {
            BigInteger[] corners = {
                BigInteger.valueOf(w.lo).multiply(BigInteger.valueOf(x.lo)),
                BigInteger.valueOf(w.lo).multiply(BigInteger.valueOf(x.hi)),
                BigInteger.valueOf(w.hi).multiply(BigInteger.valueOf(x.lo)),
                BigInteger.valueOf(w.hi).multiply(BigInteger.valueOf(x.hi))};
            BigInteger min = corners[0];
            BigInteger max = corners[0];
            for (BigInteger c : corners) {
                min = min.min(c);
                max = max.max(c);
            }
            lo = lo.add(min);
            hi = hi.add(max);
            magnitude = magnitude.add(min.abs().max(max.abs()));
        }

        /** The interval of the sum; refused when a partial sum could reach 2^62 ({@code what} names it). */
        Interval build(String what) {
            if (magnitude.bitLength() > MAX_BITS) {
                throw new IllegalArgumentException(what + " can reach values beyond 2^" + MAX_BITS
                        + "; scale the weights down");
            }
            return new Interval(lo.longValueExact(), hi.longValueExact());
        }
    }
}
