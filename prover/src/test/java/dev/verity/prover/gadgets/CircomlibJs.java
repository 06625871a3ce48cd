package dev.verity.prover.gadgets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verity.prover.io.Fixtures;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * circomlibjs (interop/node_modules) run through node, as the independent reference for
 * Poseidon. A missing installation fails the test: ./test.sh installs it.
 */
final class CircomlibJs {
    private CircomlibJs() {
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
        String out = Fixtures.interopNode("circomlibjs", script, json);
        List<BigInteger> hashes = new ArrayList<>();
        for (String line : out.split("\n")) {
            hashes.add(new BigInteger(line.strip()));
        }
        assertTrue(hashes.size() == inputs.size(), () -> "unexpected node output:\n" + out);
        return hashes;
    }
}
