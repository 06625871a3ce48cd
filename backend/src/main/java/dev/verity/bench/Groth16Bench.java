package dev.verity.bench;

import dev.verity.prover.field.Fr;
import dev.verity.prover.groth16.DevSetup;
import dev.verity.prover.groth16.Prover;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.io.WtnsFile;
import dev.verity.prover.io.Zkey;
import dev.verity.prover.io.ZkeyFile;
import dev.verity.prover.msm.Msm;
import dev.verity.prover.poly.Ntt;
import dev.verity.prover.util.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code verity bench groth16}: proving time of Verity against snarkjs on the same zkey and
 * witness, whole processes (cold JVM included) alternating run by run, then Verity in a warm JVM,
 * and the MSM and NTT kernels. Circuits come from {@link BenchCircuit}; keys from the (unsafe,
 * bench-only) dev setup, cached in the work directory.
 */
public final class Groth16Bench {
    private final Path dir;
    private final List<String> verityCommand;
    private final List<String> snarkjsCommand;
    private final int runs;
    private final PrintStream out;

    /**
     * @param verityCommand  how to start the verity CLI in a fresh process
     * @param snarkjsCommand how to start the snarkjs CLI, or null to measure Verity alone
     */
    public Groth16Bench(Path dir, List<String> verityCommand, List<String> snarkjsCommand, int runs, PrintStream out) {
        this.dir = dir;
        this.verityCommand = verityCommand;
        this.snarkjsCommand = snarkjsCommand;
        this.runs = runs;
        this.out = out;
    }

    public void run(int power) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String name = "bench-" + power;
        Path r1cs = dir.resolve(name + ".r1cs");
        Path wtns = dir.resolve(name + ".wtns");
        Path zkey = dir.resolve(name + ".zkey");
        prepare(power, r1cs, wtns, zkey);

        out.printf("%n## Groth16 prove, domain 2^%d (%d constraints)%n", power, (1 << power) - 2);
        List<Double> veritySeconds = new ArrayList<>();
        List<Double> snarkjsSeconds = new ArrayList<>();
        long verityPeak = 0;
        long snarkjsPeak = 0;
        for (int i = 0; i < runs; i++) {
            MeasuredProcess v = MeasuredProcess.run(concat(verityCommand, "groth16", "prove", zkey.toString(),
                    wtns.toString(), name + ".verity-proof.json", name + ".verity-public.json"), dir, 3600);
            require(v, "verity groth16 prove");
            veritySeconds.add(v.seconds());
            verityPeak = Math.max(verityPeak, v.peakKiB());
            out.printf("run %d: verity  %7.2f s  peak %6d MiB%n", i + 1, v.seconds(), v.peakKiB() / 1024);
            if (snarkjsCommand != null) {
                MeasuredProcess s = MeasuredProcess.run(concat(snarkjsCommand, "groth16", "prove", zkey.toString(),
                        wtns.toString(), name + ".snarkjs-proof.json", name + ".snarkjs-public.json"), dir, 3600);
                require(s, "snarkjs groth16 prove");
                snarkjsSeconds.add(s.seconds());
                snarkjsPeak = Math.max(snarkjsPeak, s.peakKiB());
                out.printf("run %d: snarkjs %7.2f s  peak %6d MiB%n", i + 1, s.seconds(), s.peakKiB() / 1024);
            }
        }
        double verityMedian = median(veritySeconds);
        out.printf("verity  median %.2f s, peak %d MiB (whole process, cold JVM)%n", verityMedian, verityPeak / 1024);
        if (snarkjsCommand != null) {
            double snarkjsMedian = median(snarkjsSeconds);
            out.printf("snarkjs median %.2f s, peak %d MiB%n", snarkjsMedian, snarkjsPeak / 1024);
            out.printf("ratio: verity is %.2fx faster than snarkjs; memory %.2fx of snarkjs'%n",
                    snarkjsMedian / verityMedian, (double) verityPeak / snarkjsPeak);
            crossCheck(zkey, name);
        }
        warm(zkey, wtns);
        kernels(zkey, power);
    }

    /** Circuit, witness and (unsafe, bench-only) key, made once and kept in the work directory. */
    private void prepare(int power, Path r1cs, Path wtns, Path zkey) throws IOException {
        if (Files.exists(r1cs) && Files.exists(wtns) && Files.exists(zkey)) {
            return;
        }
        long t0 = System.nanoTime();
        BenchCircuit circuit = BenchCircuit.ofPower(power);
        R1csFile.write(circuit.constraints, r1cs);
        WtnsFile.write(circuit.witness, wtns);
        long t1 = System.nanoTime();
        Zkey key = DevSetup.generate(circuit.constraints, new SecureRandom(), Progress.NONE);
        ZkeyFile.write(key, zkey);
        out.printf("prepared 2^%d: circuit %.1f s, dev setup (unsafe, bench only) %.1f s%n", power, (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9);
    }

    /** snarkjs accepts Verity's proof under the verification key Verity exports, and vice versa. */
    private void crossCheck(Path zkey, String name) throws IOException, InterruptedException {
        Path vk = dir.resolve(name + ".vkey.json");
        MeasuredProcess export = MeasuredProcess.run(concat(verityCommand, "zkey", "export", "verificationkey",
                zkey.toString(), vk.toString()), dir, 600);
        require(export, "verity zkey export verificationkey");
        MeasuredProcess snarkjsVerifies = MeasuredProcess.run(concat(snarkjsCommand, "groth16", "verify",
                vk.toString(), name + ".verity-public.json", name + ".verity-proof.json"), dir, 600);
        require(snarkjsVerifies, "snarkjs groth16 verify (of Verity's proof)");
        MeasuredProcess verityVerifies = MeasuredProcess.run(concat(verityCommand, "groth16", "verify",
                vk.toString(), name + ".snarkjs-public.json", name + ".snarkjs-proof.json"), dir, 600);
        require(verityVerifies, "verity groth16 verify (of snarkjs' proof)");
        out.println("cross-check: snarkjs verifies Verity's proof, Verity verifies snarkjs' proof");
    }

    /** The backend's case: key and witness in memory, JIT warm. */
    private void warm(Path zkey, Path wtns) throws IOException {
        Zkey key = ZkeyFile.read(zkey);
        var witness = WtnsFile.read(wtns);
        SecureRandom random = new SecureRandom();
        Prover.prove(key, witness, random, Progress.NONE);
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            var proof = Prover.prove(key, witness, random, Progress.NONE);
            seconds.add((System.nanoTime() - t) / 1e9);
            if (proof == null) {
                throw new IllegalStateException("no proof");
            }
        }
        out.printf("verity warm JVM (key in memory, proof self-verified): median %.2f s over %d runs %s%n",
                median(seconds), runs, format(seconds));
    }

    /** MSM ns per point and NTT ns per butterfly at this size. */
    private void kernels(Path zkey, int power) throws IOException {
        Zkey key = ZkeyFile.read(zkey);
        int n = 1 << power;
        long[] scalars = new long[4 * n];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            do {
                for (int k = 0; k < 4; k++) {
                    scalars[4 * i + k] = random.nextLong();
                }
                scalars[4 * i + 3] &= 0x3fff_ffff_ffff_ffffL;
            } while (!Fr.FIELD.isCanonical(scalars, 4 * i));
        }
        Msm.g1(key.h(), 0, scalars, 0, n);
        long t = System.nanoTime();
        Msm.g1(key.h(), 0, scalars, 0, n);
        double msmNs = (System.nanoTime() - t) / (double) n;

        long[] values = new long[4 * n];
        for (int i = 0; i < n; i++) {
            Fr.FIELD.toMontgomery(scalars, 4 * i, values, 4 * i);
        }
        Ntt.forward(values, power);
        t = System.nanoTime();
        Ntt.forward(values, power);
        double butterflies = (double) (n / 2) * power;
        double nttNs = (System.nanoTime() - t) / butterflies;
        out.printf("kernels at 2^%d: G1 MSM %.0f ns/point (random full scalars), NTT %.1f ns/butterfly (%d threads)%n",
                power, msmNs, nttNs, Runtime.getRuntime().availableProcessors());
    }

    private static void require(MeasuredProcess p, String what) {
        if (!p.succeeded()) {
            throw new IllegalStateException(what + " failed (exit " + p.exitCode() + "):\n" + p.output());
        }
    }

    static List<String> concat(List<String> prefix, String... args) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(Arrays.asList(args));
        return all;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static String format(List<Double> seconds) {
        StringBuilder sb = new StringBuilder("[");
        for (double s : seconds) {
            sb.append(sb.length() > 1 ? ", " : "").append(String.format("%.2f", s));
        }
        return sb.append(" s]").toString();
    }
}
