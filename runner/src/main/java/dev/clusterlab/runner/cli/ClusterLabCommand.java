package dev.clusterlab.runner.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top-level {@code clusterlab} command; work happens in its subcommands. */
@Command(name = "clusterlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"ClusterLab: compare clustering algorithms on your data.",
                "Start with 'clusterlab run' (the embedded quickstart) or 'clusterlab run FILE.yaml'."},
        footer = {"", "Exit codes: 0 success, 1 a run or plugin failed, 2 a mistake in the input (file, option, data)."})
public final class ClusterLabCommand implements Runnable {
    /** Common options given before the subcommand ({@code clusterlab --plugins DIR run}). */
    @Mixin(name = CommonOptions.MIXIN_NAME)
    CommonOptions common;

    @Override
    public void run() {
        // No subcommand: picocli prints the usage (see Main).
    }
}
