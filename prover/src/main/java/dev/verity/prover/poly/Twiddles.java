package dev.verity.prover.poly;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.lang.ref.SoftReference;

/**
 * Twiddle factors for the radix-2 butterflies of a stage with half-width h = 2^log2Half: the
 * powers w_{2h}^j, 0 &lt;= j &lt; h, of the root of order 2h, Montgomery form, 4 longs each.
 *
 * <p>Low stages (h &lt; 2^{@value #LOW_LOG2}) read a small table shared by every transform, where
 * each stage's twiddles are contiguous: these stages run inside cache-sized blocks and would
 * otherwise touch a new cache line and page per twiddle. High stages read the first half of the
 * powers of the root of order N, the largest size asked for so far: w_{2h}^j = w_N^(j N/(2h)),
 * a strided read of one table of N/2 entries that serves every smaller size. Only the largest
 * such table is kept, and softly, so that the garbage collector can take it back under memory
 * pressure (it is 16 MiB at N = 2^20).
 */
final class Twiddles {
    /** Stages with half-width below 2^LOW_LOG2 use the shared table of 2^LOW_LOG2 - 1 entries (256 KiB). */
    static final int LOW_LOG2 = 13;
    private static final int BUILD_CHUNK = 1 << 12;
    /** Stage log2Half at element 2^log2Half - 1: w_{2h}^j at element h - 1 + j. */
    private static final long[] LOW = buildLow();
    private static final Twiddles LOW_ONLY = new Twiddles(LOW_LOG2, null);

    private static SoftReference<Twiddles> cached = new SoftReference<>(null);

    private final int log2Size;
    /** w_N^j at 4 * j for j &lt; N/2, N = 2^log2Size; null when no stage needs it. */
    private final long[] powers;

    private Twiddles(int log2Size, long[] powers) {
        this.log2Size = log2Size;
        this.powers = powers;
    }

    /** Twiddles for every stage of transforms of size up to 2^log2n. */
    static synchronized Twiddles atLeast(int log2n) {
        if (log2n <= LOW_LOG2) {
            return LOW_ONLY;
        }
        Twiddles t = cached.get();
        if (t == null || t.log2Size < log2n) {
            t = new Twiddles(log2n, powersOfRoot(log2n));
            cached = new SoftReference<>(t);
        }
        return t;
    }

    /** The table holding the twiddles of stage log2Half. */
    long[] table(int log2Half) {
        return log2Half < LOW_LOG2 ? LOW : powers;
    }

    /** Offset in {@link #table} of w_{2h}^j for stage log2Half. */
    int offset(int log2Half, int j) {
        return log2Half < LOW_LOG2 ? 4 * ((1 << log2Half) - 1 + j) : j * stride(log2Half);
    }

    /** Distance, in longs, between w_{2h}^j and w_{2h}^(j+1) in {@link #table}. */
    int stride(int log2Half) {
        return log2Half < LOW_LOG2 ? 4 : 4 << (log2Size - 1 - log2Half);
    }

    private static long[] buildLow() {
        long[] low = new long[4 * ((1 << LOW_LOG2) - 1)];
        MontgomeryField f = Fr.FIELD;
        for (int log2Half = 0; log2Half < LOW_LOG2; log2Half++) {
            long[] root = Domain.of(log2Half + 1).root();
            int at = 4 * ((1 << log2Half) - 1);
            f.setOne(low, at);
            for (int j = 1; j < 1 << log2Half; j++) {
                f.mul(low, at + 4 * (j - 1), root, 0, low, at + 4 * j);
            }
        }
        return low;
    }

    /** w_N^j for 0 &lt;= j &lt; N/2, N = 2^log2Size. */
    private static long[] powersOfRoot(int log2Size) {
        int half = 1 << (log2Size - 1);
        long[] powers = new long[4 * half];
        MontgomeryField f = Fr.FIELD;
        long[] root = Domain.of(log2Size).root();
        ParallelRange.forEach(0, half, BUILD_CHUNK, (from, to) -> {
            f.pow(root, 0, new long[] {from}, powers, 4 * from);
            for (int j = from + 1; j < to; j++) {
                f.mul(powers, 4 * (j - 1), root, 0, powers, 4 * j);
            }
        });
        return powers;
    }
}
