package dev.verity.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes the CLI's files so that every failure names the file it concerns. */
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

    static <T> T read(Path path, String what, Reader<T> reader) {
        if (!Files.exists(path)) {
            throw new CliException(path + ": no such file (expected " + what + ")");
        }
        try {
            return reader.read(path);
        } catch (IOException | RuntimeException e) {
            throw new CliException(withPath(path, what, e), e);
        }
    }

    static void write(Path path, String what, Writer writer) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writer.write(path);
        } catch (IOException | RuntimeException e) {
            throw new CliException(path + ": cannot write " + what + ": " + Failures.describe(e), e);
        }
    }

    private static String withPath(Path path, String what, Exception e) {
        String message = Failures.describe(e);
        return message.contains(path.toString()) ? message : path + ": not a valid " + what + ": " + message;
    }
}
