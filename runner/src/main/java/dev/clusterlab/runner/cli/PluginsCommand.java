package dev.clusterlab.runner.cli;

import dev.clusterlab.host.plugin.PluginHost;
import dev.clusterlab.host.plugin.PluginStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code clusterlab plugins}: every plugin file with its id, version, state and what it provides. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "Show the plugins found: id, version, state, file.")
final class PluginsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Streams io;

    PluginsCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (PluginHost host = common.openHost()) {
            io.out().println("plugins folder: " + common.pluginsDir().toAbsolutePath().normalize());
            io.out().printf("%-12s %-16s %-11s %-44s %s%n", "id", "version", "state", "file", "provides");
            boolean allOk = true;
            for (PluginStatus s : host.statuses()) {
                List<String> provides = new ArrayList<>();
                s.algorithms().forEach(a -> provides.add("algorithm " + a));
                s.metrics().forEach(m -> provides.add("metric " + m));
                s.preprocessors().forEach(m -> provides.add("step " + m));
                io.out().printf("%-12s %-16s %-11s %-44s %s%n", s.id(), s.version(), s.ok() ? s.state() : "FAILED",
                        s.file().getFileName(), s.ok() ? String.join(", ", provides) : "problem: " + s.problem());
                allOk &= s.ok();
            }
            if (host.statuses().isEmpty()) {
                io.out().println("(no plugin files in this folder)");
            }
            return allOk ? 0 : 1;
        }
    }
}
