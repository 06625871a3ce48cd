package dev.verity.prover.ptau;

import dev.verity.prover.curve.BatchMultiplier;
import dev.verity.prover.curve.EndomorphismMul;
import dev.verity.prover.curve.G1;
import dev.verity.prover.curve.G2;
import dev.verity.prover.curve.LaneScalarMul;
import dev.verity.prover.curve.SplitScalar;
import dev.verity.prover.field.Fr;
import dev.verity.prover.field.Simd;
import dev.verity.prover.groth16.DevPowersOfTau;
import dev.verity.prover.util.Progress;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Hand-run benchmark, not a test. Prints the single-thread cost of one twiddle multiplication
 * (G1 and G2, batches of 64 as the NTT runs them), then for each power: makes an input with the
 * unsafe dev generator, times {@link PreparePhase2#run} (wall and process CPU) and, with
 * {@code --snarkjs}, {@code snarkjs powersoftau prepare phase2} on the same file (it recomputes the
 * same sections from 2-5) and checks both outputs are identical.
 *
 * <pre>java -cp prover/target/classes:prover/target/test-classes dev.verity.prover.ptau.PreparePhase2Bench [--snarkjs] [power...]</pre>
 */
public final class PreparePhase2Bench {
    private PreparePhase2Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean snarkjs = rest.remove("--snarkjs");
        int[] powers = rest.isEmpty() ? new int[] {12, 14, 16} : rest.stream().mapToInt(Integer::parseInt).toArray();
        double g1Scalar = perMultiplication(true, false);
        double g2Scalar = perMultiplication(false, false);
        double g1Cost = Simd.available() ? perMultiplication(true, true) : g1Scalar;
        double g2Cost = Simd.available() ? perMultiplication(false, true) : g2Scalar;
        double g2Weight = g2Cost / g1Cost;
        System.out.printf("twiddle multiplication, 1 thread: G1 %.1f us, G2 %.1f us (%.2f G1); scalar code: G1 %.1f us,"
                + " G2 %.1f us%n", g1Cost / 1e3, g2Cost / 1e3, g2Weight, g1Scalar / 1e3, g2Scalar / 1e3);
        Path dir = Files.createTempDirectory("prepare-bench");
        for (int power : powers) {
            Path in = dir.resolve("in-" + power + ".ptau");
            DevPowersOfTau.generateUnsafe(in, power, new SecureRandom(), Progress.NONE);
            Path out = dir.resolve("verity-" + power + ".ptau");
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            PreparePhase2.run(in, out, Progress.NONE);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - c0) / 1e9;
            long g1 = multiplications(true, power + 1) + 2 * multiplications(true, power);
            long g2 = multiplications(false, power);
            double equivalents = g1 + g2Weight * g2;
            System.out.printf("power %d: verity %.2f s wall, %.2f s cpu; %d G1 + %d G2 twiddle multiplications,"
                    + " %.1f us cpu per G1-equivalent, %.0f%% of it in the multiplications%n", power, wall, cpu, g1, g2,
                    cpu * 1e6 / equivalents, 100 * equivalents * g1Cost / (cpu * 1e9));
            if (snarkjs) {
                long s0 = System.nanoTime();
                Process p = new ProcessBuilder("node", Path.of("interop/node_modules/snarkjs/build/cli.cjs")
                        .toAbsolutePath().toString(), "powersoftau", "prepare", "phase2", in.toString(),
                        dir.resolve("snarkjs-" + power + ".ptau").toString()).inheritIO().start();
                if (!p.waitFor(3, TimeUnit.HOURS) || p.exitValue() != 0) {
                    throw new IllegalStateException("snarkjs failed");
                }
                double s = (System.nanoTime() - s0) / 1e9;
                boolean same = Arrays.equals(Files.readAllBytes(out),
                        Files.readAllBytes(dir.resolve("snarkjs-" + power + ".ptau")));
                System.out.printf("power %d: snarkjs %.2f s wall; %.1fx; outputs identical: %b%n", power, s, s / wall,
                        same);
            }
            for (String name : new String[] {"in-", "verity-", "snarkjs-"}) {
                Files.deleteIfExists(dir.resolve(name + power + ".ptau"));
            }
        }
        Files.deleteIfExists(dir);
    }

    /** Twiddle multiplications of the blocks p = 1 .. maxP ({@link GroupNtt#multiplications}). */
    static long multiplications(boolean isG1, int maxP) {
        long total = 0;
        for (int p = 1; p <= maxP; p++) {
            total += GroupNtt.multiplications(isG1, p);
        }
        return total;
    }

    /**
     * CPU ns per multiplication of a random point by a random scalar, one thread, batches of 64, in
     * SIMD lanes ({@link LaneScalarMul}) or scalar code.
     */
    private static double perMultiplication(boolean isG1, boolean lanes) {
        Random rnd = new Random(1);
        EndomorphismMul mul = isG1 ? EndomorphismMul.g1() : EndomorphismMul.g2();
        BatchMultiplier multiplier = lanes ? (isG1 ? LaneScalarMul.g1() : LaneScalarMul.g2()) : mul;
        int n = 64;
        int a = mul.affineLimbs();
        long[] points = new long[n * a];
        int[] offsets = new int[n];
        SplitScalar[] scalars = new SplitScalar[n];
        for (int i = 0; i < n; i++) {
            BigInteger s = new BigInteger(256, rnd).mod(Fr.MODULUS);
            if (isG1) {
                G1 g = new G1();
                g.toAffine(g.mul(G1.GENERATOR, 0, s), 0, points, i * a);
            } else {
                G2 g = new G2();
                g.toAffine(g.mul(G2.GENERATOR, 0, s), 0, points, i * a);
            }
            offsets[i] = i * a;
            scalars[i] = mul.split(new BigInteger(256, rnd).mod(Fr.MODULUS));
        }
        long[] out = new long[n * mul.jacobianLimbs()];
        double best = Double.MAX_VALUE;
        // 40 rounds: the lane code runs interpreted (and allocating) until C2 has compiled it
        for (int round = 0; round < 40; round++) {
            long c0 = threadCpuNanos();
            for (int rep = 0; rep < 4; rep++) {
                multiplier.multiply(points, offsets, scalars, n, out, 0);
            }
            best = Math.min(best, (threadCpuNanos() - c0) / (4.0 * n));
        }
        return best;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
