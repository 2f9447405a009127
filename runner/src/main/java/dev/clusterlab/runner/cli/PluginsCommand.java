package dev.clusterlab.runner.cli;

import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.plugin.Registry;
import dev.clusterlab.host.plugin.PluginStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code clusterlab plugins}: every plugin file with its id, version, state and what it provides. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Show the plugins found: id, version, state, file; install, uninstall, enable or disable one.")
final class PluginsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Streams io;

    PluginsCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (ClusterLab lab = common.openSession()) {
            Registry host = lab.registry();
            io.out().println("plugin folders: " + (host.folders().isEmpty() ? "(none)"
                    : String.join(":", host.folders().stream().map(Object::toString).toList())) + "; and the class path");
            io.out().printf("%-12s %-16s %-11s %-44s %s%n", "id", "version", "state", "file", "provides");
            boolean allOk = true;
            for (PluginStatus s : host.statuses()) {
                List<String> provides = new ArrayList<>();
                s.algorithms().forEach(a -> provides.add("algorithm " + a));
                s.metrics().forEach(m -> provides.add("metric " + m));
                s.preprocessors().forEach(m -> provides.add("step " + m));
                String what = !s.ok() ? "problem: " + s.problem() : s.note() != null ? "left out: " + s.note() : String.join(", ", provides);
                io.out().printf("%-12s %-16s %-11s %-44s %s%n", s.id(), s.version(), s.ok() ? s.state() : "FAILED",
                        s.file().getFileName(), what);
                allOk &= s.ok();
            }
            if (host.statuses().isEmpty()) {
                io.out().println("(no plugin files in these folders, nothing on the class path)");
            }
            return allOk ? 0 : 1;
        }
    }
}
