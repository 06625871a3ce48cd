package dev.verity.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.contracts.NodeTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the contracts' unit tests with Hardhat's own runner ({@code hardhat test nodejs}, node:test
 * with viem, chain-tests/test/*.test.js) as part of the Maven build, so a failing Solidity unit test
 * fails {@code mvn verify}.
 */
class HardhatUnitTest {
    private static final Pattern PASSING = Pattern.compile("(\\d+) passing");
    private static final Pattern FAILING = Pattern.compile("\\d+ failing");

    @Test
    void registryUnitTestsPassUnderHardhat() throws Exception {
        NodeTools tools = LocalChain.tools();
        Path project = tools.chainTests();
        String node = tools.node().toString();
        run(project, List.of(node, "scripts/sync-sources.js"));
        String output = run(project, List.of(node, tools.hardhatCli().toString(), "test", "nodejs"));
        Matcher passing = PASSING.matcher(output);
        assertTrue(passing.find() && Integer.parseInt(passing.group(1)) > 0, () -> "no passing tests:\n" + output);
        assertTrue(!FAILING.matcher(output).find(), () -> output);
    }

    private static String run(Path dir, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), () -> String.join(" ", command) + " timed out");
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
