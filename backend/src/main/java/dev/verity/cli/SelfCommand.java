package dev.verity.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** How to start this same verity jar in a new process, and where the installation lives. */
final class SelfCommand {
    private SelfCommand() {
    }

    static List<String> command() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-XX:MaxRAMPercentage=75", "-jar", jar().toString());
    }

    static Path jar() {
        try {
            return Path.of(VerityCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the verity jar", e);
        }
    }

    /** $VERITY_HOME (set by the launcher), else the directory two levels above the jar (backend/target). */
    static Path home() {
        String home = System.getenv("VERITY_HOME");
        return home != null ? Path.of(home) : jar().toAbsolutePath().getParent().getParent().getParent();
    }
}
