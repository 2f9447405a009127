package dev.clusterlab.runner.experiment;

import java.util.List;

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
 * @param rankBy the metric the table ranks by, or {@code null} for the first
 */
public record Experiment(String name, long seed, int repeats, int threads, List<DatasetSpec> datasets,
                         List<AlgorithmSpec> algorithms, List<String> metrics, String rankBy) {
    public Experiment {
        datasets = List.copyOf(datasets);
        algorithms = List.copyOf(algorithms);
        metrics = List.copyOf(metrics);
    }
}
