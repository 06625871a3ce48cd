package dev.verity.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verity powersoftau ...}: a whole small ceremony, exit codes and one-line reports. */
class CliPowersOfTauTest {
    @TempDir
    Path dir;

    @Test
    void aCeremonyRunsAndVerifies() throws Exception {
        Path p0 = dir.resolve("p0.ptau");
        Path p1 = dir.resolve("p1.ptau");
        Path p2 = dir.resolve("p2.ptau");
        Path p3 = dir.resolve("p3.ptau");
        CliResult.run("powersoftau", "new", "bn128", 3, p0).assertOk();
        CliResult contributed = CliResult.run("powersoftau", "contribute", p0, p1, "--name=alice", "-e=typed entropy");
        contributed.assertOk();
        assertTrue(contributed.out().startsWith("Contribution response hash:"), contributed.out());
        // the challenge/response path, as an offline contributor would use it
        Path challenge = dir.resolve("challenge");
        Path response = dir.resolve("response");
        CliResult.run("powersoftau", "export", "challenge", p1, challenge).assertOk();
        CliResult.run("powersoftau", "challenge", "contribute", "bn128", challenge, response, "-e=more").assertOk();
        CliResult.run("powersoftau", "import", "response", p1, response, p2, "-n=bob").assertOk();
        CliResult.run("powersoftau", "beacon", p2, p3, "0x" + "ab".repeat(32), 10, "-n=final").assertOk();
        Path prepared = dir.resolve("final.ptau");
        CliResult.run("powersoftau", "prepare", "phase2", p3, prepared).assertOk();
        CliResult verified = CliResult.run("powersoftau", "verify", prepared);
        verified.assertOk();
        assertTrue(verified.out().contains("contribution #1 alice"), verified.out());
        assertTrue(verified.out().contains("contribution #2 bob"), verified.out());
        assertTrue(verified.out().contains("contribution #3 final (beacon"), verified.out());
        assertTrue(verified.out().contains("phase 2 Lagrange sections match"), verified.out());
        assertTrue(verified.out().endsWith("OK: Powers of Tau file verified" + System.lineSeparator()), verified.out());
    }

    @Test
    void aFailedCheckExitsWithOneAndSaysWhich() throws Exception {
        Path p0 = dir.resolve("p0.ptau");
        CliResult.run("powersoftau", "new", 3, p0).assertOk();
        CliResult result = CliResult.run("powersoftau", "verify", p0);
        assertEquals(VerityCli.EXIT_INVALID_PROOF, result.exitCode());
        assertTrue(result.out().contains("INVALID: the file has no contribution"), result.out());
    }

    @Test
    void badArgumentsAndFilesAreOneLineErrors() throws Exception {
        CliResult.run("powersoftau", "new", 28, dir.resolve("x.ptau")).assertUsageError("power must be in [1, 27]");
        CliResult.run("powersoftau", "new", "bls12381", 3, dir.resolve("x.ptau")).assertUsageError("unsupported curve");
        CliResult.run("powersoftau", "new", "three", dir.resolve("x.ptau")).assertUsageError("power must be an integer");
        Path missing = dir.resolve("missing.ptau");
        CliResult.run("powersoftau", "contribute", missing, dir.resolve("x.ptau")).assertBadInput(missing, "no such file");
        Path p0 = dir.resolve("p0.ptau");
        CliResult.run("powersoftau", "new", 3, p0).assertOk();
        Path nowhere = dir.resolve("no/such/dir/out.ptau");
        CliResult.run("powersoftau", "contribute", p0, nowhere).assertBadInput(nowhere, "directory does not exist");
        CliResult.run("powersoftau", "beacon", p0, dir.resolve("x.ptau"), "xyz", 10).assertUsageError("hexadecimal");
        CliResult.run("powersoftau", "beacon", p0, dir.resolve("x.ptau"), "abcd", 9).assertUsageError("[10, 63]");
        byte[] bytes = Files.readAllBytes(p0);
        Path cut = dir.resolve("cut.ptau");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
        CliResult.run("powersoftau", "verify", cut).assertBadInput(cut, "truncated");
        CliResult.run("powersoftau", "contribute", cut, dir.resolve("y.ptau")).assertBadInput(cut);
        assertFalse(Files.exists(dir.resolve("y.ptau")), "no output on failure");
        Path c = dir.resolve("c");
        Files.write(c, new byte[1000]);
        CliResult.run("powersoftau", "challenge", "contribute", "bn128", c, dir.resolve("r")).assertBadInput(c,
                "not the size of a challenge file");
    }
}
