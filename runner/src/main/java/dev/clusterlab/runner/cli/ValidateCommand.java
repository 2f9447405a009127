package dev.clusterlab.runner.cli;

import dev.clusterlab.host.experiment.ExperimentFiles;
import dev.clusterlab.host.experiment.Experiment;
import dev.clusterlab.host.experiment.RunPlan;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.plugin.Registry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code clusterlab validate FILE.yaml}: checks an experiment without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an experiment file against the loaded plugins and report every problem at once.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.yaml", description = "The experiment file.")
    Path file;

    @Mixin
    CommonOptions common;

    private final Streams io;

    ValidateCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (ClusterLab lab = common.openSession()) {
            Registry host = lab.registry();
            PluginWarnings.print(host, io.err());
            Experiment e = ExperimentFiles.load(file, host);
            int runs = RunPlan.expand(e).size();
            io.out().printf("%s: OK - experiment '%s', %d datasets, %d algorithm entries, %d metrics, %d runs%n",
                    file, e.name(), e.datasets().size(), e.algorithms().size(), e.metrics().size(), runs);
            return 0;
        }
    }
}
