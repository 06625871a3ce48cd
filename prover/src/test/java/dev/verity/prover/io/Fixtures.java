package dev.verity.prover.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The circom/snarkjs reference files in src/test/resources/fixtures and helpers to damage copies. */
public final class Fixtures {
    public static final String[] CIRCUITS = {"multiplier", "many_public", "poseidon"};

    private Fixtures() {
    }

    public static Path path(String name) {
        URL url = Fixtures.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** Offset of the body of section {@code id} in a fixture. */
    public static BinFile.Section section(Path file, String magic, int id) throws IOException {
        try (BinFile f = BinFile.open(file, magic, 0, Integer.MAX_VALUE)) {
            return f.section(id, "test");
        }
    }

    /** Writes a copy of fixture {@code name} into {@code dir}, changed by {@code patch} (little-endian). */
    public static Path patched(Path dir, String name, Consumer<ByteBuffer> patch) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
        patch.accept(b);
        Path out = dir.resolve("patched-" + name);
        Files.write(out, b.array());
        return out;
    }

    /** Writes the first {@code length} bytes of fixture {@code name} into {@code dir}. */
    public static Path truncated(Path dir, String name, int length) throws IOException {
        byte[] all = bytes(name);
        Path out = dir.resolve("truncated-" + length + "-" + name);
        Files.write(out, java.util.Arrays.copyOf(all, length));
        return out;
    }

    /** Writes 32 little-endian bytes of {@code v} at {@code at}. */
    public static void put256(ByteBuffer b, int at, java.math.BigInteger v) {
        long[] limbs = dev.verity.prover.field.MontgomeryField.toLimbs(v);
        for (int i = 0; i < 4; i++) {
            b.putLong(at + 8 * i, limbs[i]);
        }
    }

    /** Asserts that reading fails with a {@link FormatException} whose message names the file and contains each fragment. */
    public static FormatException assertFormatError(Path file, IoAction action, String... fragments) {
        FormatException e = assertThrows(FormatException.class, action::run);
        assertTrue(e.getMessage().startsWith(file.toString()), () -> "message does not name the file: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "message lacks \"" + f + "\": " + e.getMessage());
        }
        return e;
    }

    @FunctionalInterface
    public interface IoAction {
        void run() throws IOException;
    }

    // ------------------------------------------------------------------ snarkjs CLI

    /**
     * The snarkjs CLI of the interop tools. Missing tools fail the test (./test.sh installs them):
     * an interop check that silently skips would prove nothing.
     */
    public static Path snarkjsCli() {
        String dir = System.getProperty("verity.interop.dir", "interop");
        Path cli = Path.of(dir, "node_modules", "snarkjs", "build", "cli.cjs");
        assertTrue(Files.isRegularFile(cli), "snarkjs not installed at " + cli + ": run ./test.sh, which installs it");
        return cli;
    }

    /** Runs {@code node snarkjs.cjs args...} in {@code dir}; returns stdout + stderr, fails on a non-zero exit. */
    public static String snarkjs(Path dir, String... args) throws IOException, InterruptedException {
        SnarkjsRun run = snarkjsRun(dir, args);
        assertTrue(run.exitCode() == 0, () -> "snarkjs " + String.join(" ", args) + " failed:\n" + run.output());
        return run.output();
    }

    /** What a snarkjs run printed and its exit code. */
    public record SnarkjsRun(int exitCode, String output) {
    }

    /** Runs {@code node snarkjs.cjs args...} in {@code dir}, whatever its exit code. */
    public static SnarkjsRun snarkjsRun(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("node", snarkjsCli().toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "snarkjs timed out");
        return new SnarkjsRun(p.exitValue(), out);
    }

    /**
     * Runs an ES-module {@code script} with node in the interop tools' folder, where it can import
     * {@code npmPackage}; returns what it printed, stripped. A missing package or a failing script
     * fails the test (./test.sh installs the tools).
     */
    public static String interopNode(String npmPackage, String script, String... args)
            throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("verity.interop.dir", "interop"));
        assertTrue(Files.isDirectory(dir.resolve("node_modules").resolve(npmPackage)),
                npmPackage + " not installed in " + dir + ": run ./test.sh, which installs it");
        List<String> cmd = new ArrayList<>(List.of("node", "--input-type=module", "-e", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node timed out");
        assertTrue(p.exitValue() == 0, () -> "node failed:\n" + out);
        return out.strip();
    }
}
