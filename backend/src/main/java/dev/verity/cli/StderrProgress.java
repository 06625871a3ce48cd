package dev.verity.cli;

import dev.verity.prover.util.Progress;
import java.io.PrintWriter;

/**
 * Shows progress on stderr: one line per finished step with its time, and for a step that runs
 * longer than a second, its percentage at most every two seconds. Output goes to stderr only, so
 * stdout stays machine-readable.
 */
final class StderrProgress implements Progress {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long INTERVAL_NANOS = 2_000_000_000L;

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
            lastPrint = now - INTERVAL_NANOS + QUIET_NANOS;
            return;
        }
        if (total > 0 && now - lastPrint >= INTERVAL_NANOS) {
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
