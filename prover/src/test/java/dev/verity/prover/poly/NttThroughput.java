package dev.verity.prover.poly;

import dev.verity.prover.field.Fr;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;

/**
 * Hand-run throughput check, not a test: prints ns per butterfly of warm forward NTTs and the time
 * of the Groth16 quotient step (3 inverse + 3 forward transforms plus the pointwise work), as
 * wall-clock time and as CPU time of the whole process (the figure to compare on a shared machine,
 * where wall-clock time depends on what else runs).
 *
 * <pre>java -cp prover/target/classes:prover/target/test-classes dev.verity.prover.poly.NttThroughput [log2n...]</pre>
 */
public final class NttThroughput {
    private NttThroughput() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {16, 20} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("workers: " + ParallelRange.workers());
        for (int log2n : sizes) {
            long[] a = randomElements(1 << log2n, log2n);
            long butterflies = (long) log2n << (log2n - 1);
            int runs = Math.max(3, (1 << 22) >> log2n);
            for (int warm = 0; warm < runs; warm++) {
                Ntt.forward(a, log2n);
            }
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            for (int r = 0; r < runs; r++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                Ntt.forward(a, log2n);
                best = Math.min(best, System.nanoTime() - t0);
                bestCpu = Math.min(bestCpu, processCpuNanos() - c0);
            }
            System.out.printf("forward 2^%d: %.2f ms wall, %.2f ns/butterfly wall, %.2f ns/butterfly cpu%n",
                    log2n, best / 1e6, (double) best / butterflies, (double) bestCpu / butterflies);
            long[] b = randomElements(1 << log2n, log2n + 100);
            long[] c = randomElements(1 << log2n, log2n + 200);
            long bestQ = Long.MAX_VALUE;
            long bestQCpu = Long.MAX_VALUE;
            for (int r = 0; r < 3; r++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                QuotientEvaluations.compute(a, b, c, log2n);
                bestQ = Math.min(bestQ, System.nanoTime() - t0);
                bestQCpu = Math.min(bestQCpu, processCpuNanos() - c0);
            }
            System.out.printf("quotient 2^%d (3 inverse + 3 forward + pointwise): %.1f ms wall, %.1f ms cpu%n",
                    log2n, bestQ / 1e6, bestQCpu / 1e6);
        }
    }

    /** CPU time of all threads of the process: comparable across runs on a loaded machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long[] randomElements(int n, long seed) {
        Random rnd = new Random(seed);
        long[] a = new long[4 * n];
        long[] limbs = new long[4];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < 4; l++) {
                limbs[l] = rnd.nextLong();
            }
            limbs[3] &= 0x0fffffffffffffffL; // below 2^252 < r
            Fr.FIELD.toMontgomery(limbs, 0, a, 4 * i);
        }
        return a;
    }
}
