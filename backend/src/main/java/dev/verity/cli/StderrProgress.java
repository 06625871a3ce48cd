package dev.verity.cli;

import dev.verity.prover.util.Progress;
import java.io.PrintWriter;

/**
 * Shows progress of long steps on stderr: a line when a step starts, then at most one update
 * every half second with the percentage, and the step's time when the next one begins.
 * Output goes to stderr only, so stdout stays machine-readable.
 */
final class StderrProgress implements Progress {
    private static final long MIN_INTERVAL_NANOS = 500_000_000L;

    private final PrintWriter out;
    private String step;
    private long stepStart;
    private long lastPrint;

    StderrProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void report(String name, long done, long total) {
        long now = System.nanoTime();
        if (!name.equals(step)) {
            finishStep(now);
            step = name;
            stepStart = now;
            lastPrint = now;
            out.println("[verity] " + name + " ...");
            return;
        }
        if (total > 0 && now - lastPrint >= MIN_INTERVAL_NANOS) {
            lastPrint = now;
            out.printf("[verity] %s %d%%%n", name, Math.min(100, done * 100 / total));
        }
    }

    /** Prints the time of the step in progress, if any. */
    synchronized void finish() {
        finishStep(System.nanoTime());
        step = null;
    }

    private void finishStep(long now) {
        if (step != null) {
            out.printf("[verity] %s done in %.2f s%n", step, (now - stepStart) / 1e9);
        }
    }
}
