package dev.verity.prover.gadgets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * circomlibjs (interop/node_modules) run through node, as the independent reference for
 * Poseidon. A missing installation fails the test: ./test.sh installs it.
 */
final class CircomlibJs {
    private CircomlibJs() {
    }

    private static Path interopDir() {
        Path dir = Path.of(System.getProperty("verity.interop.dir", "interop"));
        assertTrue(Files.isDirectory(dir.resolve("node_modules").resolve("circomlibjs")),
                "circomlibjs not installed in " + dir + ": run ./test.sh, which installs it");
        return dir;
    }

    /** circomlibjs' {@code poseidon(inputs)} for each input vector, one node run for all. */
    static List<BigInteger> poseidon(List<List<BigInteger>> inputs) throws IOException, InterruptedException {
        String json = inputs.stream()
                .map(v -> v.stream().map(x -> "\"" + x + "\"").collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(",", "[", "]"));
        String script = """
                import { buildPoseidon } from "circomlibjs";
                const poseidon = await buildPoseidon();
                for (const v of JSON.parse(process.argv[1])) {
                  console.log(poseidon.F.toString(poseidon(v.map(BigInt))));
                }
                """;
        Process p = new ProcessBuilder("node", "--input-type=module", "-e", script, json)
                .directory(interopDir().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node timed out");
        assertTrue(p.exitValue() == 0, () -> "node failed:\n" + out);
        List<BigInteger> hashes = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            hashes.add(new BigInteger(line.strip()));
        }
        assertTrue(hashes.size() == inputs.size(), () -> "unexpected node output:\n" + out);
        return hashes;
    }
}
