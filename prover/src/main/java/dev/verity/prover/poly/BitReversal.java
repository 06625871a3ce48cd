package dev.verity.prover.poly;

/** The bit-reversal permutation of the first 2^log2n four-long elements of an array. */
final class BitReversal {
    private static final int PARALLEL_MIN = 1 << 14;

    private BitReversal() {
    }

    /** Swaps element i with element reverse(i) (log2n bits) for every i. */
    static void permute(long[] a, int log2n) {
        if (log2n == 0) {
            return;
        }
        int shift = 32 - log2n;
        // Each pair {i, reverse(i)} is swapped by its smaller member only, so chunks never collide.
        ParallelRange.forEach(0, 1 << log2n, PARALLEL_MIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                int j = Integer.reverse(i) >>> shift;
                if (i < j) {
                    int x = 4 * i;
                    int y = 4 * j;
                    long t0 = a[x], t1 = a[x + 1], t2 = a[x + 2], t3 = a[x + 3];
                    a[x] = a[y];
                    a[x + 1] = a[y + 1];
                    a[x + 2] = a[y + 2];
                    a[x + 3] = a[y + 3];
                    a[y] = t0;
                    a[y + 1] = t1;
                    a[y + 2] = t2;
                    a[y + 3] = t3;
                }
            }
        });
    }
}
