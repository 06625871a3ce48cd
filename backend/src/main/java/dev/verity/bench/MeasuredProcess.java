package dev.verity.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command and measures it from outside, as a user would: wall time of the whole process
 * (JVM or Node start included) and peak resident memory (VmHWM from /proc, sampled until exit).
 */
record MeasuredProcess(int exitCode, double seconds, long peakKiB, String output) {

    static MeasuredProcess run(List<String> command, Path workDir, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("verity-bench", ".log");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            long peak = 0;
            while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, highWaterMark(status));
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
                    p.destroyForcibly();
                    p.waitFor();
                    break;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new MeasuredProcess(p.exitValue(), seconds, peak, Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** VmHWM in KiB, 0 once the process is gone. */
    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    boolean succeeded() {
        return exitCode == 0;
    }
}
