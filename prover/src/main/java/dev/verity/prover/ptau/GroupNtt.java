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
 * gives. Decimation in time; every twiddle multiplication is a full scalar multiplication
 * ({@link EndomorphismMul}, or {@link LaneScalarMul}, eight at a time in SIMD lanes, where the
 * Vector API runs), the cost of the whole transform. Twiddle 1 is skipped, and the factor
 * 1/m costs about log2(m) extra multiplications instead of m: block 0 of every stage is kept scaled
 * by 1/m. Its first part is block 0 of the stage before, already scaled, and its other inputs
 * (unscaled) get twiddles w^-k / m; only the inputs of block 0 of the first stage, and the twiddles
 * of k = 0 in later stages, become extra multiplications.
 *
 * <p>G1 runs radix-2 stages. G2 runs radix-4 passes (two stages at once, after one radix-2 stage
 * when k is odd): a pass needs three full multiplications per four points where two radix-2
 * stages need four, because its inner multiplication by the fourth root of unity w_4^-1 is, on
 * G2, the endomorphism -psi^3 (psi acts on G2 as multiplication by p mod r, and p^3 = w_4: p has
 * order 12 mod r). G1 has no endomorphism of order 4 (only the sixth roots of unity of Z[zeta_3]),
 * so a pass would save nothing there.
 *
 * <p>Each stage or pass runs in chunks over the common ForkJoin pool; a chunk multiplies all its
 * points in one batch, forms sums and differences in Jacobian coordinates and writes them back
 * as affine with one field inversion. A stage or pass writes only the slots it reads, so chunks
 * never conflict.
 */
public final class GroupNtt {
    /** Butterflies per chunk: large enough to amortize the two inversions per chunk. */
    private static final int CHUNK = 64;
    /** Stages with at most this many distinct twiddles keep their splits, shared by all chunks and calls. */
    private static final int CACHED_HALF = 1 << 8;
    private static final MontgomeryField FR = Fr.FIELD;

    /** Split twiddles of small stages and passes, by group, stage or pass, power of the root and scaling by 1/m. */
    private static final ConcurrentHashMap<String, SplitScalar[]> SPLITS = new ConcurrentHashMap<>();

    private static final ThreadLocal<EndomorphismMul> G1_MUL = ThreadLocal.withInitial(EndomorphismMul::g1);
    private static final ThreadLocal<EndomorphismMul> G2_MUL = ThreadLocal.withInitial(EndomorphismMul::g2);
    /** G2 arithmetic with psi, for the radix-4 passes. */
    private static final ThreadLocal<G2> G2_GROUP = ThreadLocal.withInitial(G2::new);
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

    /**
     * Twiddle multiplications of a size-2^log2Size transform: every butterfly's (or three per
     * quadruple of a radix-4 pass), less those with twiddle 1 outside block 0, plus the first
     * stage's factor 1/m on slot 0. The unit of the cost of the transform.
     */
    public static long multiplications(boolean isG1, int log2Size) {
        long m = 1L << log2Size;
        long total = 0;
        int s = 1;
        while (s <= log2Size) {
            long half = 1L << (s - 1);
            boolean radix4 = radix4At(isG1, log2Size, s);
            total += radix4 ? 3 * (m / 4 - m / (4 * half) + 1) : m / 2 - m / (2 * half) + 1;
            total += s == 1 ? 1 : 0;
            s += radix4 ? 2 : 1;
        }
        return total;
    }

    /**
     * Whether stage s starts a radix-4 pass: on G2, passes end at the last stage, so an odd number
     * of stages starts with a lone radix-2 stage.
     */
    private static boolean radix4At(boolean isG1, int log2Size, int s) {
        return !isG1 && (log2Size - s) % 2 == 1;
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
        int s = 1;
        while (s <= log2Size) {
            boolean radix4 = radix4At(isG1, log2Size, s);
            Pass pass = radix4 ? new Radix4Pass(s, log2Size, points) : new Radix2Stage(isG1, s, log2Size, points);
            int units = radix4 ? m / 4 : m / 2;
            int butterfliesPerUnit = radix4 ? 4 : 1;
            int chunks = (units + CHUNK - 1) / CHUNK;
            IntStream.range(0, chunks).parallel().forEach(c -> {
                int from = c * CHUNK;
                int to = Math.min(units, from + CHUNK);
                pass.run(from, to);
                progress.report(step, done.addAndGet((long) (to - from) * butterfliesPerUnit), total);
            });
            s += radix4 ? 2 : 1;
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

    /** What radix-2 stages and radix-4 passes share: the points, the scaling by 1/m, twiddle splits. */
    private abstract static class Pass {
        final boolean isG1;
        final long[] points;
        final int affine;
        /** 1/m for the whole transform. */
        final long[] scale;
        /** The split of 1/m, for input 0 in the first stage. */
        final SplitScalar scaleSplit;
        /** Whether this is the first stage, whose block 0 starts unscaled. */
        final boolean first;
        /** Units (butterflies or quadruples) per block, and in all. */
        final int perBlock, units;

        Pass(boolean isG1, int log2Len, int log2Size, long[] points, int perBlock, int units) {
            this.isG1 = isG1;
            this.points = points;
            this.affine = isG1 ? G1.AFFINE : G2.AFFINE;
            this.first = log2Len == 1;
            this.scale = Domain.of(log2Size).sizeInverse();
            this.scaleSplit = split(FR.toBigInteger(scale, 0));
            this.perBlock = perBlock;
            this.units = units;
        }

        /** Units [from, to) of this pass: butterflies of a radix-2 stage, quadruples of a radix-4 pass. */
        abstract void run(int from, int to);

        /**
         * Unit q = block · perBlock + k for the units [from, to) of a chunk. With eight blocks or
         * more, a run of eight units takes one k in eight blocks, so that the lane multiplier gets
         * each twiddle eight times over and runs it once per lane block (see {@link LaneScalarMul});
         * else the units go in order.
         */
        int[] spread(int from, int to) {
            int[] q = new int[to - from];
            boolean byK = units / perBlock >= 8;
            for (int u = from; u < to; u++) {
                int run = u >>> 3;
                q[u - from] = byK ? (((run / perBlock) << 3) + (u & 7)) * perBlock + run % perBlock : u;
            }
            return q;
        }

        /** The least k of the units q. */
        int leastK(int[] q) {
            int least = Integer.MAX_VALUE;
            for (int unit : q) {
                least = Math.min(least, unit % perBlock);
            }
            return least;
        }

        /**
         * For the units q, where twiddles are not cached: the splits of root^k for k from
         * {@link #leastK} on, [0] plain and [1] times 1/m (for block 0); null where no unit needs them.
         */
        SplitScalar[][] chunkSplits(int[] q, long[] root) {
            int least = leastK(q), most = 0;
            boolean plain = false, scaled = false;
            for (int unit : q) {
                most = Math.max(most, unit % perBlock);
                plain |= unit >= perBlock;
                scaled |= unit < perBlock;
            }
            return new SplitScalar[][] {plain ? twiddleSplits(root, least, most + 1, false) : null,
                scaled ? twiddleSplits(root, least, most + 1, true) : null};
        }

        SplitScalar split(BigInteger k) {
            return isG1 ? EndomorphismMul.splitG1(k) : EndomorphismMul.splitG2(k);
        }

        /** Splits of root^k for k in [from, to), times 1/m if {@code scaled}; null for twiddle 1. */
        SplitScalar[] twiddleSplits(long[] root, int from, int to, boolean scaled) {
            SplitScalar[] out = new SplitScalar[to - from];
            long[] t = new long[4];
            FR.pow(root, 0, new long[] {from}, t, 0);
            long[] product = new long[4];
            for (int k = from; k < to; k++) {
                if (scaled) {
                    FR.mul(t, 0, scale, 0, product, 0);
                    out[k - from] = split(FR.toBigInteger(product, 0));
                } else if (k != 0) {
                    out[k - from] = split(FR.toBigInteger(t, 0));
                }
                FR.mul(t, 0, root, 0, t, 0);
            }
            return out;
        }

        /** The splits of root^k for k below {@code count}, kept for all calls under {@code key}. */
        SplitScalar[] cachedSplits(String key, long[] root, int count, boolean scaled, int log2Size) {
            String fullKey = (isG1 ? "G1/" : "G2/") + key + (scaled ? "/scaled 2^-" + log2Size : "");
            return SPLITS.computeIfAbsent(fullKey, k -> twiddleSplits(root, 0, count, scaled));
        }

        BatchMultiplier multiplier() {
            return G1_LANES == null ? (isG1 ? G1_MUL : G2_MUL).get() : (isG1 ? G1_LANES : G2_LANES).get();
        }

        void fromAffine(long[] p, int po, long[] r, int ro) {
            if (isG1) {
                G1.fromAffine(p, po, r, ro);
            } else {
                G2.fromAffine(p, po, r, ro);
            }
        }

        void negate(long[] p, int po) {
            if (isG1) {
                G1.neg(p, po, p, po);
            } else {
                G2.neg(p, po, p, po);
            }
        }
    }

    /**
     * One radix-2 stage: blocks of length len = 2^s, butterfly q pairs slot a = block·len + k with
     * b = a + len/2 (k = q mod len/2) and twiddle w_len^-k, times 1/m in block 0 (q &lt; len/2).
     */
    private static final class Radix2Stage extends Pass {
        /** Splits of all twiddles of this stage when there are few of them, else null; plain and for block 0. */
        final SplitScalar[] cached;
        final SplitScalar[] cachedScaled;
        final long[] rootInverse;

        Radix2Stage(boolean isG1, int log2Len, int log2Size, long[] points) {
            super(isG1, log2Len, log2Size, points, 1 << (log2Len - 1), 1 << (log2Size - 1));
            this.rootInverse = Domain.of(log2Len).rootInverse();
            boolean cache = perBlock <= CACHED_HALF;
            this.cached = cache ? cachedSplits(Integer.toString(log2Len), rootInverse, perBlock, false, log2Size)
                    : null;
            this.cachedScaled = cache ? cachedSplits(Integer.toString(log2Len), rootInverse, perBlock, true, log2Size)
                    : null;
        }

        @Override
        void run(int from, int to) {
            int half = perBlock;
            EndomorphismMul mul = (isG1 ? G1_MUL : G2_MUL).get();
            CurveArithmetic group = mul.group();
            int jac = mul.jacobianLimbs();
            int count = to - from;
            int[] butterflies = spread(from, to);
            SplitScalar[][] fresh = cached == null ? chunkSplits(butterflies, rootInverse) : null;
            int least = cached == null ? leastK(butterflies) : 0;
            int[] offsets = new int[2 * count];
            SplitScalar[] scalars = new SplitScalar[2 * count];
            int[] bJob = new int[count];
            int[] aJob = new int[count];
            int jobs = 0;
            for (int i = 0; i < count; i++) {
                int q = butterflies[i];
                int k = q % half;
                int a = ((q / half) * 2 * half + k) * affine;
                SplitScalar t = cached == null ? fresh[q < half ? 1 : 0][k - least]
                        : q < half ? cachedScaled[k] : cached[k];
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
            multiplier().multiply(points, offsets, scalars, jobs, products, 0);
            long[] sums = new long[2 * count * jac];
            long[] bj = new long[jac];
            for (int i = 0; i < count; i++) {
                int q = butterflies[i];
                int k = q % half;
                int a = ((q / half) * 2 * half + k) * affine;
                if (bJob[i] >= 0) {
                    System.arraycopy(products, bJob[i] * jac, bj, 0, jac);
                } else {
                    fromAffine(points, a + half * affine, bj, 0);
                }
                int sum = 2 * i * jac;
                int diff = sum + jac;
                if (aJob[i] >= 0) {
                    group.add(products, aJob[i] * jac, bj, 0, sums, sum);
                    negate(bj, 0);
                    group.add(products, aJob[i] * jac, bj, 0, sums, diff);
                } else {
                    group.addAffine(bj, 0, points, a, sums, sum);
                    negate(bj, 0);
                    group.addAffine(bj, 0, points, a, sums, diff);
                }
            }
            long[] affinePoints = new long[2 * count * affine];
            group.toAffine(sums, 0, 2 * count, affinePoints, 0);
            for (int i = 0; i < count; i++) {
                int q = butterflies[i];
                int a = ((q / half) * 2 * half + q % half) * affine;
                System.arraycopy(affinePoints, 2 * i * affine, points, a, affine);
                System.arraycopy(affinePoints, (2 * i + 1) * affine, points, a + half * affine, affine);
            }
        }
    }

    /**
     * Two radix-2 stages at once on G2, s and s + 1, with h = 2^(s-1) and blocks of length 4h.
     * Quadruple q takes x_r at slot block·4h + k + r·h (k = q mod h, r = 0..3) and, with w = w_4h^-1
     * and j = w^h = w_4^-1, forms v0 = x0, v1 = w^2k x1, v2 = w^k x2, v3 = w^3k x3 (the last three
     * times 1/m in block 0, and v0 too for slot 0 of the first stage), then
     * <pre>  y0 = (v0 + v1) + (v2 + v3),  y2 = (v0 + v1) - (v2 + v3),
     *  y1 = (v0 - v1) + j (v2 - v3),  y3 = (v0 - v1) - j (v2 - v3)  </pre>
     * which is what stage s (twiddles w^2k) and then stage s + 1 (twiddles w^k, and w^k·j for
     * the pairs of x1 and x3) give. The multiplication by j is -psi^3.
     */
    private static final class Radix4Pass extends Pass {
        /** The power of w whose k-th power multiplies input r (index 0 unused). */
        static final int[] EXPONENT = {0, 2, 1, 3};
        /** w^EXPONENT[r] for r = 1, 2, 3. */
        final long[][] roots = new long[4][];
        /** Per input r = 1, 2, 3, the splits of its twiddles when there are few of them, else null; plain and for block 0. */
        final SplitScalar[][] cached;
        final SplitScalar[][] cachedScaled;

        Radix4Pass(int log2Len, int log2Size, long[] points) {
            super(false, log2Len, log2Size, points, 1 << (log2Len - 1), 1 << (log2Size - 2));
            long[] w = Domain.of(log2Len + 1).rootInverse();
            for (int r = 1; r <= 3; r++) {
                roots[r] = new long[4];
                FR.pow(w, 0, new long[] {EXPONENT[r]}, roots[r], 0);
            }
            boolean cache = perBlock <= CACHED_HALF;
            cached = cache ? new SplitScalar[4][] : null;
            cachedScaled = cache ? new SplitScalar[4][] : null;
            for (int r = 1; cache && r <= 3; r++) {
                String key = "radix 4/" + log2Len + "/w^" + EXPONENT[r] + "k";
                cached[r] = cachedSplits(key, roots[r], perBlock, false, log2Size);
                cachedScaled[r] = cachedSplits(key, roots[r], perBlock, true, log2Size);
            }
        }

        @Override
        void run(int from, int to) {
            int h = perBlock;
            G2 group = G2_GROUP.get();
            int jac = G2.JACOBIAN;
            int count = to - from;
            int[] quadruples = spread(from, to);
            SplitScalar[][][] fresh = cached == null ? new SplitScalar[4][][] : null;
            for (int r = 1; fresh != null && r <= 3; r++) {
                fresh[r] = chunkSplits(quadruples, roots[r]);
            }
            int least = cached == null ? leastK(quadruples) : 0;
            int[] offsets = new int[4 * count];
            SplitScalar[] scalars = new SplitScalar[4 * count];
            int[] job = new int[4 * count];
            int jobs = 0;
            for (int i = 0; i < count; i++) {
                int q = quadruples[i];
                int k = q % h;
                int x0 = slot(q);
                for (int r = 0; r < 4; r++) {
                    SplitScalar t;
                    if (r == 0) {
                        t = first && q == 0 ? scaleSplit : null;
                    } else {
                        t = cached == null ? fresh[r][q < h ? 1 : 0][k - least]
                                : q < h ? cachedScaled[r][k] : cached[r][k];
                    }
                    job[4 * i + r] = -1;
                    if (t != null) {
                        offsets[jobs] = x0 + r * h * affine;
                        scalars[jobs] = t;
                        job[4 * i + r] = jobs++;
                    }
                }
            }
            long[] products = new long[jobs * jac];
            multiplier().multiply(points, offsets, scalars, jobs, products, 0);
            long[] outputs = new long[4 * count * jac];
            long[] v = new long[4 * jac];
            long[] sums = new long[4 * jac];
            int a = 0, b = jac, c = 2 * jac, d = 3 * jac;
            for (int i = 0; i < count; i++) {
                int x0 = slot(quadruples[i]);
                for (int r = 0; r < 4; r++) {
                    int product = job[4 * i + r];
                    if (product >= 0) {
                        System.arraycopy(products, product * jac, v, r * jac, jac);
                    } else {
                        G2.fromAffine(points, x0 + r * h * affine, v, r * jac);
                    }
                }
                group.add(v, 0, v, jac, sums, a);           // v0 + v1
                G2.neg(v, jac, v, jac);
                group.add(v, 0, v, jac, sums, b);           // v0 - v1
                group.add(v, 2 * jac, v, 3 * jac, sums, c); // v2 + v3
                G2.neg(v, 3 * jac, v, 3 * jac);
                group.add(v, 2 * jac, v, 3 * jac, sums, d); // v2 - v3
                for (int n = 0; n < 3; n++) {
                    group.psi(sums, d, sums, d);
                }
                G2.neg(sums, d, sums, d);                   // j (v2 - v3) = -psi^3 (v2 - v3)
                int y = 4 * i * jac;
                group.add(sums, a, sums, c, outputs, y);
                group.add(sums, b, sums, d, outputs, y + jac);
                G2.neg(sums, c, sums, c);
                G2.neg(sums, d, sums, d);
                group.add(sums, a, sums, c, outputs, y + 2 * jac);
                group.add(sums, b, sums, d, outputs, y + 3 * jac);
            }
            long[] affinePoints = new long[4 * count * affine];
            group.toAffine(outputs, 0, 4 * count, affinePoints, 0);
            for (int i = 0; i < count; i++) {
                int x0 = slot(quadruples[i]);
                for (int r = 0; r < 4; r++) {
                    System.arraycopy(affinePoints, (4 * i + r) * affine, points, x0 + r * h * affine, affine);
                }
            }
        }

        /** The slot of quadruple q's first input, in longs. */
        private int slot(int q) {
            return ((q / perBlock) * 4 * perBlock + q % perBlock) * affine;
        }
    }
}
