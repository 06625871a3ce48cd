package dev.verity.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
            succeed(MeasuredProcess.run(Groth16Bench.concat(verityCommand, "powersoftau", "new", "bn128",
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
        succeed(MeasuredProcess.run(Groth16Bench.concat(verityCommand, "powersoftau", "verify",
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
        List<Double> verityTimes = new ArrayList<>();
        List<Double> snarkjsTimes = new ArrayList<>();
        long verityPeak = 0;
        long snarkjsPeak = 0;
        boolean cutOff = false;
        for (int i = 0; i < runs; i++) {
            MeasuredProcess v = succeed(MeasuredProcess.run(verity, dir, 3600), "verity powersoftau " + what);
            verityTimes.add(v.seconds());
            verityPeak = Math.max(verityPeak, v.peakKiB());
            out.printf("%s run %d: verity  %8.2f s  peak %6d MiB%n", what, i + 1, v.seconds(), v.peakKiB() / 1024);
            if (snarkjs != null && !cutOff) {
                MeasuredProcess s = MeasuredProcess.run(snarkjs, dir, snarkjsTimeoutSeconds);
                if (s.seconds() >= snarkjsTimeoutSeconds) {
                    out.printf("%s run %d: snarkjs cut off after %d s%n", what, i + 1, snarkjsTimeoutSeconds);
                    cutOff = true;
                    continue;
                }
                succeed(s, "snarkjs powersoftau " + what);
                snarkjsTimes.add(s.seconds());
                snarkjsPeak = Math.max(snarkjsPeak, s.peakKiB());
                out.printf("%s run %d: snarkjs %8.2f s  peak %6d MiB%n", what, i + 1, s.seconds(), s.peakKiB() / 1024);
            }
        }
        double verityMedian = Groth16Bench.median(verityTimes);
        out.printf("%s: verity median %.2f s, peak %d MiB%n", what, verityMedian, verityPeak / 1024);
        if (!snarkjsTimes.isEmpty()) {
            double snarkjsMedian = Groth16Bench.median(snarkjsTimes);
            out.printf("%s: snarkjs median %.2f s, peak %d MiB%n", what, snarkjsMedian, snarkjsPeak / 1024);
            out.printf("%s ratio: verity is %.1fx faster than snarkjs%n", what, snarkjsMedian / verityMedian);
            if (verityOutput != null) {
                boolean same = Arrays.equals(Files.readAllBytes(verityOutput), Files.readAllBytes(snarkjsOutput));
                out.println(same ? what + ": outputs are byte-identical" : what + ": OUTPUTS DIFFER");
                if (!same) {
                    throw new IllegalStateException("Verity's and snarkjs' " + what + " outputs differ");
                }
            }
        } else if (cutOff) {
            out.printf("%s: snarkjs did not finish within %d s: verity is more than %.1fx faster%n", what,
                    snarkjsTimeoutSeconds, snarkjsTimeoutSeconds / verityMedian);
        }
    }

    private static MeasuredProcess succeed(MeasuredProcess p, String what) {
        if (!p.succeeded()) {
            throw new IllegalStateException(what + " failed:\n" + p.output());
        }
        return p;
    }
}
