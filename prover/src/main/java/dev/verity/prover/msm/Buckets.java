package dev.verity.prover.msm;

/**
 * The buckets of one Pippenger window (or one chunk of it), owned by one task at a time.
 *
 * <p>Bucket {@code b} collects the bases whose window digit is +-(b + 1). Each bucket is an
 * affine point plus a Jacobian "overflow" point. Additions into the affine part are collected in
 * batches of independent additions (no bucket twice per batch) and done in affine coordinates
 * with one shared field inversion (Montgomery's trick), about half the cost of a mixed Jacobian
 * addition. A point whose bucket is already in the pending batch waits in a queue for the next
 * batch; when the queue is full (skewed digits, e.g. many equal scalars) it goes to the overflow
 * point with a mixed addition instead, so no digit distribution costs more than that.
 * With a batch capacity of 0 every addition goes to the overflow points: that is plain
 * Jacobian Pippenger, which wins when there are too few buckets to fill batches.
 *
 * <p>The base of a digit is identified by its point index; a negative digit is recorded as the
 * bitwise complement {@code ~index}, meaning "subtract that base".
 */
abstract class Buckets {
    /**
     * The last batches of a window are flushed only while they hold at least this many
     * additions; below it one inversion costs more than doing the rest as mixed additions.
     */
    private static final int MIN_FINAL_BATCH = 64;

    protected final int count;
    protected final int batchCapacity;
    /** Whether the affine part of a bucket holds a point (otherwise it is the point at infinity). */
    protected final boolean[] full;
    /** The batch in which a bucket was last scheduled; equal to {@link #batchNumber} means pending. */
    private final int[] scheduledIn;
    protected final int[] batchBucket;
    protected final int[] batchPoint;
    private int batchSize;
    private int batchNumber = 1;
    /** Additions that found their bucket busy, for the next batch. Shorter than a batch, so re-queuing never fills one. */
    private final int[] queuedBucket;
    private final int[] queuedPoint;
    private int queued;

    protected Buckets(int count, int batchCapacity) {
        this.count = count;
        this.batchCapacity = batchCapacity;
        this.full = new boolean[count];
        this.scheduledIn = new int[batchCapacity > 0 ? count : 0];
        this.batchBucket = new int[batchCapacity];
        this.batchPoint = new int[batchCapacity];
        this.queuedBucket = new int[batchCapacity / 2];
        this.queuedPoint = new int[batchCapacity / 2];
    }

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

    private void schedule(int b, int point) {
        if (!full[b]) {
            setBucket(b, point);
            full[b] = true;
        } else if (scheduledIn[b] == batchNumber) {
            if (queued < queuedBucket.length) {
                queuedBucket[queued] = b;
                queuedPoint[queued++] = point;
            } else {
                addToOverflow(b, point);
            }
        } else {
            scheduledIn[b] = batchNumber;
            batchBucket[batchSize] = b;
            batchPoint[batchSize] = point;
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
            addBatch(batchSize);
            batchSize = 0;
            batchNumber++;
        }
    }

    /**
     * The weighted bucket sum: sum over b of (b + 1) * bucket b, as a new Jacobian point, by the
     * running-sum method (bucket b is added into the running sum once, which is added into the
     * total once per bucket).
     */
    final long[] reduce() {
        long[] running = new long[jacobianLimbs()];
        long[] total = new long[jacobianLimbs()];
        for (int b = count - 1; b >= 0; b--) {
            if (full[b]) {
                addBucketTo(running, b);
            }
            addOverflowTo(running, b);
            add(total, running);
        }
        return total;
    }

    abstract int jacobianLimbs();

    /** Affine bucket b = +-base (the bucket is empty). */
    protected abstract void setBucket(int b, int point);

    /** Overflow bucket b += +-base, mixed addition. */
    protected abstract void addToOverflow(int b, int point);

    /**
     * For each {@code j < size}: affine bucket {@code batchBucket[j]} += +-base
     * {@code batchPoint[j]}, all with one inversion; a result at infinity clears {@code full}.
     */
    protected abstract void addBatch(int size);

    /** running (Jacobian) += affine bucket b. */
    protected abstract void addBucketTo(long[] running, int b);

    /** running (Jacobian) += overflow bucket b. */
    protected abstract void addOverflowTo(long[] running, int b);

    /** acc += p, both Jacobian. */
    abstract void add(long[] acc, long[] p);

    /** acc = 2 acc, Jacobian. */
    abstract void dbl(long[] acc);

    /** acc (Jacobian) += base {@code index}, mixed addition. */
    abstract void addBase(long[] acc, int index);
}
