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
    private static final long SNARKJS_TIMEOUT_SECONDS = 3600;
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

        out.printf("%n## Groth16 prove, domain 2^%d (%d constraints), cold JVM%n", power, (1 << power) - 2);
        List<String> verityProve = concat(verityCommand, "groth16", "prove", zkey.toString(), wtns.toString(),
                name + ".verity-proof.json", name + ".verity-public.json");
        List<String> snarkjsProve = snarkjsCommand == null ? null : concat(snarkjsCommand, "groth16", "prove",
                zkey.toString(), wtns.toString(), name + ".snarkjs-proof.json", name + ".snarkjs-public.json");
        if (HeadToHead.run("prove", verityProve, snarkjsProve, dir, runs, SNARKJS_TIMEOUT_SECONDS, out)
                .snarkjsFinished()) {
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
        HeadToHead.succeeded(export, "verity zkey export verificationkey");
        MeasuredProcess snarkjsVerifies = MeasuredProcess.run(concat(snarkjsCommand, "groth16", "verify",
                vk.toString(), name + ".verity-public.json", name + ".verity-proof.json"), dir, 600);
        HeadToHead.succeeded(snarkjsVerifies, "snarkjs groth16 verify (of Verity's proof)");
        MeasuredProcess verityVerifies = MeasuredProcess.run(concat(verityCommand, "groth16", "verify",
                vk.toString(), name + ".snarkjs-public.json", name + ".snarkjs-proof.json"), dir, 600);
        HeadToHead.succeeded(verityVerifies, "verity groth16 verify (of snarkjs' proof)");
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
                HeadToHead.median(seconds), runs, format(seconds));
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

    static List<String> concat(List<String> prefix, String... args) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(Arrays.asList(args));
        return all;
    }

    private static String format(List<Double> seconds) {
        StringBuilder sb = new StringBuilder("[");
        for (double s : seconds) {
            sb.append(sb.length() > 1 ? ", " : "").append(String.format("%.2f", s));
        }
        return sb.append(" s]").toString();
    }
}
