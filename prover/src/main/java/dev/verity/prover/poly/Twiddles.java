package dev.verity.prover.poly;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.lang.ref.SoftReference;

/**
 * The first half of the powers of one root of unity, w_N^j for 0 &lt;= j &lt; N/2, Montgomery form,
 * 4 longs each. One table serves every transform of size n &lt;= N: the twiddle w_{2h}^j of a
 * butterfly stage with half-width h is entry j * N/(2h).
 *
 * <p>Only the table for the largest size asked so far is kept, and softly, so that the garbage
 * collector can take it back under memory pressure (it is 16 MiB at N = 2^20).
 */
final class Twiddles {
    /** Below this a table is so small that building a bigger one at once saves rebuilds. */
    private static final int MIN_LOG2_SIZE = 10;
    private static final int BUILD_CHUNK = 1 << 12;

    private static SoftReference<Twiddles> cached = new SoftReference<>(null);

    final int log2Size;
    /** w_N^j at 4 * j. */
    final long[] powers;

    private Twiddles(int log2Size) {
        this.log2Size = log2Size;
        int half = 1 << (log2Size - 1);
        this.powers = new long[4 * half];
        MontgomeryField f = Fr.FIELD;
        long[] root = Domain.of(log2Size).root();
        ParallelRange.forEach(0, half, BUILD_CHUNK, (from, to) -> {
            f.pow(root, 0, new long[] {from}, powers, 4 * from);
            for (int j = from + 1; j < to; j++) {
                f.mul(powers, 4 * (j - 1), root, 0, powers, 4 * j);
            }
        });
    }

    /** A table for a size of at least 2^log2n. */
    static synchronized Twiddles atLeast(int log2n) {
        Twiddles t = cached.get();
        if (t == null || t.log2Size < log2n) {
            t = new Twiddles(Math.max(log2n, Math.max(MIN_LOG2_SIZE, t == null ? 0 : t.log2Size)));
            cached = new SoftReference<>(t);
        }
        return t;
    }

    /** Distance, in longs, between the twiddles w_{2h}^j and w_{2h}^(j+1) for h = 2^log2HalfWidth. */
    int stride(int log2HalfWidth) {
        return 4 << (log2Size - 1 - log2HalfWidth);
    }
}
