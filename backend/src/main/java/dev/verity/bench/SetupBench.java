package dev.verity.bench;

import dev.verity.prover.groth16.DevPowersOfTau;
import dev.verity.prover.io.R1csFile;
import dev.verity.prover.util.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
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
        Path verityKey = dir.resolve(name + ".verity-setup.zkey");
        Path snarkjsKey = dir.resolve(name + ".snarkjs-setup.zkey");
        Files.deleteIfExists(snarkjsKey);
        List<String> verity = Groth16Bench.concat(verityCommand, "groth16", "setup", r1cs.toString(), ptau.toString(),
                verityKey.toString());
        List<String> snarkjs = snarkjsCommand == null ? null : Groth16Bench.concat(snarkjsCommand, "groth16", "setup",
                r1cs.toString(), ptau.toString(), snarkjsKey.toString());
        if (HeadToHead.run("setup", verity, snarkjs, dir, runs, snarkjsTimeoutSeconds, out).snarkjsFinished()) {
            boolean same = Arrays.equals(Files.readAllBytes(verityKey), Files.readAllBytes(snarkjsKey));
            out.println(same ? "setup: zkeys are byte-identical" : "setup: ZKEYS DIFFER");
            if (!same) {
                throw new IllegalStateException("Verity's and snarkjs' zkeys differ for " + r1cs);
            }
        }
    }
}
