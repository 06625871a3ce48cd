package dev.verity.bench;

import dev.verity.prover.groth16.DevPowersOfTau;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.util.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code verity bench setup}: {@code groth16 setup} with Verity and with snarkjs on the same r1cs
 * and ptau, whole processes alternating; the two zkeys must be byte-identical. The ptau is made
 * by Verity's dev generator (unsafe, bench only): snarkjs' own takes hours at these powers.
 */
public final class SetupBench {
    private final Path dir;
    private final List<String> verityCommand;
    private final List<String> snarkjsCommand;
    private final int runs;
    private final long snarkjsTimeoutSeconds;
    private final PrintStream out;

    public SetupBench(Path dir, List<String> verityCommand, List<String> snarkjsCommand, int runs,
            long snarkjsTimeoutSeconds, PrintStream out) {
        this.dir = dir;
        this.verityCommand = verityCommand;
        this.snarkjsCommand = snarkjsCommand;
        this.runs = runs;
        this.snarkjsTimeoutSeconds = snarkjsTimeoutSeconds;
        this.out = out;
    }

    public void run(int power) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String name = "bench-" + power;
        Path r1cs = dir.resolve(name + ".r1cs");
        if (!Files.exists(r1cs)) {
            R1csFile.write(BenchCircuit.ofPower(power).constraints, r1cs);
        }
        // One power more than the domain: at exactly 2^power (above 2^14) snarkjs computes its circuit
        // hash from bytes past the end of the tauG1 section, which no other tool reproduces.
        int ptauPower = power + 1;
        Path ptau = dir.resolve("dev-" + ptauPower + ".ptau");
        if (!Files.exists(ptau)) {
            long t = System.nanoTime();
            DevPowersOfTau.generateUnsafe(ptau, ptauPower, new SecureRandom(), Progress.NONE);
            out.printf("prepared dev ptau of power %d (unsafe, bench only) in %.1f s%n", ptauPower,
                    (System.nanoTime() - t) / 1e9);
        }
        out.printf("%n## Groth16 setup, domain 2^%d (%d constraints)%n", power, (1 << power) - 2);
        List<Double> verity = new ArrayList<>();
        List<Double> snarkjs = new ArrayList<>();
        long verityPeak = 0;
        long snarkjsPeak = 0;
        boolean snarkjsCutOff = false;
        for (int i = 0; i < runs; i++) {
            MeasuredProcess v = MeasuredProcess.run(Groth16Bench.concat(verityCommand, "groth16", "setup",
                    r1cs.toString(), ptau.toString(), name + ".verity-setup.zkey"), dir, 3600);
            if (!v.succeeded()) {
                throw new IllegalStateException("verity groth16 setup failed:\n" + v.output());
            }
            verity.add(v.seconds());
            verityPeak = Math.max(verityPeak, v.peakKiB());
            out.printf("run %d: verity  %8.2f s  peak %6d MiB%n", i + 1, v.seconds(), v.peakKiB() / 1024);
            if (snarkjsCommand != null && !snarkjsCutOff) {
                MeasuredProcess s = MeasuredProcess.run(Groth16Bench.concat(snarkjsCommand, "groth16", "setup",
                        r1cs.toString(), ptau.toString(), name + ".snarkjs-setup.zkey"), dir, snarkjsTimeoutSeconds);
                if (s.seconds() >= snarkjsTimeoutSeconds) {
                    out.printf("run %d: snarkjs cut off after %d s%n", i + 1, snarkjsTimeoutSeconds);
                    snarkjsCutOff = true;
                    continue;
                }
                if (!s.succeeded()) {
                    throw new IllegalStateException("snarkjs groth16 setup failed:\n" + s.output());
                }
                snarkjs.add(s.seconds());
                snarkjsPeak = Math.max(snarkjsPeak, s.peakKiB());
                out.printf("run %d: snarkjs %8.2f s  peak %6d MiB%n", i + 1, s.seconds(), s.peakKiB() / 1024);
            }
        }
        double verityMedian = Groth16Bench.median(verity);
        out.printf("verity  median %.2f s, peak %d MiB%n", verityMedian, verityPeak / 1024);
        if (!snarkjs.isEmpty()) {
            double snarkjsMedian = Groth16Bench.median(snarkjs);
            out.printf("snarkjs median %.2f s, peak %d MiB%n", snarkjsMedian, snarkjsPeak / 1024);
            out.printf("ratio: verity setup is %.2fx faster than snarkjs; memory %.2fx of snarkjs'%n",
                    snarkjsMedian / verityMedian, (double) verityPeak / snarkjsPeak);
            boolean same = Arrays.equals(Files.readAllBytes(dir.resolve(name + ".verity-setup.zkey")),
                    Files.readAllBytes(dir.resolve(name + ".snarkjs-setup.zkey")));
            out.println(same ? "zkeys are byte-identical" : "ZKEYS DIFFER");
            if (!same) {
                throw new IllegalStateException("Verity's and snarkjs' zkeys differ for " + r1cs);
            }
        } else if (snarkjsCutOff) {
            out.printf("snarkjs did not finish within %d s: Verity is more than %.1fx faster%n",
                    snarkjsTimeoutSeconds, snarkjsTimeoutSeconds / verityMedian);
        }
    }
}
