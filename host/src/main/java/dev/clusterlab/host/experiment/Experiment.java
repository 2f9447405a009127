package dev.clusterlab.host.experiment;

import dev.clusterlab.host.pipeline.StepSpec;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated experiment: what to cluster, with what, measured how.
 *
 * @param name experiment name (folder names, report titles)
 * @param seed base seed; repeat {@code r} of every run uses {@code seed + r}
 * @param repeats how many seeds each configuration runs with
 * @param threads worker threads per fit, or 0 for the command line's choice
 * @param datasets the datasets
 * @param algorithms the algorithm configurations with their grids
 * @param metrics metric ids, in table order
 * @param rankBy the metric the table ranks by, or {@code null} for the default
 * @param preprocessing the steps applied to each dataset (by dataset name), in order
 * @param timeoutSeconds per-run time limit, or 0 for none
 * @param isolation where fits run
 */
public record Experiment(String name, long seed, int repeats, int threads, List<DatasetSpec> datasets,
                         List<AlgorithmSpec> algorithms, List<String> metrics, String rankBy,
                         Map<String, List<StepSpec>> preprocessing, double timeoutSeconds, Isolation isolation,
                         SaveModels saveModels, Stability.Settings stability, GapStatistic.Settings gap) {
    public Experiment {
        datasets = List.copyOf(datasets);
        algorithms = List.copyOf(algorithms);
        metrics = List.copyOf(metrics);
        preprocessing = Map.copyOf(preprocessing);
    }

    /**
     * Without preprocessing or timeout.
     *
     * @param name name
     * @param seed seed
     * @param repeats repeats
     * @param threads threads
     * @param datasets datasets
     * @param algorithms algorithms
     * @param metrics metrics
     * @param rankBy ranking metric
     */
    public Experiment(String name, long seed, int repeats, int threads, List<DatasetSpec> datasets,
                      List<AlgorithmSpec> algorithms, List<String> metrics, String rankBy) {
        this(name, seed, repeats, threads, datasets, algorithms, metrics, rankBy, Map.of(), 0, Isolation.THREAD, SaveModels.BEST, null, null);
    }

    /**
     * @param dataset a dataset name
     * @return its preprocessing steps, possibly none
     */
    public List<StepSpec> stepsFor(String dataset) {
        return preprocessing.getOrDefault(dataset, List.of());
    }
}
