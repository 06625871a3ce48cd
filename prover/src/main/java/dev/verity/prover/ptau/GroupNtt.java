package dev.verity.prover.ptau;

import dev.verity.prover.curve.BatchMultiplier;
import dev.verity.prover.curve.CurveArithmetic;
import dev.verity.prover.curve.EndomorphismMul;
import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.curve.LaneScalarMul;
import dev.verity.prover.curve.SplitScalar;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.field.Simd;
import dev.verity.prover.poly.Domain;
import dev.verity.prover.util.Progress;
import java.math.BigInteger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The inverse number-theoretic transform over G1 or G2 ("FFT in the exponent"): for m = 2^k
 * affine points in_0 .. in_(m-1), natural order, computes in place
 * <pre>  out_j = (1/m) · sum_i w^(-ij) · in_i  </pre>
 * with w = {@link Domain#rootOfUnity}(k), ffjavascript's root, so out is what its {@code G.ifft}
 * gives. Radix-2 decimation in time; every twiddle multiplication is a full scalar multiplication
 * ({@link EndomorphismMul}, or {@link LaneScalarMul}, eight at a time in SIMD lanes, where the
 * Vector API runs), the cost of the whole transform. Twiddle 1 is skipped, and the factor
 * 1/m costs log2(m) + 1 multiplications instead of m: block 0 of every stage is kept scaled by 1/m.
 * Its first half is block 0 of the stage before, already scaled, and its second half (unscaled)
 * gets twiddles w^-k / m; only the two inputs of block 0 of the first stage, and the twiddle of k =
 * 0 in later stages, become extra multiplications.
 *
 * <p>Each stage runs in chunks of butterflies over the common ForkJoin pool; a chunk multiplies all
 * its points in one batch, forms sums and differences in Jacobian coordinates and writes them back
 * as affine with one field inversion. Stages of a size-m transform write only the slots they read,
 * so chunks never conflict.
 */
public final class GroupNtt {
    /** Butterflies per chunk: large enough to amortize the two inversions per chunk. */
    private static final int CHUNK = 64;
    /** Stages with at most this many distinct twiddles keep their splits, shared by all chunks and calls. */
    private static final int CACHED_HALF = 1 << 8;
    private static final MontgomeryField FR = Fr.FIELD;

    /** Split twiddles of small stages, by group, log2 of the stage length and whether scaled by 1/len. */
    private static final ConcurrentHashMap<String, SplitScalar[]> SPLITS = new ConcurrentHashMap<>();

    private static final ThreadLocal<EndomorphismMul> G1_MUL = ThreadLocal.withInitial(EndomorphismMul::g1);
    private static final ThreadLocal<EndomorphismMul> G2_MUL = ThreadLocal.withInitial(EndomorphismMul::g2);
    /** The twiddle multiplications in SIMD lanes where the Vector API runs (null otherwise). */
    private static final ThreadLocal<LaneScalarMul> G1_LANES = Simd.available()
            ? ThreadLocal.withInitial(LaneScalarMul::g1) : null;
    private static final ThreadLocal<LaneScalarMul> G2_LANES = Simd.available()
            ? ThreadLocal.withInitial(LaneScalarMul::g2) : null;

    private GroupNtt() {
    }

    /** In place: the 2^log2Size affine G1 points of {@code points} become their inverse NTT. */
    public static void inverseG1(long[] points, int log2Size, Progress progress, String step) {
        inverse(true, points, log2Size, progress, step);
    }

    /** In place: the 2^log2Size affine G2 points of {@code points} become their inverse NTT. */
    public static void inverseG2(long[] points, int log2Size, Progress progress, String step) {
        inverse(false, points, log2Size, progress, step);
    }

    /** Butterflies of a size-2^log2Size transform: the unit of progress reports. */
    public static long butterflies(int log2Size) {
        return log2Size == 0 ? 0 : (long) log2Size << (log2Size - 1);
    }

    private static void inverse(boolean isG1, long[] points, int log2Size, Progress progress, String step) {
        if (log2Size < 0 || log2Size > Domain.TWO_ADICITY) {
            throw new IllegalArgumentException("log2 of the size must be in [0, " + Domain.TWO_ADICITY + "], got "
                    + log2Size);
        }
        int limbs = isG1 ? G1.AFFINE : G2.AFFINE;
        int m = 1 << log2Size;
        if (points.length != (long) m * limbs) {
            throw new IllegalArgumentException("expected " + m + " points (" + (long) m * limbs + " longs), got "
                    + points.length + " longs");
        }
        if (log2Size == 0) {
            return;
        }
        bitReverse(points, log2Size, limbs);
        long total = butterflies(log2Size);
        AtomicLong done = new AtomicLong();
        progress.report(step, 0, total);
        for (int s = 1; s <= log2Size; s++) {
            Stage stage = new Stage(isG1, s, log2Size, points);
            int chunks = (m / 2 + CHUNK - 1) / CHUNK;
            IntStream.range(0, chunks).parallel().forEach(c -> {
                int from = c * CHUNK;
                int to = Math.min(m / 2, from + CHUNK);
                stage.run(from, to);
                progress.report(step, done.addAndGet(to - from), total);
            });
        }
    }

    private static void bitReverse(long[] points, int log2Size, int limbs) {
        int m = 1 << log2Size;
        long[] tmp = new long[limbs];
        for (int i = 0; i < m; i++) {
            int j = Integer.reverse(i) >>> (32 - log2Size);
            if (i < j) {
                System.arraycopy(points, i * limbs, tmp, 0, limbs);
                System.arraycopy(points, j * limbs, points, i * limbs, limbs);
                System.arraycopy(tmp, 0, points, j * limbs, limbs);
            }
        }
    }

    /**
     * One stage: blocks of length len = 2^s, butterfly q pairs slot a = block·len + k with
     * b = a + len/2 (k = q mod len/2) and twiddle w_len^-k, times 1/m in block 0 (q &lt; len/2).
     */
    private static final class Stage {
        final boolean isG1;
        final int half;
        final boolean first;
        final long[] points;
        final int affine;
        final long[] rootInverse;
        /** 1/m for the whole transform. */
        final long[] scale;
        /** Splits of all twiddles of this stage when there are few of them, else null; plain and for block 0. */
        final SplitScalar[] cached;
        final SplitScalar[] cachedScaled;
        /** The split of 1/m, for input 0 in the first stage. */
        final SplitScalar scaleSplit;

        Stage(boolean isG1, int log2Len, int log2Size, long[] points) {
            this.isG1 = isG1;
            this.half = 1 << (log2Len - 1);
            this.first = log2Len == 1;
            this.points = points;
            this.affine = isG1 ? G1.AFFINE : G2.AFFINE;
            this.rootInverse = Domain.of(log2Len).rootInverse();
            this.scale = Domain.of(log2Size).sizeInverse();
            this.scaleSplit = split(FR.toBigInteger(scale, 0));
            String key = (isG1 ? "G1/" : "G2/") + log2Len;
            this.cached = half <= CACHED_HALF ? SPLITS.computeIfAbsent(key, k -> twiddleSplits(0, half, false))
                    : null;
            this.cachedScaled = half <= CACHED_HALF
                    ? SPLITS.computeIfAbsent(key + "/scaled 2^-" + log2Size, k -> twiddleSplits(0, half, true))
                    : null;
        }

        SplitScalar split(BigInteger k) {
            return isG1 ? EndomorphismMul.splitG1(k) : EndomorphismMul.splitG2(k);
        }

        /** Splits of the twiddles k in [from, to), times 1/m if {@code scaled}; null for twiddle 1. */
        SplitScalar[] twiddleSplits(int from, int to, boolean scaled) {
            SplitScalar[] out = new SplitScalar[to - from];
            long[] t = new long[4];
            FR.pow(rootInverse, 0, new long[] {from}, t, 0);
            long[] product = new long[4];
            for (int k = from; k < to; k++) {
                if (scaled) {
                    FR.mul(t, 0, scale, 0, product, 0);
                    out[k - from] = split(FR.toBigInteger(product, 0));
                } else if (k != 0) {
                    out[k - from] = split(FR.toBigInteger(t, 0));
                }
                FR.mul(t, 0, rootInverse, 0, t, 0);
            }
            return out;
        }

        void run(int from, int to) {
            EndomorphismMul mul = (isG1 ? G1_MUL : G2_MUL).get();
            CurveArithmetic group = mul.group();
            int jac = mul.jacobianLimbs();
            int count = to - from;
            // butterflies of one chunk share a block when half >= CHUNK, so their k are consecutive
            SplitScalar[] fresh = cached == null ? twiddleSplits(from % half, from % half + count, from < half) : null;
            int[] offsets = new int[2 * count];
            SplitScalar[] scalars = new SplitScalar[2 * count];
            int[] bJob = new int[count];
            int[] aJob = new int[count];
            int jobs = 0;
            for (int i = 0; i < count; i++) {
                int q = from + i;
                int k = q % half;
                int a = ((q / half) * 2 * half + k) * affine;
                SplitScalar t = cached == null ? fresh[i] : q < half ? cachedScaled[k] : cached[k];
                bJob[i] = -1;
                aJob[i] = -1;
                if (t != null) {
                    offsets[jobs] = a + half * affine;
                    scalars[jobs] = t;
                    bJob[i] = jobs++;
                }
                if (first && q == 0) {
                    offsets[jobs] = a;
                    scalars[jobs] = scaleSplit;
                    aJob[i] = jobs++;
                }
            }
            long[] products = new long[jobs * jac];
            BatchMultiplier multiplier = G1_LANES == null ? mul : (isG1 ? G1_LANES : G2_LANES).get();
            multiplier.multiply(points, offsets, scalars, jobs, products, 0);
            long[] sums = new long[2 * count * jac];
            long[] bj = new long[jac];
            for (int i = 0; i < count; i++) {
                int q = from + i;
                int k = q % half;
                int a = ((q / half) * 2 * half + k) * affine;
                if (bJob[i] >= 0) {
                    System.arraycopy(products, bJob[i] * jac, bj, 0, jac);
                } else {
                    fromAffine(points, a + half * affine, bj);
                }
                int sum = 2 * i * jac;
                int diff = sum + jac;
                if (aJob[i] >= 0) {
                    group.add(products, aJob[i] * jac, bj, 0, sums, sum);
                    negate(bj);
                    group.add(products, aJob[i] * jac, bj, 0, sums, diff);
                } else {
                    group.addAffine(bj, 0, points, a, sums, sum);
                    negate(bj);
                    group.addAffine(bj, 0, points, a, sums, diff);
                }
            }
            long[] affinePoints = new long[2 * count * affine];
            group.toAffine(sums, 0, 2 * count, affinePoints, 0);
            for (int i = 0; i < count; i++) {
                int q = from + i;
                int a = ((q / half) * 2 * half + q % half) * affine;
                System.arraycopy(affinePoints, 2 * i * affine, points, a, affine);
                System.arraycopy(affinePoints, (2 * i + 1) * affine, points, a + half * affine, affine);
            }
        }

        private void fromAffine(long[] p, int po, long[] r) {
            if (isG1) {
                G1.fromAffine(p, po, r, 0);
            } else {
                G2.fromAffine(p, po, r, 0);
            }
        }

        private void negate(long[] p) {
            if (isG1) {
                G1.neg(p, 0, p, 0);
            } else {
                G2.neg(p, 0, p, 0);
            }
        }
    }
}
