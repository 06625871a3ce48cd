package dev.verity.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** One in-process run of the CLI: its exit code and what it wrote on stdout and stderr. */
record CliResult(int exitCode, String out, String err) {
    /** Prefix of the progress lines the CLI writes on stderr while it works. */
    private static final String PROGRESS = "[verity] ";

    /** Runs {@code verity args...}; arguments are passed as their {@code toString()} (paths, words). */
    static CliResult run(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] words = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        int code = VerityCli.run(new PrintWriter(out, true), new PrintWriter(err, true), words);
        return new CliResult(code, out.toString(), err.toString());
    }

    /** The stderr lines that are not progress reports: on failure, exactly the one-line report. */
    List<String> reportLines() {
        return err.lines().filter(line -> !line.startsWith(PROGRESS)).toList();
    }

    void assertOk() {
        assertEquals(VerityCli.EXIT_OK, exitCode, this::describe);
        assertEquals(List.of(), reportLines(), this::describe);
    }

    /**
     * Asserts exit code 2 and a report of exactly one line, {@code "verity: FILE: ..."}, that
     * contains every fragment, with nothing on stdout and no stack trace or Java class name.
     */
    String assertBadInput(Path file, String... fragments) {
        return assertReport(VerityCli.EXIT_BAD_INPUT, "verity: " + file + ": ", fragments);
    }

    /** Like {@link #assertBadInput} for usage errors, which name no file. */
    String assertUsageError(String... fragments) {
        return assertReport(VerityCli.EXIT_BAD_INPUT, "verity: ", fragments);
    }

    private String assertReport(int expectedCode, String prefix, String... fragments) {
        assertEquals(expectedCode, exitCode, this::describe);
        assertEquals("", out, this::describe);
        List<String> report = reportLines();
        assertEquals(1, report.size(), () -> "expected a one-line report; " + describe());
        String line = report.get(0);
        assertTrue(line.startsWith(prefix), () -> "report does not start with \"" + prefix + "\": " + line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), () -> "report shows Java internals: " + line);
        for (String f : fragments) {
            assertTrue(line.contains(f), () -> "report lacks \"" + f + "\": " + line);
        }
        return line;
    }

    String describe() {
        return "exit " + exitCode + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
    }
}
