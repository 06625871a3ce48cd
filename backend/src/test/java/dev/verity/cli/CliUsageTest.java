package dev.verity.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Command-line usage errors: exit code 2 and one line that points to the right --help. */
class CliUsageTest {
    @Test
    void noCommand() {
        CliResult.run().assertUsageError("missing command", "(usage: verity --help)");
    }

    @Test
    void unknownCommand() {
        CliResult.run("frobnicate").assertUsageError("'frobnicate'", "(usage: verity --help)");
    }

    @Test
    void unknownSubcommand() {
        CliResult.run("groth16", "frobnicate").assertUsageError("'frobnicate'", "(usage: verity groth16 --help)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"groth16", "zkey", "zkey export", "r1cs"})
    void groupWithoutSubcommand(String group) {
        CliResult.run((Object[]) group.split(" ")).assertUsageError("Missing required subcommand",
                "(usage: verity " + group + " --help)");
    }

    @Test
    void missingArguments() {
        CliResult.run("groth16", "prove", "circuit.zkey").assertUsageError(
                "Missing required parameters: '<witness.wtns>', '<proof.json>', '<public.json>'",
                "(usage: verity groth16 prove --help)");
        CliResult.run("groth16", "verify").assertUsageError("'<verification_key.json>'", "(usage: verity groth16 verify --help)");
        CliResult.run("zkey", "export", "verificationkey", "circuit.zkey").assertUsageError("'<verification_key.json>'",
                "(usage: verity zkey export verificationkey --help)");
    }

    @Test
    void tooManyArguments() {
        CliResult.run("r1cs", "info", "a.r1cs", "b.r1cs").assertUsageError("'b.r1cs'", "(usage: verity r1cs info --help)");
    }

    @Test
    void unknownOption() {
        CliResult.run("groth16", "verify", "--fast", "vk.json", "public.json", "proof.json")
                .assertUsageError("--fast", "(usage: verity groth16 verify --help)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "groth16", "groth16 prove", "groth16 verify", "zkey export soliditycalldata", "r1cs info"})
    void helpOfEveryCommandTheHintsPointTo(String command) {
        String[] words = (command + " --help").trim().split(" ");
        CliResult help = CliResult.run((Object[]) words);
        assertEquals(VerityCli.EXIT_OK, help.exitCode(), help::describe);
        assertTrue(help.out().startsWith("Usage: verity " + command), help::describe);
        assertEquals("", help.err());
    }

    @Test
    void version() {
        CliResult version = CliResult.run("--version");
        assertEquals(VerityCli.EXIT_OK, version.exitCode(), version::describe);
        assertTrue(version.out().startsWith("verity "), version::describe);
    }
}
