package dev.verity.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-process runs of Verity and of snarkjs on the same inputs, alternating run by run so that
 * both see the same machine load (the ratios are the figures that mean something on a shared
 * machine): prints every run, then the medians, peak memory and the ratio. A snarkjs run that
 * reaches its time limit is cut off, reported, and not repeated; a failed run of either tool
 * stops the bench with that tool's output.
 */
final class HeadToHead {
    private static final long VERITY_TIMEOUT_SECONDS = 3600;

    /** Medians in seconds and peaks in KiB; snarkjs' median is NaN when none of its runs finished. */
    record Outcome(double verityMedian, long verityPeakKiB, double snarkjsMedian, long snarkjsPeakKiB) {
        boolean snarkjsFinished() {
            return !Double.isNaN(snarkjsMedian);
        }
    }

    private HeadToHead() {
    }

    /**
     * @param what    the step, prefixed to every line printed
     * @param snarkjs the snarkjs command, or null to measure Verity alone
     */
    static Outcome run(String what, List<String> verity, List<String> snarkjs, Path dir, int runs,
            long snarkjsTimeoutSeconds, PrintStream out) throws IOException, InterruptedException {
        List<Double> verityTimes = new ArrayList<>();
        List<Double> snarkjsTimes = new ArrayList<>();
        long verityPeak = 0;
        long snarkjsPeak = 0;
        boolean cutOff = false;
        for (int i = 1; i <= runs; i++) {
            MeasuredProcess v = succeeded(MeasuredProcess.run(verity, dir, VERITY_TIMEOUT_SECONDS), "verity " + what);
            verityTimes.add(v.seconds());
            verityPeak = Math.max(verityPeak, v.peakKiB());
            out.printf("%s run %d: verity  %8.2f s  peak %6d MiB%n", what, i, v.seconds(), v.peakKiB() / 1024);
            if (snarkjs == null || cutOff) {
                continue;
            }
            MeasuredProcess s = MeasuredProcess.run(snarkjs, dir, snarkjsTimeoutSeconds);
            if (s.seconds() >= snarkjsTimeoutSeconds) {
                out.printf("%s run %d: snarkjs cut off after %d s%n", what, i, snarkjsTimeoutSeconds);
                cutOff = true;
                continue;
            }
            succeeded(s, "snarkjs " + what);
            snarkjsTimes.add(s.seconds());
            snarkjsPeak = Math.max(snarkjsPeak, s.peakKiB());
            out.printf("%s run %d: snarkjs %8.2f s  peak %6d MiB%n", what, i, s.seconds(), s.peakKiB() / 1024);
        }
        Outcome outcome = new Outcome(median(verityTimes), verityPeak,
                snarkjsTimes.isEmpty() ? Double.NaN : median(snarkjsTimes), snarkjsPeak);
        out.printf("%s: verity  median %.2f s, peak %d MiB (whole process)%n", what, outcome.verityMedian(),
                verityPeak / 1024);
        if (outcome.snarkjsFinished()) {
            out.printf("%s: snarkjs median %.2f s, peak %d MiB%n", what, outcome.snarkjsMedian(), snarkjsPeak / 1024);
            out.printf("%s ratio: snarkjs time / verity time = %.2f; memory %.2fx of snarkjs'%n", what,
                    outcome.snarkjsMedian() / outcome.verityMedian(), (double) verityPeak / snarkjsPeak);
        } else if (cutOff) {
            out.printf("%s: snarkjs did not finish within %d s: verity is more than %.1fx faster%n", what,
                    snarkjsTimeoutSeconds, snarkjsTimeoutSeconds / outcome.verityMedian());
        }
        return outcome;
    }

    static MeasuredProcess succeeded(MeasuredProcess p, String what) {
        if (!p.succeeded()) {
            throw new IllegalStateException(what + " failed (exit " + p.exitCode() + "):\n" + p.output());
        }
        return p;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
