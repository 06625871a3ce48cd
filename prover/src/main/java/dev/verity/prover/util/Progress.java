package dev.verity.prover.util;

/**
 * Receives progress of long operations (setup, proving, file I/O). Implementations must be cheap
 * and thread-safe: parallel workers may report concurrently.
 */
@FunctionalInterface
public interface Progress {
    /** Ignores every report. */
    Progress NONE = (step, done, total) -> { };

    /**
     * @param step  a short name of the current step, stable while it runs ("MSM A", "NTT")
     * @param done  units finished so far in this step
     * @param total units in this step (0 when unknown)
     */
    void report(String step, long done, long total);

    default void begin(String step) {
        report(step, 0, 0);
    }
}
