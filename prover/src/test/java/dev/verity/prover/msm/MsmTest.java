package dev.verity.prover.msm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * MSM against two references: the plain sum of scalar multiplications, and, with bases
 * P_i = [a_i] G of known discrete logarithm, the single multiplication [sum k_i a_i mod r] G.
 * The bases include repeats, negations and infinity so that buckets see doublings,
 * cancellations and batch collisions.
 */
class MsmTest {
    private static final BigInteger R = Fr.MODULUS;
    private static final int[] SIZES = {0, 1, 2, 3, 17, 100, 1000, 5000};
    private final Random rnd = new Random(5);

    /** A group under test: its generator, sizes, arithmetic and MSM entry point. */
    private interface Group {
        int affine();

        int jacobian();

        long[] generator();

        long[] mul(long[] p, int po, BigInteger k);

        void addAffine(long[] acc, long[] p, int po);

        void add(long[] acc, long[] p);

        boolean equal(long[] p, long[] q);

        void toAffine(long[] jac, int count, long[] out);

        long[] msm(long[] bases, int basesOffset, long[] scalars, int scalarsOffset, int n);

        Pippenger.BucketsFactory buckets(long[] bases);
    }

    private static final Group G1_GROUP = new Group() {
        final G1 g = new G1();

        public int affine() {
            return G1.AFFINE;
        }

        public int jacobian() {
            return G1.JACOBIAN;
        }

        public long[] generator() {
            return G1.GENERATOR;
        }

        public long[] mul(long[] p, int po, BigInteger k) {
            return g.mul(p, po, k);
        }

        public void addAffine(long[] acc, long[] p, int po) {
            g.addAffine(acc, 0, p, po, acc, 0);
        }

        public void add(long[] acc, long[] p) {
            g.add(acc, 0, p, 0, acc, 0);
        }

        public boolean equal(long[] p, long[] q) {
            return g.equal(p, 0, q, 0);
        }

        public void toAffine(long[] jac, int count, long[] out) {
            g.toAffine(jac, 0, count, out, 0);
        }

        public long[] msm(long[] bases, int bo, long[] scalars, int so, int n) {
            return Msm.g1(bases, bo, scalars, so, n);
        }

        public Pippenger.BucketsFactory buckets(long[] bases) {
            return (count, batch, segment) -> new G1Buckets(bases, 0, count, batch, segment, true);
        }
    };

    private static final Group G2_GROUP = new Group() {
        final G2 g = new G2();

        public int affine() {
            return G2.AFFINE;
        }

        public int jacobian() {
            return G2.JACOBIAN;
        }

        public long[] generator() {
            return G2.GENERATOR;
        }

        public long[] mul(long[] p, int po, BigInteger k) {
            return g.mul(p, po, k);
        }

        public void addAffine(long[] acc, long[] p, int po) {
            g.addAffine(acc, 0, p, po, acc, 0);
        }

        public void add(long[] acc, long[] p) {
            g.add(acc, 0, p, 0, acc, 0);
        }

        public boolean equal(long[] p, long[] q) {
            return g.equal(p, 0, q, 0);
        }

        public void toAffine(long[] jac, int count, long[] out) {
            g.toAffine(jac, 0, count, out, 0);
        }

        public long[] msm(long[] bases, int bo, long[] scalars, int so, int n) {
            return Msm.g2(bases, bo, scalars, so, n);
        }

        public Pippenger.BucketsFactory buckets(long[] bases) {
            return (count, batch, segment) -> new G2Buckets(bases, 0, count, batch, segment, true);
        }
    };

    /** Test data: bases [a_i] G as a flat affine array, their logarithms and scalars. */
    private record Terms(long[] bases, BigInteger[] logs, BigInteger[] scalars) {
        long[] scalarLimbs() {
            long[] out = new long[4 * scalars.length];
            for (int i = 0; i < scalars.length; i++) {
                System.arraycopy(MontgomeryField.toLimbs(scalars[i]), 0, out, 4 * i, 4);
            }
            return out;
        }

        BigInteger expectedLog() {
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < scalars.length; i++) {
                sum = sum.add(scalars[i].multiply(logs[i]));
            }
            return sum.mod(R);
        }
    }

    /**
     * n bases along an arithmetic progression of logarithms (cheap to generate: one addition
     * each), then some replaced by repeats, negations and infinity; scalars random with 0, 1,
     * r - 1 and repeats mixed in.
     */
    private Terms terms(Group g, int n) {
        BigInteger start = new BigInteger(250, rnd), step = new BigInteger(250, rnd);
        BigInteger[] logs = new BigInteger[n];
        long[] jac = new long[n * g.jacobian()];
        long[] stepPoint = new long[g.affine()];
        g.toAffine(g.mul(g.generator(), 0, step), 1, stepPoint);
        long[] acc = g.mul(g.generator(), 0, start);
        for (int i = 0; i < n; i++) {
            logs[i] = start.add(step.multiply(BigInteger.valueOf(i))).mod(R);
            System.arraycopy(acc, 0, jac, i * g.jacobian(), g.jacobian());
            g.addAffine(acc, stepPoint, 0);
        }
        long[] bases = new long[n * g.affine()];
        g.toAffine(jac, n, bases);
        BigInteger[] scalars = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(10);
            scalars[i] = switch (kind) {
                case 0 -> BigInteger.ZERO;
                case 1 -> BigInteger.ONE;
                case 2 -> R.subtract(BigInteger.ONE);
                case 3 -> BigInteger.valueOf(rnd.nextInt(4) + 2);
                default -> new BigInteger(254, rnd).mod(R);
            };
            if (i > 0 && rnd.nextInt(8) == 0) {
                int j = rnd.nextInt(i);                   // repeat an earlier base ...
                int sign = rnd.nextBoolean() ? 1 : -1;    // ... or its negation
                logs[i] = sign > 0 ? logs[j] : R.subtract(logs[j]).mod(R);
                System.arraycopy(bases, j * g.affine(), bases, i * g.affine(), g.affine());
                if (sign < 0) {
                    if (g.affine() == G1.AFFINE) {
                        G1.negAffine(bases, i * g.affine(), bases, i * g.affine());
                    } else {
                        G2.negAffine(bases, i * g.affine(), bases, i * g.affine());
                    }
                }
                if (rnd.nextBoolean()) {
                    scalars[i] = scalars[j];               // same bucket in every window
                }
            } else if (rnd.nextInt(50) == 0) {
                logs[i] = BigInteger.ZERO;
                java.util.Arrays.fill(bases, i * g.affine(), (i + 1) * g.affine(), 0L);
            }
        }
        return new Terms(bases, logs, scalars);
    }

    /** The terms Pippenger.run must skip, as Msm marks them: zero scalar or base at infinity. */
    private static boolean[] skip(Group g, Terms t) {
        boolean[] skip = new boolean[t.scalars.length];
        for (int i = 0; i < skip.length; i++) {
            long[] base = java.util.Arrays.copyOfRange(t.bases, i * g.affine(), (i + 1) * g.affine());
            skip[i] = t.scalars[i].signum() == 0 || java.util.Arrays.equals(base, new long[g.affine()]);
        }
        return skip;
    }

    private long[] naiveSum(Group g, Terms t) {
        long[] sum = new long[g.jacobian()];
        for (int i = 0; i < t.scalars.length; i++) {
            g.add(sum, g.mul(t.bases, i * g.affine(), t.scalars[i]));
        }
        return sum;
    }

    private void checkSizes(Group g) {
        for (int n : SIZES) {
            Terms t = terms(g, n);
            long[] result = g.msm(t.bases, 0, t.scalarLimbs(), 0, n);
            long[] expected = g.mul(g.generator(), 0, t.expectedLog());
            assertTrue(g.equal(expected, result), "n = " + n);
            if (n <= 100) {
                assertTrue(g.equal(naiveSum(g, t), result), "n = " + n + " against the naive sum");
            }
        }
    }

    @Test
    void g1MatchesReferences() {
        checkSizes(G1_GROUP);
    }

    @Test
    void g2MatchesReferences() {
        checkSizes(G2_GROUP);
    }

    /**
     * Every strategy of the bucket method agrees: Jacobian only, small and large batches, windows
     * cut into chunks, Jacobian and segmented affine bucket reduction.
     */
    @Test
    void allPlansAgree() {
        for (Group g : new Group[] {G1_GROUP, G2_GROUP}) {
            int n = g == G1_GROUP ? 1500 : 300;
            Terms t = terms(g, n);
            long[] scalars = t.scalarLimbs();
            boolean[] skip = skip(g, t);
            long[] expected = g.mul(g.generator(), 0, t.expectedLog());
            Pippenger.Plan[] plans = {
                new Pippenger.Plan(3, 85, 0, 0), new Pippenger.Plan(6, 43, 8, 0), new Pippenger.Plan(6, 43, 16, 2),
                new Pippenger.Plan(9, 29, 64, 8), new Pippenger.Plan(11, 24, 256, 0), new Pippenger.Plan(11, 24, 256, 16)};
            for (Pippenger.Plan plan : plans) {
                // one thread: one task per window; 64 threads: windows cut into chunks
                for (int threads : new int[] {1, 64}) {
                    long[] result = Pippenger.run(g.buckets(t.bases), scalars, 0, skip, n, plan, threads);
                    assertTrue(g.equal(expected, result), plan + ", " + threads + " threads");
                }
            }
            long[] small = Pippenger.doubleAndAdd(g.buckets(t.bases).create(0, 0, 0), scalars, 0, skip, n);
            assertTrue(g.equal(expected, small));
        }
    }

    /** All scalars equal: every point lands in the same bucket of each window (worst case for batching). */
    @Test
    void equalScalars() {
        int n = 1000;
        for (Group g : new Group[] {G1_GROUP, G2_GROUP}) {
            for (BigInteger k : new BigInteger[] {BigInteger.ONE, BigInteger.valueOf(3), R.subtract(BigInteger.ONE)}) {
                BigInteger[] scalars = new BigInteger[n];
                java.util.Arrays.fill(scalars, k);
                Terms random = terms(g, n);
                Terms t = new Terms(random.bases, random.logs, scalars);
                long[] expected = g.mul(g.generator(), 0, t.expectedLog());
                assertTrue(g.equal(expected, g.msm(t.bases, 0, t.scalarLimbs(), 0, n)), "k = " + k);
                // the overflow points fill up and are merged before a segmented reduction
                long[] segmented = Pippenger.run(g.buckets(t.bases), t.scalarLimbs(), 0, skip(g, t), n,
                        new Pippenger.Plan(9, 29, 64, 8), 1);
                assertTrue(g.equal(expected, segmented), "k = " + k + ", segmented reduction");
            }
        }
    }

    /** Windows are cut into chunks only when they carry much of the work and enough points per bucket. */
    @Test
    void chunksSplitOnlyHeavyWindows() {
        int n = 1 << 20;
        assertEquals(1, Pippenger.chunks(n, 16L * n, 2, 1 << 15));      // uniform digits, 16 windows
        assertEquals(8, Pippenger.chunks(n, n, 2, 1 << 12));            // all work in one window
        assertEquals(1, Pippenger.chunks(0, n, 2, 1 << 12));
        assertEquals(2, Pippenger.chunks(4096, 4096, 2, 1024));         // capped at 2 points per bucket
    }

    @Test
    void offsetsSelectTheRightTerms() {
        Terms t = terms(G1_GROUP, 300);
        long[] scalars = t.scalarLimbs();
        int from = 40, n = 200;
        BigInteger log = BigInteger.ZERO;
        for (int i = from; i < from + n; i++) {
            log = log.add(t.scalars[i].multiply(t.logs[i]));
        }
        long[] expected = G1_GROUP.mul(G1.GENERATOR, 0, log.mod(R));
        assertTrue(G1_GROUP.equal(expected, Msm.g1(t.bases, from, scalars, from, n)));
        long[] shiftedScalars = new long[scalars.length + 4];
        System.arraycopy(scalars, 0, shiftedScalars, 4, scalars.length);
        assertTrue(G1_GROUP.equal(expected, Msm.g1(t.bases, from, shiftedScalars, from + 1, n)));
    }

    @Test
    void rejectsBadArguments() {
        long[] bases = G1.GENERATOR.clone();
        long[] tooBig = MontgomeryField.toLimbs(R);
        assertThrows(IllegalArgumentException.class, () -> Msm.g1(bases, tooBig));
        assertThrows(IllegalArgumentException.class, () -> Msm.g1(bases, 0, new long[8], 0, 2));
        assertThrows(IllegalArgumentException.class, () -> Msm.g1(bases, 0, new long[4], 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Msm.g2(bases, new long[4]));
        assertThrows(IllegalArgumentException.class, () -> Msm.g1(bases, 0, new long[4], 0, -1));
    }
}
