package dev.clusterlab.runner.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The status file the launcher hands over ({@code CLUSTERLAB_STATUS_FILE}): what this JVM is doing
 * (the output folder of an experiment, the plugin of a fit) and, as its last line, the exit code it
 * chose. A JVM that ends without that line was ended by someone else's code ({@code System.exit} or
 * {@code Runtime.halt} in a plugin), and the launcher then runs {@code clusterlab recover} on the file,
 * which records the runs in flight as FAILED, writes the report and names the plugin.
 */
public final class ExitStatus {
    /** Environment variable the launcher sets to the status file. */
    public static final String VARIABLE = "CLUSTERLAB_STATUS_FILE";

    private ExitStatus() {
    }

    /** @return the status file, or null when not started by the launcher */
    static Path file() {
        String f = System.getenv(VARIABLE);
        return f == null || f.isBlank() ? null : Path.of(f);
    }

    /**
     * When the launcher waits for this JVM (rather than {@code exec}-ing it, so that it can report a
     * JVM ended by a plugin), a {@code kill -9} of the launcher must still end ClusterLab as it did:
     * this JVM halts as soon as the launcher is gone.
     */
    public static void endWithLauncher() {
        if (file() == null) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> Runtime.getRuntime().halt(137)));
    }

    /** Records the experiment's output folder, where its runs in flight are marked. */
    static void output(Path dir) {
        append("output " + dir.toAbsolutePath().normalize());
    }

    /** Records the plugin a single fit ({@code cluster}) is about to call. */
    static void fitting(String pluginId) {
        append("fit " + pluginId);
    }

    /**
     * Records the exit code this JVM chose, just before it exits.
     *
     * @param code the exit code
     */
    public static void record(int code) {
        append("exit " + code);
    }

    private static synchronized void append(String line) {
        Path f = file();
        if (f == null) {
            return;
        }
        try {
            Files.writeString(f, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // without the file the launcher only loses its after-crash report; the run itself is unaffected
        }
    }
}
