package dev.verity.prover.msm;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import dev.verity.prover.field.Simd;

/**
 * Multi-scalar multiplication sum_i k_i P_i on G1 and G2 (Pippenger's bucket method with signed
 * digits and batched affine bucket additions, parallel on all cores).
 *
 * <p>Bases are affine points in the shared layout (G1: 8 longs each, G2: 16; infinity all zeros),
 * which must be on the curve. Scalars are plain (not Montgomery) canonical little-endian 4-limb
 * integers below r, exactly as a {@code .wtns} file stores them. The result is a new Jacobian
 * point. Thread-safe.
 */
public final class Msm {
    /** Below this many non-zero terms, one shared double-and-add chain beats buckets. */
    private static final int SMALL = 32;
    /**
     * From this many points on, batch additions keep their values in SIMD lanes (where the Vector
     * API is there). Below it the lanes cost more than they save in a fresh JVM: until C2 has
     * compiled them, every vector operation allocates (a cold 2^16 proof came out no faster, with
     * 2.5x the peak memory).
     */
    static final int SIMD_MIN_POINTS = 1 << 17;

    /** Measured by the test-scope tool MsmCostModel, in units of one Fp multiplication. */
    static final Pippenger.Costs G1_COSTS = new Pippenger.Costs(360, 11.5, 6.6, 38);
    static final Pippenger.Costs G2_COSTS = new Pippenger.Costs(370, 35, 21.5, 124);

    private static final long[] R = MontgomeryField.toLimbs(Fr.MODULUS);

    private Msm() {
    }

    /** Whether an MSM of n points keeps its batch values in SIMD lanes. */
    public static boolean usesSimd(int n) {
        return n >= SIMD_MIN_POINTS && Simd.available();
    }

    /** sum of {@code scalars[i] * bases[i]} over all scalars (n = scalars.length / 4). */
    public static long[] g1(long[] bases, long[] scalars) {
        return g1(bases, 0, scalars, 0, scalars.length / 4);
    }

    /**
     * The sum over {@code i < n} of scalar {@code scalarsOffset + i} times point
     * {@code basesOffsetPoints + i}. Both offsets count elements (points, scalars), not longs.
     *
     * @throws IllegalArgumentException if the arrays are too short or a scalar is not below r
     */
    public static long[] g1(long[] bases, int basesOffsetPoints, long[] scalars, int scalarsOffset, int n) {
        int bo = basesOffsetPoints * G1.AFFINE;
        boolean[] skip = prepare(bases, basesOffsetPoints, G1.AFFINE, scalars, scalarsOffset, n);
        Pippenger.BucketsFactory factory = (count, batch, segment) -> new G1Buckets(bases, bo, count, batch, segment,
                n >= SIMD_MIN_POINTS);
        return compute(factory, scalars, scalarsOffset * 4, skip, n, G1_COSTS);
    }

    /** sum of {@code scalars[i] * bases[i]} over all scalars (n = scalars.length / 4). */
    public static long[] g2(long[] bases, long[] scalars) {
        return g2(bases, 0, scalars, 0, scalars.length / 4);
    }

    /** As {@link #g1(long[], int, long[], int, int)}, for G2 bases (16 longs each). */
    public static long[] g2(long[] bases, int basesOffsetPoints, long[] scalars, int scalarsOffset, int n) {
        int bo = basesOffsetPoints * G2.AFFINE;
        boolean[] skip = prepare(bases, basesOffsetPoints, G2.AFFINE, scalars, scalarsOffset, n);
        Pippenger.BucketsFactory factory = (count, batch, segment) -> new G2Buckets(bases, bo, count, batch, segment,
                n >= SIMD_MIN_POINTS);
        return compute(factory, scalars, scalarsOffset * 4, skip, n, G2_COSTS);
    }

    private static long[] compute(Pippenger.BucketsFactory factory, long[] scalars, int so, boolean[] skip, int n,
            Pippenger.Costs costs) {
        int terms = 0;
        for (int i = 0; i < n; i++) {
            terms += skip[i] ? 0 : 1;
        }
        if (terms < SMALL) {
            return Pippenger.doubleAndAdd(factory.create(0, 0, 0), scalars, so, skip, n);
        }
        int threads = Pippenger.parallelism();
        return Pippenger.run(factory, scalars, so, skip, n, Pippenger.plan(terms, threads, costs), threads);
    }

    /**
     * Checks the arguments and every scalar; marks the terms that are zero (zero scalar or base
     * at infinity) so that no window looks at them again.
     */
    private static boolean[] prepare(long[] bases, int basesOffset, int affineLimbs, long[] scalars, int scalarsOffset, int n) {
        if (n < 0 || basesOffset < 0 || scalarsOffset < 0) {
            throw new IllegalArgumentException("negative count or offset");
        }
        if ((long) (basesOffset + (long) n) * affineLimbs > bases.length) {
            throw new IllegalArgumentException("bases hold fewer than " + n + " points from point " + basesOffset);
        }
        if ((scalarsOffset + (long) n) * 4 > scalars.length) {
            throw new IllegalArgumentException("scalars hold fewer than " + n + " scalars from scalar " + scalarsOffset);
        }
        boolean[] skip = new boolean[n];
        for (int i = 0; i < n; i++) {
            int s = (scalarsOffset + i) * 4;
            long s0 = scalars[s], s1 = scalars[s + 1], s2 = scalars[s + 2], s3 = scalars[s + 3];
            if (!belowR(s0, s1, s2, s3)) {
                throw new IllegalArgumentException("scalar " + i + " is not below r (scalars must be canonical, not Montgomery)");
            }
            skip[i] = (s0 | s1 | s2 | s3) == 0 || isZero(bases, (basesOffset + i) * affineLimbs, affineLimbs);
        }
        return skip;
    }

    private static boolean belowR(long s0, long s1, long s2, long s3) {
        if (s3 != R[3]) {
            return Long.compareUnsigned(s3, R[3]) < 0;
        }
        if (s2 != R[2]) {
            return Long.compareUnsigned(s2, R[2]) < 0;
        }
        if (s1 != R[1]) {
            return Long.compareUnsigned(s1, R[1]) < 0;
        }
        return Long.compareUnsigned(s0, R[0]) < 0;
    }

    private static boolean isZero(long[] a, int from, int length) {
        long acc = 0;
        for (int i = from; i < from + length; i++) {
            acc |= a[i];
        }
        return acc == 0;
    }
}
