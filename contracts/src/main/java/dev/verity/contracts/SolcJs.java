package dev.verity.contracts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Compiles Solidity with solcjs (npm {@code solc}, offline), optimizer on. */
public final class SolcJs {
    private static final long TIMEOUT_SECONDS = 300;
    /** Tuned for cheap calls rather than small deployments: contracts are deployed once, called often. */
    public static final int OPTIMIZE_RUNS = 100_000;
    private final NodeTools tools;

    public SolcJs(NodeTools tools) {
        this.tools = tools;
    }

    /** The ABI (JSON) and creation bytecode (hex, no 0x) of one contract. */
    public record Artifact(String contract, String abi, String bytecode) {
    }

    /**
     * Compiles {@code source} (imports resolve next to it and in contracts' node_modules) into
     * {@code outDir} and returns {@code contract}'s artifact.
     */
    public Artifact compile(Path source, String contract, Path outDir) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        Path base = source.toAbsolutePath().getParent();
        List<String> command = new ArrayList<>(List.of(tools.node().toString(), tools.solcJs().toString(),
                "--bin", "--abi", "--optimize", "--optimize-runs", Integer.toString(OPTIMIZE_RUNS),
                "--base-path", base.toString(), "--include-path", tools.solidityLibraries().toString(),
                "-o", outDir.toAbsolutePath().toString(), source.getFileName().toString()));
        Process process = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("solcjs did not finish in " + TIMEOUT_SECONDS + " s on " + source);
        }
        if (process.exitValue() != 0) {
            throw new IOException("solcjs failed on " + source + ":\n" + output.strip());
        }
        return new Artifact(contract, Files.readString(output(outDir, contract, ".abi")),
                Files.readString(output(outDir, contract, ".bin")).strip());
    }

    /** solcjs names outputs {@code <source path with _ for separators>_<Contract>.<ext>}. */
    private static Path output(Path dir, String contract, String extension) throws IOException {
        String suffix = "_" + contract + extension;
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matches = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            if (matches.size() != 1) {
                throw new IOException("expected one *" + suffix + " in " + dir + ", found " + matches.size());
            }
            return matches.get(0);
        }
    }
}
