package dev.verity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alternation of whole-process runs, with shell commands standing in for the two tools. */
class HeadToHeadTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void alternatesTheToolsAndReportsBothMedians() throws Exception {
        HeadToHead.Outcome outcome = HeadToHead.run("step", List.of("true"), List.of("sleep", "0.3"), dir, 3, 60, out);
        assertTrue(outcome.snarkjsFinished());
        assertTrue(outcome.snarkjsMedian() >= 0.3, printed());
        String text = printed();
        // run by run: verity, then snarkjs, three times
        int at = 0;
        for (int run = 1; run <= 3; run++) {
            at = text.indexOf("step run " + run + ": verity", at);
            assertTrue(at >= 0, text);
            at = text.indexOf("step run " + run + ": snarkjs", at);
            assertTrue(at >= 0, text);
        }
        assertTrue(text.contains("step ratio: snarkjs time / verity time = "), text);
    }

    @Test
    void aSnarkjsRunPastItsLimitIsCutOffOnceAndReported() throws Exception {
        HeadToHead.Outcome outcome = HeadToHead.run("slow", List.of("true"), List.of("sleep", "30"), dir, 2, 1, out);
        assertFalse(outcome.snarkjsFinished());
        String text = printed();
        assertTrue(text.contains("slow run 1: snarkjs cut off after 1 s"), text);
        assertFalse(text.contains("slow run 2: snarkjs"), text);
        assertTrue(text.contains("snarkjs did not finish within 1 s: verity is more than"), text);
    }

    @Test
    void withoutSnarkjsOnlyVerityIsMeasured() throws Exception {
        HeadToHead.Outcome outcome = HeadToHead.run("alone", List.of("true"), null, dir, 2, 60, out);
        assertFalse(outcome.snarkjsFinished());
        assertFalse(printed().contains("snarkjs"), printed());
    }

    @Test
    void aFailingToolStopsTheBenchWithItsOutput() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HeadToHead.run("broken",
                List.of("sh", "-c", "echo no such zkey >&2; exit 2"), null, dir, 1, 60, out));
        assertTrue(e.getMessage().contains("verity broken failed (exit 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("no such zkey"), e.getMessage());
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, HeadToHead.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, HeadToHead.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }
}
