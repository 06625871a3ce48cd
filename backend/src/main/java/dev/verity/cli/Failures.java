package dev.verity.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line a user reads. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (t instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (t instanceof FileNotFoundException f) {
            return f.getMessage();
        }
        if (t instanceof CharacterCodingException) {
            return "not UTF-8 text (a binary file?)";
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory: give the JVM more heap (VERITY_OPTS=-Xmx16g ./verity ...)";
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return "internal error: " + t.getClass().getSimpleName() + " (run with VERITY_DEBUG=1 for details)";
        }
        // the report is one line: a multi-line message (from a parser, say) is joined
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
