package dev.clusterlab.runner.cli;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.param.Suggestions;
import dev.clusterlab.host.data.LabelledCsvWriter;
import dev.clusterlab.host.plugin.Loaded;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.pipeline.StepSpec;
import dev.clusterlab.host.pipeline.Preprocessing;
import dev.clusterlab.host.data.HeaderMode;
import dev.clusterlab.host.pipeline.Model;
import dev.clusterlab.host.plugin.Registry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clusterlab assign}: the input rows with a cluster column appended (PyCaret's assign_model). */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = "Write the input CSV back, header and all, with a cluster column appended: fit an algorithm, or apply a saved model.")
final class AssignCommand implements Callable<Integer> {
    /** Exactly one source of labels. */
    static final class Source {
        @Option(names = {"-a", "--algorithm"}, paramLabel = "ID", description = "Fit this algorithm on the input.")
        String algorithm;

        @Option(names = {"-m", "--model"}, paramLabel = "M.json", description = "Apply this saved model instead.")
        Path model;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "A parameter of --algorithm; repeat for more.")
    Map<String, String> params = new LinkedHashMap<>();

    @Mixin
    InputOptions in;

    @Mixin
    PreprocessOptions prep;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.csv", description = "Where the labelled rows go.")
    Path output;

    @Option(names = "--column", paramLabel = "NAME", defaultValue = "cluster", description = "Name of the new column (default: cluster).")
    String column;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed (default: 0).")
    long seed;

    @Mixin
    CommonOptions common;

    private final Streams io;

    AssignCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (source.model != null && !params.isEmpty()) {
            throw new UserInputException("--param goes with --algorithm; a saved model (--model) has its parameters already");
        }
        if (source.model != null && prep.preprocess != null) {
            throw new UserInputException("--preprocess goes with --algorithm; a saved model (--model) has its preprocessing already");
        }
        if (output.toAbsolutePath().normalize().equals(in.input.toAbsolutePath().normalize())) {
            throw new UserInputException("--output " + output + ": is the input file; choose another file so the input is not lost");
        }
        FitProgress progress = new FitProgress(io.err(), FitProgress.onTerminal());
        try (ClusterLab lab = common.openSession(0, progress)) {
            Registry host = lab.registry();
            PluginWarnings.print(host, io.err());
            int[] labels;
            if (source.model != null) {
                Model m = lab.loadModel(source.model);
                labels = m.predict(in.read(m), lab.context(seed));
            } else {
                Loaded<ClusteringAlgorithm> alg;
                try {
                    alg = lab.algorithm(source.algorithm);
                } catch (UserInputException e) {
                    throw new UserInputException("--algorithm: " + e.getMessage(), e);
                }
                List<StepSpec> steps = prep.steps(lab);
                labels = lab.fit(steps, alg, in.read(Preprocessing.imputes(steps, host)), params, lab.context(seed)).labels();
            }
            progress.done();
            LabelledCsvWriter.write(in.input, output, column, labels, HeaderMode.AUTO);
            io.err().println("wrote " + labels.length + " rows with a '" + column + "' column to " + output);
            return 0;
        }
    }
}
