package dev.verity.prover.msm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;

/**
 * The bucket method for sum k_i P_i with signed c-bit digits, shared by G1 and G2 (the group
 * arithmetic is behind {@link Buckets}).
 *
 * <p>Scalars (below 2^254) are cut into W = ceil(255 / c) windows of c bits. Digits are signed:
 * a window value v >= 2^(c-1) becomes v - 2^c with a carry into the next window, so digits lie in
 * [-2^(c-1), 2^(c-1)] and only 2^(c-1) buckets are needed (negating an affine point is free).
 * The top window never needs the subtraction because cW >= 255 leaves it at most 2^(c-1).
 * The (window, chunk of points) tasks run on a ForkJoin pool sized to the machine; a window
 * with many non-zero digits is cut into chunks of points so that skewed scalars (e.g. a witness
 * full of bits, whose work is all in the lowest window) still use every core. Window sums are
 * combined by Horner's rule with c doublings per window.
 */
final class Pippenger {
    /** Scalars are below r < 2^254. */
    private static final int SCALAR_BITS = 254;
    private static final int MAX_WINDOW_BITS = 16;   // digits must fit in a short
    private static final int MAX_BATCH = 2048;

    private static final class PoolHolder {
        static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    }

    /** Creates the per-task buckets of one group over fixed bases. */
    interface BucketsFactory {
        Buckets create(int count, int batchCapacity, int segment);
    }

    /**
     * Cost model, in measured multiples of one Fp multiplication.
     *
     * @param inversion one inversion of the coordinate field
     * @param mixedAdd one mixed (Jacobian + affine) bucket addition
     * @param affineAdd one batched affine bucket addition, excluding the shared inversion
     * @param runningSumStep one step (per bucket) of the Jacobian running-sum reduction
     */
    record Costs(double inversion, double mixedAdd, double affineAdd, double runningSumStep) {
    }

    /**
     * Window size c, W windows, the affine batch size (0: mixed additions only) and the segment
     * length of the affine bucket reduction (0: Jacobian).
     */
    record Plan(int windowBits, int windows, int batch, int segment) {
    }

    /** Tasks aimed at per thread, so that work stealing can even out unequal windows. */
    private static final int TASKS_PER_THREAD = 4;

    private Pippenger() {
    }

    static int parallelism() {
        return PoolHolder.POOL.getParallelism();
    }

    /**
     * sum scalar_i * base_i, Jacobian. {@code skip[i]} marks points whose term is known to be
     * zero (zero scalar or base at infinity); {@code threads} sets how finely heavy windows are
     * cut into chunks.
     */
    static long[] run(BucketsFactory factory, long[] scalars, int scalarsOffset, boolean[] skip, int n, Plan plan,
            int threads) {
        short[] digits = new short[plan.windows() * n];
        long[] nonZero = digits(scalars, scalarsOffset, skip, n, plan, digits);
        long total = 0;
        for (long count : nonZero) {
            total += count;
        }
        int buckets = 1 << (plan.windowBits() - 1);
        List<List<RecursiveTask<long[]>>> windows = new ArrayList<>();
        List<RecursiveTask<long[]>> all = new ArrayList<>();
        for (int w = 0; w < plan.windows(); w++) {
            int chunks = nonZero[w] == 0 ? 0 : chunks(nonZero[w], total, threads, buckets);
            List<RecursiveTask<long[]>> tasks = new ArrayList<>(chunks);
            for (int k = 0; k < chunks; k++) {
                int window = w, from = (int) ((long) n * k / chunks), to = (int) ((long) n * (k + 1) / chunks);
                tasks.add(new RecursiveTask<>() {
                    @Override
                    protected long[] compute() {
                        Buckets b = factory.create(buckets, plan.batch(), plan.segment());
                        b.accumulate(digits, window * n, from, to);
                        return b.reduce();
                    }
                });
            }
            windows.add(tasks);
            all.addAll(tasks);
        }
        invokeAll(all);
        Buckets ops = factory.create(0, 0, 0);
        long[] acc = ops.infinity();
        for (int w = plan.windows() - 1; w >= 0; w--) {
            for (int d = 0; d < plan.windowBits(); d++) {
                ops.dbl(acc);
            }
            for (RecursiveTask<long[]> task : windows.get(w)) {
                ops.add(acc, 0, task.join(), 0);
            }
        }
        return acc;
    }

    /**
     * How many chunks of points a window with {@code nonZero} of the {@code total} non-zero
     * digits is cut into: enough for {@link #TASKS_PER_THREAD} tasks per thread overall, but no
     * chunk under two points per bucket, where its own bucket reduction would dominate.
     */
    static int chunks(long nonZero, long total, int threads, int buckets) {
        long target = Math.max(1, total / ((long) TASKS_PER_THREAD * threads));
        long byWork = (nonZero + target - 1) / target;
        long byBuckets = nonZero / (2L * buckets);
        return (int) Math.max(1, Math.min(byWork, byBuckets));
    }

    private static void invokeAll(List<? extends ForkJoinTask<?>> tasks) {
        PoolHolder.POOL.invoke(new RecursiveAction() {
            @Override
            protected void compute() {
                ForkJoinTask.invokeAll(tasks);
            }
        });
    }

    /**
     * Fills {@code digits} window-major (digit of window w for point i at {@code w * n + i}) and
     * returns the number of non-zero digits of each window.
     */
    private static long[] digits(long[] scalars, int scalarsOffset, boolean[] skip, int n, Plan plan, short[] digits) {
        int parts = Math.min(parallelism() * TASKS_PER_THREAD, Math.max(1, n >> 12));
        long[][] counts = new long[parts][plan.windows()];
        List<RecursiveAction> tasks = new ArrayList<>(parts);
        for (int k = 0; k < parts; k++) {
            int part = k, from = (int) ((long) n * k / parts), to = (int) ((long) n * (k + 1) / parts);
            tasks.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    for (int i = from; i < to; i++) {
                        if (!skip[i]) {
                            signedDigits(scalars, scalarsOffset + 4 * i, plan, digits, i, n, counts[part]);
                        }
                    }
                }
            });
        }
        invokeAll(tasks);
        long[] nonZero = new long[plan.windows()];
        for (long[] partCounts : counts) {
            for (int w = 0; w < nonZero.length; w++) {
                nonZero[w] += partCounts[w];
            }
        }
        return nonZero;
    }

    private static void signedDigits(long[] s, int so, Plan plan, short[] digits, int i, int n, long[] nonZero) {
        int c = plan.windowBits(), windows = plan.windows();
        long mask = (1L << c) - 1;
        int half = 1 << (c - 1), carry = 0;
        for (int w = 0; w < windows; w++) {
            int bit = w * c, limb = bit >>> 6, shift = bit & 63;
            long v = s[so + limb] >>> shift;
            if (shift + c > 64 && limb < 3) {
                v |= s[so + limb + 1] << (64 - shift);
            }
            int d = (int) (v & mask) + carry;
            if (d >= half && w < windows - 1) {
                d -= 1 << c;
                carry = 1;
            } else {
                carry = 0;
            }
            digits[w * n + i] = (short) d;
            if (d != 0) {
                nonZero[w]++;
            }
        }
    }

    /**
     * Chooses the window size, batch size and reduction that minimise the modelled time for
     * uniformly distributed digits: rounds of parallel window tasks times the work of one task
     * (its bucket additions plus the bucket reduction).
     */
    static Plan plan(int n, int threads, Costs costs) {
        return plan(n, threads, costs, 0);
    }

    /** As {@link #plan(int, int, Costs)}, restricted to window size {@code c} unless it is 0. */
    static Plan plan(int n, int threads, Costs costs, int onlyWindowBits) {
        Plan best = null;
        double bestTime = Double.MAX_VALUE;
        for (int c = 2; c <= MAX_WINDOW_BITS; c++) {
            if (onlyWindowBits != 0 && c != onlyWindowBits) {
                continue;
            }
            int windows = (SCALAR_BITS + 1 + c - 1) / c;
            int buckets = 1 << (c - 1);
            int batch = batchSize(buckets, costs);
            double perAdd = batch == 0 ? costs.mixedAdd() : affineCost(batch, costs);
            int segment = segmentLength(buckets, batch, costs);
            int rounds = (windows + threads - 1) / threads;
            double time = rounds * (n * perAdd + reductionCost(buckets, segment, costs));
            if (time < bestTime) {
                bestTime = time;
                best = new Plan(c, windows, batch, segment);
            }
        }
        return best;
    }

    /**
     * The batch size for this many buckets, or 0 where mixed additions are cheaper: as large as
     * possible to spread the inversion, but at most a quarter of the buckets so that few
     * additions find their bucket busy and have to wait.
     */
    private static int batchSize(int buckets, Costs costs) {
        int batch = Math.min(MAX_BATCH, buckets / 4);
        return batch >= 16 && affineCost(batch, costs) < costs.mixedAdd() ? batch : 0;
    }

    /** The cheapest segment length for the bucket reduction, 0 for the Jacobian running sum. */
    private static int segmentLength(int buckets, int batch, Costs costs) {
        int best = 0;
        double bestCost = reductionCost(buckets, 0, costs);
        for (int segment = 2; segment <= buckets; segment *= 2) {
            double cost = reductionCost(buckets, segment, costs);
            if (buckets / segment <= batch && cost < bestCost) {
                bestCost = cost;
                best = segment;
            }
        }
        return best;
    }

    /**
     * Segmented reduction: two batched affine additions per bucket, two inversions per step of
     * the L steps, and per segment a Jacobian running-sum step plus a mixed addition.
     */
    private static double reductionCost(int buckets, int segment, Costs costs) {
        if (segment == 0) {
            return buckets * costs.runningSumStep();
        }
        return 2.0 * buckets * costs.affineAdd() + 2.0 * segment * costs.inversion()
                + (double) buckets / segment * (costs.runningSumStep() + costs.mixedAdd());
    }

    /** Batched affine cost per addition: the addition plus its share of the inversion. */
    private static double affineCost(int batch, Costs costs) {
        return costs.affineAdd() + costs.inversion() / batch;
    }

    /**
     * Simultaneous double-and-add (one shared doubling chain), for a handful of points where
     * buckets do not pay off.
     */
    static long[] doubleAndAdd(Buckets ops, long[] scalars, int scalarsOffset, boolean[] skip, int n) {
        long[] acc = ops.infinity();
        for (int bit = SCALAR_BITS - 1; bit >= 0; bit--) {
            ops.dbl(acc);
            int limb = bit >>> 6, shift = bit & 63;
            for (int i = 0; i < n; i++) {
                if (!skip[i] && ((scalars[scalarsOffset + 4 * i + limb] >>> shift) & 1) != 0) {
                    ops.addBase(acc, i);
                }
            }
        }
        return acc;
    }
}
