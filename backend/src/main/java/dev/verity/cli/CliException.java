package dev.verity.cli;

/** Bad input or usage: reported as one line on stderr, exit code 2. */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
