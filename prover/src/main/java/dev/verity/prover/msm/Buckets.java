package dev.verity.prover.msm;

/**
 * The buckets of one Pippenger window (or one chunk of it), owned by one task at a time.
 *
 * <p>Bucket {@code b} collects the bases whose window digit is +-(b + 1). Each bucket is an
 * affine point (all zeros while empty) plus a Jacobian "overflow" point. Additions into the
 * affine part are collected in batches of independent additions (no bucket twice per batch) and
 * done in affine coordinates with one shared field inversion (Montgomery's trick), about half the
 * cost of a mixed Jacobian addition. A point whose bucket is already in the open batch waits in a
 * queue for the next batch; when the queue is full (skewed digits, e.g. many equal scalars) it
 * goes to the overflow point with a mixed addition instead, so no digit distribution costs more
 * than that. With a batch capacity of 0 every addition goes to the overflow points: plain
 * Jacobian Pippenger, which wins when there are too few buckets to fill batches.
 *
 * <p>The weighted sum of the buckets is computed by running sums. With a segment length L > 0
 * the buckets are cut into segments of L whose running sums advance side by side, so that each
 * step is again one batch of independent affine additions; the segment results are then
 * combined in Jacobian coordinates.
 *
 * <p>Sources of batched additions are given as offsets into a source array; a complemented
 * offset {@code ~offset} means "subtract that point".
 */
abstract class Buckets {
    /**
     * The last batches of a window are flushed only while they hold at least this many
     * additions; below it one inversion costs more than doing the rest as mixed additions.
     */
    private static final int MIN_FINAL_BATCH = 64;

    private final int count;
    private final int batchCapacity;
    private final int segment;
    private final int affineLimbs;
    private final int jacobianLimbs;
    /** The affine buckets, {@link #affineLimbs} longs each. */
    private final long[] buckets;
    /** The overflow buckets, Jacobian. */
    private final long[] overflow;
    private final long[] bases;
    private final int basesOffset;
    private final long[] negated;

    /** The batch in which a bucket was last scheduled; equal to {@link #batchNumber} means it is in the open batch. */
    private final int[] scheduledIn;
    private final int[] batchDst;
    private final int[] batchSrc;
    private int batchSize;
    private int batchNumber = 1;
    /** Additions that found their bucket busy, for the next batch; shorter than a batch, so re-queuing never fills one. */
    private final int[] queuedBucket;
    private final int[] queuedPoint;
    private int queued;

    /**
     * @param bases the affine base points; point i starts at {@code basesOffset + i * affineLimbs}
     * @param count number of buckets
     * @param batchCapacity additions per batch, 0 for mixed additions only
     * @param segment segment length of the affine bucket reduction, 0 for a Jacobian running sum;
     *     a power of two dividing {@code count}, and {@code count / segment} must not exceed the
     *     batch capacity
     */
    protected Buckets(long[] bases, int basesOffset, int affineLimbs, int jacobianLimbs, int count, int batchCapacity,
            int segment) {
        if (segment > 0 && (Integer.bitCount(segment) != 1 || count % segment != 0 || count / segment > batchCapacity)) {
            throw new IllegalArgumentException("segment length " + segment + " does not fit " + count + " buckets");
        }
        this.bases = bases;
        this.basesOffset = basesOffset;
        this.affineLimbs = affineLimbs;
        this.negated = new long[affineLimbs];
        this.jacobianLimbs = jacobianLimbs;
        this.count = count;
        this.batchCapacity = batchCapacity;
        this.segment = segment;
        this.buckets = new long[batchCapacity > 0 ? count * affineLimbs : 0];
        this.overflow = new long[count * jacobianLimbs];
        this.scheduledIn = new int[batchCapacity > 0 ? count : 0];
        this.batchDst = new int[batchCapacity];
        this.batchSrc = new int[batchCapacity];
        this.queuedBucket = new int[batchCapacity / 2];
        this.queuedPoint = new int[batchCapacity / 2];
    }

    // ---------------------------------------------------------------- accumulation

    /**
     * Adds base {@code i} times the sign of its digit into bucket |digit| - 1 for every point
     * {@code from <= i < to}, where the digit of point i is {@code digits[digitOffset + i]}.
     */
    final void accumulate(short[] digits, int digitOffset, int from, int to) {
        for (int i = from; i < to; i++) {
            int d = digits[digitOffset + i];
            if (d == 0) {
                continue;
            }
            int b = d > 0 ? d - 1 : -d - 1;
            int point = d > 0 ? i : ~i;
            if (batchCapacity == 0) {
                addToOverflow(b, point);
            } else {
                schedule(b, point);
            }
        }
        flush();
        while (queued > 0) {
            requeue();
            if (batchSize < MIN_FINAL_BATCH) {
                for (int k = 0; k < queued; k++) {
                    addToOverflow(queuedBucket[k], queuedPoint[k]);
                }
                queued = 0;
            }
            flush();
        }
    }

    private int baseOffset(int point) {
        return point >= 0 ? basesOffset + point * affineLimbs : ~(basesOffset + ~point * affineLimbs);
    }

    private void schedule(int b, int point) {
        int o = b * affineLimbs;
        if (isZero(buckets, o, affineLimbs)) {
            setBucket(o, point);
        } else if (scheduledIn[b] == batchNumber) {
            if (queued < queuedBucket.length) {
                queuedBucket[queued] = b;
                queuedPoint[queued++] = point;
            } else {
                addToOverflow(b, point);
            }
        } else {
            scheduledIn[b] = batchNumber;
            batchDst[batchSize] = o;
            batchSrc[batchSize] = baseOffset(point);
            if (++batchSize == batchCapacity) {
                flush();
                requeue();
            }
        }
    }

    /** Schedules the queued additions again (into an empty batch, which they cannot fill). */
    private void requeue() {
        int n = queued;
        queued = 0;
        for (int k = 0; k < n; k++) {
            // re-queuing writes at index queued <= k, never over an entry not yet read
            schedule(queuedBucket[k], queuedPoint[k]);
        }
    }

    private void flush() {
        if (batchSize > 0) {
            addBatch(buckets, batchDst, bases, batchSrc, batchSize);
            batchSize = 0;
            batchNumber++;
        }
    }

    private void addToOverflow(int b, int point) {
        int q = baseOffset(point);
        if (q >= 0) {
            mixedAdd(overflow, b * jacobianLimbs, bases, q);
        } else {
            negateAffine(bases, ~q, negated, 0);
            mixedAdd(overflow, b * jacobianLimbs, negated, 0);
        }
    }

    private void setBucket(int o, int point) {
        int q = baseOffset(point);
        if (q >= 0) {
            System.arraycopy(bases, q, buckets, o, affineLimbs);
        } else {
            negateAffine(bases, ~q, buckets, o);
        }
    }

    // ---------------------------------------------------------------- reduction

    /** The weighted bucket sum: sum over b of (b + 1) * bucket b, as a new Jacobian point. */
    final long[] reduce() {
        if (segment == 0) {
            return jacobianRunningSum();
        }
        mergeOverflow();
        return segmentedRunningSum();
    }

    /** running += bucket b; total += running, from the top bucket down. */
    private long[] jacobianRunningSum() {
        long[] running = new long[jacobianLimbs];
        long[] total = new long[jacobianLimbs];
        for (int b = count - 1; b >= 0; b--) {
            if (batchCapacity > 0) {
                mixedAdd(running, 0, buckets, b * affineLimbs);
            }
            if (!isJacobianInfinity(overflow, b * jacobianLimbs)) {
                add(running, 0, overflow, b * jacobianLimbs);
            }
            add(total, 0, running, 0);
        }
        return total;
    }

    /** Folds the overflow points into the affine buckets (one conversion, then batches). */
    private void mergeOverflow() {
        int[] used = new int[count];
        int n = 0;
        for (int b = 0; b < count; b++) {
            if (!isJacobianInfinity(overflow, b * jacobianLimbs)) {
                used[n++] = b;
            }
        }
        if (n == 0) {
            return;
        }
        long[] points = toAffine(overflow, count);
        for (int k = 0; k < n; k++) {
            int b = used[k], o = b * affineLimbs;
            if (isZero(buckets, o, affineLimbs)) {
                System.arraycopy(points, o, buckets, o, affineLimbs);
            } else {
                batchDst[batchSize] = o;
                batchSrc[batchSize] = o;
                if (++batchSize == batchCapacity) {
                    addBatch(buckets, batchDst, points, batchSrc, batchSize);
                    batchSize = 0;
                }
            }
        }
        if (batchSize > 0) {
            addBatch(buckets, batchDst, points, batchSrc, batchSize);
            batchSize = 0;
        }
    }

    /**
     * Segment k holds buckets kL .. kL + L - 1. Its running sums give S_k (plain sum) and T_k
     * (sum of (j + 1) * bucket kL + j); the window sum is sum_k T_k + L * sum_k k S_k.
     */
    private long[] segmentedRunningSum() {
        int segments = count / segment, a = affineLimbs;
        long[] running = new long[segments * a];
        long[] total = new long[segments * a];
        for (int j = segment - 1; j >= 0; j--) {
            for (int k = 0; k < segments; k++) {
                scheduleSum(running, k * a, buckets, (k * segment + j) * a);
            }
            flushSums(running, buckets);
            for (int k = 0; k < segments; k++) {
                scheduleSum(total, k * a, running, k * a);
            }
            flushSums(total, running);
        }
        long[] result = new long[jacobianLimbs];
        long[] weighted = new long[jacobianLimbs];   // sum_k k S_k by one more running sum
        long[] runningS = new long[jacobianLimbs];
        for (int k = segments - 1; k >= 1; k--) {
            mixedAdd(runningS, 0, running, k * a);
            add(weighted, 0, runningS, 0);
        }
        for (int s = segment; s > 1; s >>= 1) {
            dbl(weighted);
        }
        for (int k = 0; k < segments; k++) {
            mixedAdd(result, 0, total, k * a);
        }
        add(result, 0, weighted, 0);
        return result;
    }

    /** dst[d] += src[s] as part of a batch; infinity on either side needs no addition. */
    private void scheduleSum(long[] dst, int d, long[] src, int s) {
        if (isZero(src, s, affineLimbs)) {
            return;
        }
        if (isZero(dst, d, affineLimbs)) {
            System.arraycopy(src, s, dst, d, affineLimbs);
            return;
        }
        batchDst[batchSize] = d;
        batchSrc[batchSize++] = s;
    }

    private void flushSums(long[] dst, long[] src) {
        if (batchSize > 0) {
            addBatch(dst, batchDst, src, batchSrc, batchSize);
            batchSize = 0;
        }
    }

    private static boolean isZero(long[] a, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- group arithmetic

    /**
     * For each {@code j < size}: the affine point at {@code dst[dstAt[j]]} += the affine point at
     * {@code src[srcAt[j]]} (subtracted where {@code srcAt[j]} is complemented), with one shared
     * inversion. Both points are finite and the destinations distinct; a sum at infinity is
     * written as zeros.
     */
    protected abstract void addBatch(long[] dst, int[] dstAt, long[] src, int[] srcAt, int size);

    /** r (affine) = -p (affine). */
    protected abstract void negateAffine(long[] p, int po, long[] r, int ro);

    protected abstract boolean isJacobianInfinity(long[] p, int po);

    /** {@code count} Jacobian points to a new affine array, one inversion. */
    protected abstract long[] toAffine(long[] jacobian, int count);

    /** The Jacobian point at acc[ao] += the affine point at p[po] (zeros: infinity). */
    abstract void mixedAdd(long[] acc, int ao, long[] p, int po);

    /** The Jacobian point at acc[ao] += the Jacobian point at p[po]. */
    abstract void add(long[] acc, int ao, long[] p, int po);

    /** acc = 2 acc, Jacobian. */
    abstract void dbl(long[] acc);

    /** A new Jacobian point at infinity. */
    final long[] infinity() {
        return new long[jacobianLimbs];
    }

    /** acc (Jacobian) += base {@code index}, mixed addition. */
    final void addBase(long[] acc, int index) {
        mixedAdd(acc, 0, bases, basesOffset + index * affineLimbs);
    }
}
