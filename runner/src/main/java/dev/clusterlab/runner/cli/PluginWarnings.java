package dev.clusterlab.runner.cli;

import dev.clusterlab.host.plugin.Registry;
import dev.clusterlab.host.plugin.PluginStatus;
import java.io.PrintStream;

/** One warning line per plugin that is not usable, so a broken plugin never goes unnoticed. */
final class PluginWarnings {
    private PluginWarnings() {
    }

    static void print(Registry host, PrintStream err) {
        for (PluginStatus s : host.statuses()) {
            if (!s.ok()) {
                err.println("warning: plugin " + s.id() + " (" + s.file().getFileName() + ") is not used: " + s.problem());
            }
        }
    }
}
