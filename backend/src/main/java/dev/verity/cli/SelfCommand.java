package dev.verity.cli;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How to start this same verity jar in a new process, and where the installation lives. */
final class SelfCommand {
    private SelfCommand() {
    }

    /**
     * The same java, with this process's JVM options (the launcher's defaults or the user's
     * {@code VERITY_OPTS}), so that a bench measures child processes started as the user starts them.
     */
    static List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-jar");
        command.add(jar().toString());
        return command;
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
