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
 * @param inProcess plugins that run in this JVM under {@link Isolation#AUTO} although they did not come with ClusterLab
 */
public record Experiment(String name, long seed, int repeats, int threads, List<DatasetSpec> datasets,
                         List<AlgorithmSpec> algorithms, List<String> metrics, String rankBy,
                         Map<String, List<StepSpec>> preprocessing, double timeoutSeconds, Isolation isolation,
                         SaveModels saveModels, Stability.Settings stability, GapStatistic.Settings gap, List<String> inProcess) {
    public Experiment {
        inProcess = List.copyOf(inProcess);
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
        this(name, seed, repeats, threads, datasets, algorithms, metrics, rankBy, Map.of(), 0, Isolation.THREAD, SaveModels.BEST, null, null,
                List.of());
    }

    /**
     * @param pluginId the plugin of a run's algorithm
     * @param shipped whether that plugin came with ClusterLab
     * @return where that run's fit goes: {@link Isolation#AUTO} resolved to thread or process
     */
    public Isolation isolationOf(String pluginId, boolean shipped) {
        if (isolation != Isolation.AUTO) {
            return isolation;
        }
        return shipped || inProcess.contains(pluginId) ? Isolation.THREAD : Isolation.PROCESS;
    }

    /**
     * @param dataset a dataset name
     * @return its preprocessing steps, possibly none
     */
    public List<StepSpec> stepsFor(String dataset) {
        return preprocessing.getOrDefault(dataset, List.of());
    }
}
