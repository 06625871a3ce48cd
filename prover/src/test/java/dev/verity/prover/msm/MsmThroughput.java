package dev.verity.prover.msm;

import dev.verity.prover.field.Fr;
import dev.verity.prover.field.MontgomeryField;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

/**
 * Hand-run throughput check (not a test): prints ns per point of G1 (or G2) MSMs with random
 * scalars, in wall time, in CPU time of all threads, and in multiples of the current CPU time of
 * one Fp multiplication (comparable across machine load). {@code c=NN} forces the window size.
 *
 * <pre>
 * mvn -q -pl prover test-compile
 * java -cp prover/target/classes:prover/target/test-classes dev.verity.prover.msm.MsmThroughput [log2 n ...] [g2] [c=NN]
 * </pre>
 */
public final class MsmThroughput {
    private MsmThroughput() {
    }

    public static void main(String[] args) {
        boolean g2 = Arrays.asList(args).contains("g2");
        int forcedWindow = Arrays.stream(args).filter(a -> a.startsWith("c=")).mapToInt(a -> Integer.parseInt(a.substring(2)))
                .findFirst().orElse(0);
        int[] logs = Arrays.stream(args).filter(a -> a.matches("\\d+")).mapToInt(Integer::parseInt).toArray();
        if (logs.length == 0) {
            logs = new int[] {16, 18};
        }
        String group = g2 ? "G2" : "G1";
        Pippenger.Costs costs = g2 ? Msm.G2_COSTS : Msm.G1_COSTS;
        int threads = Pippenger.parallelism();
        System.out.printf("%d threads%n", threads);
        for (int log : logs) {
            int n = 1 << log;
            long[] scalars = randomScalars(n, new Random(log));
            long[] bases = g2 ? MsmCostModel.g2Bases(n) : MsmCostModel.g1Bases(n);
            Pippenger.Plan plan = Pippenger.plan(n, threads, costs, forcedWindow);
            boolean[] skip = new boolean[n];
            Pippenger.BucketsFactory factory = g2 ? (count, batch, segment) -> new G2Buckets(bases, 0, count, batch, segment, true)
                    : (count, batch, segment) -> new G1Buckets(bases, 0, count, batch, segment, true);
            long bestWall = Long.MAX_VALUE, bestCpu = Long.MAX_VALUE;
            int reps = 5;
            double[] mulTimes = new double[reps];
            for (int rep = 0; rep < reps; rep++) {
                double mulNs = MsmCostModel.mulNanos();
                long cpu0 = processCpuNanos(), t0 = System.nanoTime();
                long[] r = forcedWindow > 0 ? Pippenger.run(factory, scalars, 0, skip, n, plan, threads)
                        : g2 ? Msm.g2(bases, scalars) : Msm.g1(bases, scalars);
                long wall = System.nanoTime() - t0, cpu = processCpuNanos() - cpu0;
                if (r.length == 0) {
                    throw new AssertionError();
                }
                bestWall = Math.min(bestWall, wall);
                bestCpu = Math.min(bestCpu, cpu);
                mulTimes[rep] = cpu / (n * mulNs);
                System.out.printf("%s n=2^%d %s run %d: wall %.0f ns/point, cpu %.0f ns/point = %.0f Fp-mul times (mul %.1f ns cpu)%n",
                        group, log, plan, rep, (double) wall / n, (double) cpu / n, cpu / (n * mulNs), mulNs);
            }
            Arrays.sort(mulTimes);
            System.out.printf("%s n=2^%d best: wall %.0f ns/point, cpu %.0f ns/point (%d threads); median %.0f Fp-mul times/point%n",
                    group, log, (double) bestWall / n, (double) bestCpu / n, threads, mulTimes[reps / 2]);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long[] randomScalars(int n, Random rnd) {
        long[] out = new long[4 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(MontgomeryField.toLimbs(new BigInteger(256, rnd).mod(Fr.MODULUS)), 0, out, 4 * i, 4);
        }
        return out;
    }
}
