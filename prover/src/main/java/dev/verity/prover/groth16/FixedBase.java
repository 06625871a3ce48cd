package dev.verity.prover.groth16;

import dev.verity.prover.curve.CurveArithmetic;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.util.Progress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Many scalar multiples of one fixed point (a generator), as key generation needs them: a table
 * holds d * 2^(w j) * G for every window j and digit d, so a multiple costs one mixed addition per
 * window and no doublings. Results come out affine, normalized in chunks with one inversion each.
 */
final class FixedBase {
    private static final int L = MontgomeryField.LIMBS;
    private static final int SCALAR_BITS = Fr.MODULUS.bitLength();
    private static final int CHUNK = 2048;

    private final CurveGroup group;
    private final int window;
    private final int windows;
    private final int digits;
    /** Affine points: window j, digit d (1-based) at index j * digits + d - 1. */
    private final long[] table;

    /** @param expectedCount how many multiples will be asked for: larger counts earn larger tables */
    FixedBase(CurveGroup group, long[] baseAffine, long expectedCount) {
        this.group = group;
        this.window = expectedCount >= (1 << 16) ? 12 : 8;
        this.windows = (SCALAR_BITS + window - 1) / window;
        this.digits = (1 << window) - 1;
        this.table = buildTable(baseAffine);
    }

    private long[] buildTable(long[] baseAffine) {
        CurveArithmetic g = group.arithmetic();
        int count = windows * digits;
        long[] jacobian = new long[count * group.jacobian];
        long[] base = new long[group.jacobian];
        group.fromAffine(baseAffine, 0, base, 0);
        for (int j = 0; j < windows; j++) {
            int row = j * digits * group.jacobian;
            System.arraycopy(base, 0, jacobian, row, group.jacobian);
            for (int d = 1; d < digits; d++) {
                g.add(jacobian, row + (d - 1) * group.jacobian, base, 0, jacobian, row + d * group.jacobian);
            }
            g.add(jacobian, row + (digits - 1) * group.jacobian, base, 0, base, 0); // 2^w * base
        }
        long[] affine = new long[count * group.affine];
        g.toAffine(jacobian, 0, count, affine, 0);
        return affine;
    }

    /**
     * scalars[i] * G for {@code count} scalars given as plain canonical limbs (4 per scalar), as
     * consecutive affine points; parallel over the machine's cores.
     */
    long[] multiplyAll(long[] scalars, int count, Progress progress, String step) {
        long[] out = new long[count * group.affine];
        int chunks = (count + CHUNK - 1) / CHUNK;
        AtomicLong done = new AtomicLong();
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int from = chunk * CHUNK;
            int to = Math.min(count, from + CHUNK);
            CurveArithmetic g = group.arithmetic();
            long[] results = new long[(to - from) * group.jacobian];
            for (int i = from; i < to; i++) {
                multiply(g, scalars, L * i, results, (i - from) * group.jacobian);
            }
            g.toAffine(results, 0, to - from, out, from * group.affine);
            progress.report(step, done.addAndGet(to - from), count);
        });
        return out;
    }

    private void multiply(CurveArithmetic g, long[] scalar, int so, long[] r, int ro) {
        java.util.Arrays.fill(r, ro, ro + group.jacobian, 0L);
        for (int j = 0; j < windows; j++) {
            int d = digit(scalar, so, j * window);
            if (d != 0) {
                g.addAffine(r, ro, table, (j * digits + d - 1) * group.affine, r, ro);
            }
        }
    }

    private int digit(long[] scalar, int so, int bit) {
        int limb = bit >>> 6;
        int shift = bit & 63;
        long v = scalar[so + limb] >>> shift;
        if (shift + window > 64 && limb + 1 < L) {
            v |= scalar[so + limb + 1] << (64 - shift);
        }
        return (int) (v & digits);
    }
}
