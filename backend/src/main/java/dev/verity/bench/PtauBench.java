package dev.verity.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code verity bench ptau}: {@code powersoftau contribute} and {@code powersoftau prepare phase2}
 * with Verity and with snarkjs on the same input file, whole processes alternating. snarkjs runs
 * that pass the time limit are cut off, reported as such, and not repeated. Prepared files must
 * be byte-identical (prepare phase2 is deterministic); contributions are random, so each tool's
 * output is checked with Verity's verifier instead.
 */
public final class PtauBench {
    private final Path dir;
    private final List<String> verityCommand;
    private final List<String> snarkjsCommand;
    private final int runs;
    private final long snarkjsTimeoutSeconds;
    private final PrintStream out;

    public PtauBench(Path dir, List<String> verityCommand, List<String> snarkjsCommand, int runs,
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
        String base = "ptau-" + power;
        Path fresh = dir.resolve(base + "-0000.ptau");
        if (!Files.exists(fresh)) {
            HeadToHead.succeeded(MeasuredProcess.run(Groth16Bench.concat(verityCommand, "powersoftau", "new", "bn128",
                    String.valueOf(power), fresh.toString()), dir, 3600), "verity powersoftau new");
        }
        out.printf("%n## Powers of Tau, power %d%n", power);
        Path contributed = dir.resolve(base + "-verity-0001.ptau");
        compare("contribute",
                Groth16Bench.concat(verityCommand, "powersoftau", "contribute", fresh.toString(), contributed.toString(),
                        "-n=bench", "-e=bench entropy"),
                snarkjsCommand == null ? null : Groth16Bench.concat(snarkjsCommand, "powersoftau", "contribute",
                        fresh.toString(), dir.resolve(base + "-snarkjs-0001.ptau").toString(), "-n=bench",
                        "-e=bench entropy"),
                null, null);
        HeadToHead.succeeded(MeasuredProcess.run(Groth16Bench.concat(verityCommand, "powersoftau", "verify",
                contributed.toString()), dir, 3600), "verity powersoftau verify of Verity's contribution");
        Path verityPrepared = dir.resolve(base + "-verity-final.ptau");
        Path snarkjsPrepared = dir.resolve(base + "-snarkjs-final.ptau");
        Files.deleteIfExists(snarkjsPrepared);
        compare("prepare phase2",
                Groth16Bench.concat(verityCommand, "powersoftau", "prepare", "phase2", contributed.toString(),
                        verityPrepared.toString()),
                snarkjsCommand == null ? null : Groth16Bench.concat(snarkjsCommand, "powersoftau", "prepare", "phase2",
                        contributed.toString(), snarkjsPrepared.toString()),
                verityPrepared, snarkjsPrepared);
    }

    private void compare(String what, List<String> verity, List<String> snarkjs, Path verityOutput,
            Path snarkjsOutput) throws IOException, InterruptedException {
        HeadToHead.Outcome outcome = HeadToHead.run(what, verity, snarkjs, dir, runs, snarkjsTimeoutSeconds, out);
        if (verityOutput != null && outcome.snarkjsFinished()) {
            boolean same = Arrays.equals(Files.readAllBytes(verityOutput), Files.readAllBytes(snarkjsOutput));
            out.println(same ? what + ": outputs are byte-identical" : what + ": OUTPUTS DIFFER");
            if (!same) {
                throw new IllegalStateException("Verity's and snarkjs' " + what + " outputs differ");
            }
        }
    }
}
