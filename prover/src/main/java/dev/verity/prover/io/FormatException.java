package dev.verity.prover.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file (or JSON text) that is not a valid instance of the format it claims to be: bad magic,
 * unsupported version, truncated data, values out of range, points off the curve. The message
 * starts with the file it is about.
 */
public final class FormatException extends IOException {
    private final String source;

    public FormatException(Path file, String problem) {
        this(String.valueOf(file), problem);
    }

    /** For input that is not a file, e.g. JSON text; {@code source} names it in the message. */
    public FormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    /** The file (or other source) the problem was found in. */
    public String source() {
        return source;
    }
}
