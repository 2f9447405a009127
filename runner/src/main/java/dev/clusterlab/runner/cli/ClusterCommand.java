package dev.clusterlab.runner.cli;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.param.Suggestions;
import dev.clusterlab.host.data.LabelFiles;
import dev.clusterlab.host.output.ArtifactFiles;
import dev.clusterlab.host.plugin.Loaded;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.pipeline.Preprocessing;
import dev.clusterlab.host.Fit;
import dev.clusterlab.host.pipeline.PipelineFit;
import dev.clusterlab.host.pipeline.StepSpec;
import dev.clusterlab.host.plugin.Registry;
import dev.clusterlab.api.artifact.Artifact;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clusterlab cluster}: one fit on one CSV file, for users and scripts. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Fit one algorithm on one CSV file; print a summary (table or one line of JSON) and write the labels.")
final class ClusterCommand implements Callable<Integer> {
    /** Starts the note printed when the algorithm has no artifact of a name given to --artifact. */
    static final String NOT_WRITTEN = "note: nothing written to --artifact ";

    @Option(names = {"-a", "--algorithm"}, required = true, paramLabel = "ID", description = "Algorithm id or alias (see 'clusterlab list').")
    String algorithm;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "A parameter; repeat for more.")
    Map<String, String> params = new LinkedHashMap<>();

    @Mixin
    InputOptions in;

    @Mixin
    PreprocessOptions prep;

    @Option(names = "--weights", paramLabel = "FILE", description = "Sample weights, one number >= 0 per line, in input order.")
    Path weights;

    @Option(names = "--save-model", paramLabel = "M.json", description = "Save the fitted model (for 'clusterlab predict' and 'assign --model').")
    Path saveModel;

    @Option(names = "--truth", paramLabel = "LABELS.csv", description = "Ground-truth labels, one integer per line, -1 for noise.")
    Path truth;

    @Option(names = "--truth-noise", paramLabel = "L", defaultValue = "-1",
            description = "The label that marks noise in the --truth file (default: -1; 0 for benchmark suites that use 0).")
    int truthNoise;

    @Option(names = "--output", paramLabel = "LABELS.csv", description = "Write the labels here, one per line.")
    Path output;

    @Option(names = "--artifact", paramLabel = "NAME=FILE.csv",
            description = "Write the result's artifact NAME (e.g. reachability, condensed_tree, point_scores, centroids) to FILE.csv;"
                    + " repeat for more. 'clusterlab cluster --artifacts DIR' writes them all.")
    Map<String, Path> artifact = new LinkedHashMap<>();

    @Option(names = "--artifacts", paramLabel = "DIR",
            description = "Write every artifact of the result as DIR/NAME.csv, with DIR/artifacts.json naming their kinds.")
    Path artifacts;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed (default: 0).")
    long seed;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Fit N times in the same JVM with the same seed and report the median time (default: 1).")
    int repeat;

    @Option(names = "--metrics", paramLabel = "IDS", split = ",",
            description = "Metrics to compute, comma-separated, or 'none' (default: all; external ones need --truth).")
    List<String> metrics;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json (default: table).")
    String format;

    @Mixin
    CommonOptions common;

    private final Streams io;

    ClusterCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new UserInputException("--format must be table or json; got '" + format + "'");
        }
        if (repeat < 1) {
            throw new UserInputException("--repeat must be >= 1; got " + repeat);
        }
        FitProgress progress = new FitProgress(io.err(), FitProgress.onTerminal());
        try (ClusterLab lab = common.openSession(0, progress)) {
            Registry host = lab.registry();
            PluginWarnings.print(host, io.err());
            Loaded<ClusteringAlgorithm> alg;
            try {
                alg = lab.algorithm(algorithm);
            } catch (UserInputException e) {
                throw new UserInputException("--algorithm: " + e.getMessage(), e);
            }
            List<String> metricIds = metricIds(host);
            List<StepSpec> steps = prep.steps(lab);
            Dataset data = in.read(Preprocessing.imputes(steps, host));
            if (weights != null) {
                data = data.withWeights(WeightFiles.read(weights, data.n()));
            }
            if (truth != null) {
                data = data.withTruth(LabelFiles.read(truth, data.n(), truthNoise));
            }
            int threads = lab.threads();
            ExecutionContext ctx = lab.context(seed);
            double[] seconds = new double[repeat];
            PipelineFit pipeline = null;
            ExitStatus.fitting(alg.pluginId()); // for the launcher's message should the plugin end the JVM
            for (int i = 0; i < repeat; i++) {
                pipeline = lab.fit(steps, alg, data, params, ctx);
                seconds[i] = pipeline.fit().seconds();
            }
            progress.done();
            Fit fit = pipeline.fit();
            List<String> notes = new ArrayList<>();
            // Internal metrics measure the space the algorithm clustered, as in an experiment.
            Map<String, Double> values = lab.metrics(metricIds, lab.scoringView(pipeline.preprocessing().data(), ctx), fit.result(), ctx,
                    notes);
            notes.forEach(n -> io.err().println("warning: " + n));
            if (output != null) {
                LabelFiles.write(output, fit.result().labels());
            }
            writeArtifacts(fit, alg.extension().descriptor().id());
            if (saveModel != null) {
                try {
                    pipeline.model().save(saveModel);
                } catch (UserInputException e) {
                    throw new UserInputException("--save-model: " + e.getMessage(), e);
                }
            }
            FitSummary summary = new FitSummary(alg.extension().descriptor().id(), fit.params().asMap(), data.n(), data.d(),
                    fit.result().clusterCount(), fit.result().noiseCount(), median(seconds), seconds,
                    fit.result().iterations(), fit.result().objective(), values, threads, seed);
            io.out().print(format.equals("json") ? summary.json() : summary.table());
            return 0;
        }
    }

    private void writeArtifacts(Fit fit, String id) {
        Map<String, Artifact> made = fit.result().artifacts();
        int[] labels = fit.result().labels();
        artifact.forEach((name, file) -> {
            Artifact a = made.get(name);
            if (a == null) {
                io.err().println(NOT_WRITTEN + name + ": " + id + " made " + (made.isEmpty() ? "no artifacts"
                        : "only " + String.join(", ", made.keySet())));
            } else {
                ArtifactFiles.write(file, a, labels);
            }
        });
        if (artifacts != null) {
            ArtifactFiles.writeFolder(artifacts, made, labels);
        }
    }

    private List<String> metricIds(Registry host) {
        if (metrics == null) {
            return host.defaultMetrics().stream().filter(m -> truth != null || !m.needsGroundTruth()).map(MetricDescriptor::id).toList();
        }
        if (metrics.size() == 1 && metrics.getFirst().equals("none")) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String m : metrics) {
            MetricDescriptor d = host.metric(m.trim()).or(() -> host.modelScore(m.trim())).orElseThrow(() -> new UserInputException(
                    "--metrics: unknown metric '" + m + "'" + Suggestions.hint(m, java.util.stream.Stream.concat(host.metrics().stream(),
                            host.modelScores().stream()).map(MetricDescriptor::id).toList())));
            if (d.needsGroundTruth() && truth == null) {
                throw new UserInputException("--metrics: " + d.id() + " compares with ground truth; give it with --truth LABELS.csv");
            }
            ids.add(d.id());
        }
        return ids;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
