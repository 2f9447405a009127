package dev.clusterlab.runner.cli;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.param.Suggestions;
import dev.clusterlab.host.data.LabelledCsvWriter;
import dev.clusterlab.host.plugin.Loaded;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.plugin.Registry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        if (output.toAbsolutePath().normalize().equals(in.input.toAbsolutePath().normalize())) {
            throw new UserInputException("--output " + output + ": is the input file; choose another file so the input is not lost");
        }
        try (ClusterLab lab = common.openSession()) {
            Registry host = lab.registry();
            PluginWarnings.print(host, io.err());
            Dataset data = in.read();
            int[] labels;
            if (source.model != null) {
                ClusterModel m = Models.load(source.model, host);
                Models.checkDimension(source.model, m, data);
                labels = m.predict(data, lab.context(seed));
            } else {
                Loaded<ClusteringAlgorithm> alg = host.loadedAlgorithm(source.algorithm).orElseThrow(() -> new UserInputException(
                        "--algorithm: unknown algorithm '" + source.algorithm + "'" + Suggestions.hint(source.algorithm, host.algorithmNames())));
                labels = lab.fit(alg, data, params, lab.context(seed)).result().labels();
            }
            LabelledCsvWriter.write(in.input, output, column, labels, "auto");
            io.err().println("wrote " + labels.length + " rows with a '" + column + "' column to " + output);
            return 0;
        }
    }
}
