package dev.verity.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads and writes the CLI's files so that every failure names the file it concerns, and a
 * failed command leaves no partial output behind.
 */
final class Inputs {
    private Inputs() {
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(Path path) throws IOException;
    }

    @FunctionalInterface
    interface Writer {
        void write(Path path) throws IOException;
    }

    /** A file a command produces: where it goes, what it is (for messages) and how to write it. */
    record Output(Path path, String what, Writer writer) {
    }

    static <T> T read(Path path, String what, Reader<T> reader) {
        if (!Files.exists(path)) {
            throw new CliException(path + ": no such file (expected " + what + ")");
        }
        if (Files.isDirectory(path)) {
            throw new CliException(path + ": is a directory (expected " + what + ")");
        }
        try {
            if (Files.isRegularFile(path) && Files.size(path) == 0) {
                throw new CliException(path + ": empty file (expected " + what + ")");
            }
            return reader.read(path);
        } catch (CliException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CliException(withPath(path, what, e), e);
        }
    }

    static void write(Path path, String what, Writer writer) {
        writeAll(new Output(path, what, writer));
    }

    /**
     * Writes all outputs or none: each is written to a temporary file in its target's directory
     * first, and only when every one is complete are they renamed into place. A failure (a full
     * disk, an output path that is a directory) thus never leaves a truncated file, nor one
     * output of a set without the other (a proof.json without its public.json).
     */
    static void writeAll(Output... outputs) {
        List<Path> staged = new ArrayList<>();
        try {
            for (Output o : outputs) {
                staged.add(stage(o));
            }
            for (int i = 0; i < outputs.length; i++) {
                moveIntoPlace(staged.get(i), outputs[i]);
            }
        } finally {
            for (Path p : staged) {
                deleteQuietly(p);
            }
        }
    }

    private static Path stage(Output o) {
        Path target = o.path().toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            if (Files.isDirectory(target)) {
                throw new CliException(o.path() + ": cannot write " + o.what() + ": it is a directory");
            }
            Files.createDirectories(target.getParent());
            o.writer().write(temp);
            return temp;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e instanceof CliException c ? c
                    : new CliException(o.path() + ": cannot write " + o.what() + ": " + Failures.describe(e), e);
        }
    }

    private static void moveIntoPlace(Path temp, Output o) {
        try {
            try {
                Files.move(temp, o.path(), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, o.path(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CliException(o.path() + ": cannot write " + o.what() + ": " + Failures.describe(e), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the command fails anyway, with the error that matters
        }
    }

    private static String withPath(Path path, String what, Exception e) {
        String message = Failures.describe(e);
        return message.contains(path.toString()) ? message : path + ": not a valid " + what + ": " + message;
    }
}
