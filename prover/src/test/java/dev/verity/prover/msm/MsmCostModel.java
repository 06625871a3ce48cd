package dev.verity.prover.msm;

import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.field.Fp;
import dev.verity.prover.field.Fp2;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.Random;

/**
 * Hand-run tool (not a test) that measures the constants of {@link Pippenger.Costs} on this
 * machine, in units of one dependent Fp multiplication and in thread CPU time, so that a busy
 * machine gives usable ratios. Prints the median of several rounds.
 *
 * <pre>
 * java -cp prover/target/classes:prover/target/test-classes dev.verity.prover.msm.MsmCostModel
 * </pre>
 */
public final class MsmCostModel {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int POINTS = 1 << 14, BUCKETS = 1 << 12, BATCH = 1024;

    private MsmCostModel() {
    }

    public static void main(String[] args) {
        measure("G1", g1Bases(POINTS), (bases, batch, segment) -> new G1Buckets(bases, 0, BUCKETS, batch, segment, true),
                MsmCostModel::fpInversion);
        measure("G2", g2Bases(POINTS), (bases, batch, segment) -> new G2Buckets(bases, 0, BUCKETS, batch, segment, true),
                MsmCostModel::fp2Inversion);
    }

    private interface Factory {
        Buckets create(long[] bases, int batch, int segment);
    }

    private static void measure(String group, long[] bases, Factory factory, Runnable inversion) {
        short[] digits = new short[POINTS];
        Random rnd = new Random(1);
        for (int i = 0; i < POINTS; i++) {
            digits[i] = (short) ((rnd.nextInt(BUCKETS) + 1) * (rnd.nextBoolean() ? 1 : -1));
        }
        int rounds = 15;
        double[] inv = new double[rounds], mixed = new double[rounds], batched = new double[rounds], step = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < 50; i++) {
                inversion.run();
            }
            inv[round] = (CPU.getCurrentThreadCpuTime() - t0) / 50.0 / mulNanos();
            Buckets jacobian = factory.create(bases, 0, 0);
            t0 = CPU.getCurrentThreadCpuTime();
            jacobian.accumulate(digits, 0, 0, POINTS);
            long t1 = CPU.getCurrentThreadCpuTime();
            jacobian.reduce();
            long t2 = CPU.getCurrentThreadCpuTime();
            double mul = mulNanos();
            mixed[round] = (t1 - t0) / (double) POINTS / mul;
            step[round] = (t2 - t1) / (double) BUCKETS / mul;
            Buckets affine = factory.create(bases, BATCH, 0);
            t0 = CPU.getCurrentThreadCpuTime();
            affine.accumulate(digits, 0, 0, POINTS);
            batched[round] = (CPU.getCurrentThreadCpuTime() - t0) / (double) POINTS / mulNanos() - inv[round] / BATCH;
        }
        System.out.printf("%s: new Costs(%.0f, %.1f, %.1f, %.0f)  (inversion, mixedAdd, affineAdd, runningSumStep; medians)%n",
                group, median(inv), median(mixed), median(batched), median(step));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static final long[] SCRATCH = new long[4 * 1024];

    static {
        for (int i = 0; i < 1024; i++) {
            Fp.FIELD.fromBigInteger(BigInteger.valueOf(i + 3), SCRATCH, 4 * i);
        }
    }

    /** CPU time of one dependent Fp multiplication on this thread, now. */
    static double mulNanos() {
        long t0 = CPU.getCurrentThreadCpuTime();
        for (int rep = 0; rep < 200; rep++) {
            for (int i = 4; i < SCRATCH.length; i += 4) {
                Fp.FIELD.mul(SCRATCH, i - 4, SCRATCH, i, SCRATCH, i);
            }
        }
        return (CPU.getCurrentThreadCpuTime() - t0) / (200.0 * 1023);
    }

    private static void fpInversion() {
        Fp.FIELD.inv(SCRATCH, 8, SCRATCH, 8);
    }

    private static final Fp2 F2 = new Fp2();

    private static void fp2Inversion() {
        F2.inv(SCRATCH, 16, SCRATCH, 16);
    }

    /** G, 2G, ..., nG: one mixed addition each, one batch conversion. */
    static long[] g1Bases(int n) {
        G1 g = new G1();
        long[] jac = new long[n * G1.JACOBIAN];
        G1.fromAffine(G1.GENERATOR, 0, jac, 0);
        for (int i = 1; i < n; i++) {
            g.addAffine(jac, (i - 1) * G1.JACOBIAN, G1.GENERATOR, 0, jac, i * G1.JACOBIAN);
        }
        long[] bases = new long[n * G1.AFFINE];
        g.toAffine(jac, 0, n, bases, 0);
        return bases;
    }

    static long[] g2Bases(int n) {
        G2 g = new G2();
        long[] jac = new long[n * G2.JACOBIAN];
        G2.fromAffine(G2.GENERATOR, 0, jac, 0);
        for (int i = 1; i < n; i++) {
            g.addAffine(jac, (i - 1) * G2.JACOBIAN, G2.GENERATOR, 0, jac, i * G2.JACOBIAN);
        }
        long[] bases = new long[n * G2.AFFINE];
        g.toAffine(jac, 0, n, bases, 0);
        return bases;
    }
}
