package dev.clusterlab.runner.cli;

import dev.clusterlab.host.data.LabelFiles;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.pipeline.Model;
import dev.clusterlab.host.plugin.Registry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clusterlab predict}: labels new points with a saved model. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Label the rows of a CSV file with a model saved by 'clusterlab cluster --save-model'.")
final class PredictCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "M.json", description = "The saved model.")
    Path model;

    @Mixin
    InputOptions in;

    @Option(names = "--output", paramLabel = "LABELS.csv", description = "Write the labels here (default: standard output).")
    Path output;

    @Mixin
    CommonOptions common;

    private final Streams io;

    PredictCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (ClusterLab lab = common.openSession()) {
            Registry host = lab.registry();
            PluginWarnings.print(host, io.err());
            Model m = lab.loadModel(model);
            int[] labels = m.predict(in.read(m), lab.context(0));
            if (output != null) {
                LabelFiles.write(output, labels);
                io.err().println("wrote " + labels.length + " labels to " + output);
            } else {
                StringBuilder s = new StringBuilder(labels.length * 3);
                for (int l : labels) {
                    s.append(l).append('\n');
                }
                io.out().print(s);
            }
            return 0;
        }
    }
}
