package dev.verity.prover.zkml;

/** A closed integer interval {@code [lo, hi]} that a value is known to lie in. */
record Interval(long lo, long hi) {
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
}
