package dev.clusterlab.runner.cli;

import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.experiment.AfterCrash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterlab after-exit STATUS CODE} (hidden): what the launcher runs when ClusterLab's JVM ended
 * without recording its own exit code in the {@link ExitStatus status file}, which only code other
 * than ClusterLab's does ({@code Runtime.halt} in a plugin, or a JVM crash). It records an experiment's
 * runs in flight as FAILED with their plugin, writes the report of the finished ones, names the plugin,
 * and exits 1.
 */
@Command(name = "after-exit", hidden = true, description = "Report a JVM that a plugin ended (run by the launcher).")
final class AfterExit implements Callable<Integer> {
    @Parameters(index = "0")
    Path status;

    @Parameters(index = "1")
    int code;

    @picocli.CommandLine.Mixin
    CommonOptions common;

    private final Streams io;

    AfterExit(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        List<String> lines = Files.isRegularFile(status) ? Files.readAllLines(status, StandardCharsets.UTF_8) : List.of();
        String how = "exit code " + code + " without ClusterLab's own exit: Runtime.halt, System.exit or a crash of the JVM";
        for (String line : lines) {
            if (line.startsWith("output ")) {
                Path dir = Path.of(line.substring("output ".length()));
                AfterCrash.Outcome o;
                try (ClusterLab lab = common.openSession()) { // the default plugins: for the metrics' directions only
                    o = AfterCrash.record(dir, lab.registry(), how);
                }
                io.err().println(message(o, dir, "ended it (" + how + ")"));
                return CommandLineFactory.RUN_FAILED;
            }
            if (line.startsWith("fit ")) {
                io.err().println("error: plugin " + line.substring("fit ".length()) + " ended ClusterLab's JVM during its fit (" + how
                        + "); nothing was written. Run it in an experiment with isolation: process, where only that run fails");
                return CommandLineFactory.RUN_FAILED;
            }
        }
        io.err().println("error: ClusterLab's JVM ended before it finished (" + how + ")");
        return CommandLineFactory.RUN_FAILED;
    }

    /**
     * @param o what was recorded
     * @param dir the output folder
     * @param what what the plugin did
     * @return the message naming the plugin, what was kept and what to do
     */
    static String message(AfterCrash.Outcome o, Path dir, String what) {
        String who = o.plugins().isEmpty() ? "plugin code" : "plugin " + String.join(", ", o.plugins());
        Path abs = dir.toAbsolutePath().normalize();
        return "error: " + who + " ended ClusterLab's JVM during a fit: it " + what + ". " + o.failed() + " run(s) in flight are recorded"
                + " FAILED in " + abs.resolve("results.csv") + "; the runs finished before are kept"
                + (o.report() != null ? ", with their report: " + o.report().toAbsolutePath().normalize() : "")
                + ". A plugin that ends the JVM needs isolation: process (the default for plugins that do not come with ClusterLab;"
                + " leave it out of in_process), where it fails only its own run; --resume runs the rest";
    }
}
