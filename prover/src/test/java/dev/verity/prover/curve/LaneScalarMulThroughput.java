package dev.verity.prover.curve;

import dev.verity.prover.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hand-run throughput check (not a test): wall us per scalar multiplication of batches of 64
 * random points by random scalars, in SIMD lanes ({@link LaneScalarMul}) and in scalar code
 * ({@link EndomorphismMul}), G1 and G2, on one thread and on two threads at once (each thread its
 * own batch and multiplier; the figure is the aggregate: wall time over all points of both).
 * Each configuration runs 3 s to warm up, then 3 s measured.
 *
 * <pre>
 * mvn -q -pl prover test-compile
 * java --add-modules jdk.incubator.vector -cp prover/target/classes:prover/target/test-classes \
 *     dev.verity.prover.curve.LaneScalarMulThroughput [g2-first]
 * </pre>
 */
public final class LaneScalarMulThroughput {
    private static final int BATCH = 64;
    private static final long PHASE_NANOS = 3_000_000_000L;

    private LaneScalarMulThroughput() {
    }

    public static void main(String[] args) throws InterruptedException {
        // "g2-first": G2 before G1, to see whether the G1 lane code slows down once C2 has seen both fields
        boolean[] order = args.length > 0 && args[0].equals("g2-first") ? new boolean[] {false, true}
                : new boolean[] {true, false};
        for (boolean isG1 : order) {
            for (boolean lanes : new boolean[] {true, false}) {
                for (int threads = 1; threads <= 2; threads++) {
                    System.out.printf("%s %s, %d thread%s: %.1f us per multiplication (aggregate)%n", isG1 ? "G1" : "G2",
                            lanes ? "lanes " : "scalar", threads, threads == 1 ? " " : "s",
                            run(isG1, lanes, threads));
                }
            }
        }
    }

    /** Aggregate wall us per multiplication with {@code threads} threads multiplying at once. */
    private static double run(boolean isG1, boolean lanes, int threads) throws InterruptedException {
        long[] counts = new long[threads];
        long[] nanos = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(Thread.ofPlatform().start(() -> {
                Job job = new Job(isG1, lanes, id);
                long warm = System.nanoTime();
                while (System.nanoTime() - warm < PHASE_NANOS) {
                    job.run();
                }
                long start = System.nanoTime();
                long n = 0;
                while (System.nanoTime() - start < PHASE_NANOS) {
                    job.run();
                    n += BATCH;
                }
                counts[id] = n;
                nanos[id] = System.nanoTime() - start;
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        double pointsPerNano = 0;
        for (int t = 0; t < threads; t++) {
            pointsPerNano += counts[t] / (double) nanos[t];
        }
        return 1e-3 / pointsPerNano;
    }

    /** One thread's batch: random points and split scalars, and its multiplier. */
    private static final class Job {
        final BatchMultiplier multiplier;
        final long[] points;
        final int[] offsets = new int[BATCH];
        final SplitScalar[] scalars = new SplitScalar[BATCH];
        final long[] out;

        Job(boolean isG1, boolean lanes, int seed) {
            Random rnd = new Random(seed);
            CurveArithmetic group = isG1 ? new G1() : new G2();
            int affine = isG1 ? G1.AFFINE : G2.AFFINE;
            points = new long[BATCH * affine];
            out = new long[BATCH * (isG1 ? G1.JACOBIAN : G2.JACOBIAN)];
            for (int i = 0; i < BATCH; i++) {
                long[] p = group.mul(isG1 ? G1.GENERATOR : G2.GENERATOR, 0, new BigInteger(254, rnd).mod(Fr.MODULUS));
                group.toAffine(p, 0, 1, points, i * affine);
                offsets[i] = i * affine;
                BigInteger k = new BigInteger(254, rnd).mod(Fr.MODULUS);
                scalars[i] = isG1 ? EndomorphismMul.splitG1(k) : EndomorphismMul.splitG2(k);
            }
            multiplier = lanes ? (isG1 ? LaneScalarMul.g1() : LaneScalarMul.g2())
                    : (isG1 ? EndomorphismMul.g1() : EndomorphismMul.g2());
        }

        void run() {
            multiplier.multiply(points, offsets, scalars, BATCH, out, 0);
        }
    }
}
