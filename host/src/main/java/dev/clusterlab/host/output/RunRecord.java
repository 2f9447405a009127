package dev.clusterlab.host.output;

import java.util.Map;

/**
 * The outcome of one run, as results files and the table show it.
 *
 * @param runId the plan's stable run id
 * @param dataset dataset name
 * @param algorithm algorithm label
 * @param algorithmId algorithm id
 * @param params the grid point's values ({@code k=3, ...})
 * @param seed the seed
 * @param repeat 0-based repeat
 * @param status how it ended
 * @param message why it failed, or empty
 * @param seconds fit time (excluding data loading and metrics)
 * @param clusters clusters found
 * @param noise points labelled noise
 * @param iterations iterations run
 * @param objective the algorithm's objective, or NaN
 * @param metrics metric values by id (NaN where undefined)
 * @param artifacts the kind of each artifact the run wrote, by name ({@code NAME/RUN.csv})
 */
public record RunRecord(String runId, String dataset, String algorithm, String algorithmId, Map<String, Object> params,
                        long seed, int repeat, RunStatus status, String message, double seconds, int clusters, int noise,
                        int iterations, double objective, Map<String, Double> metrics, Map<String, String> artifacts) {

    public RunRecord {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        artifacts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(artifacts));
    }

    /** A run without artifacts. */
    public RunRecord(String runId, String dataset, String algorithm, String algorithmId, Map<String, Object> params, long seed,
                     int repeat, RunStatus status, String message, double seconds, int clusters, int noise, int iterations,
                     double objective, Map<String, Double> metrics) {
        this(runId, dataset, algorithm, algorithmId, params, seed, repeat, status, message, seconds, clusters, noise, iterations,
                objective, metrics, Map.of());
    }

    /**
     * @param result the run's result
     * @return this record naming the kinds of the result's artifacts
     */
    public RunRecord withArtifacts(dev.clusterlab.api.algorithm.ClusteringResult result) {
        return new RunRecord(runId, dataset, algorithm, algorithmId, params, seed, repeat, status, message, seconds, clusters, noise,
                iterations, objective, metrics, ArtifactFiles.kinds(result.artifacts()));
    }

    /** @return whether the run completed */
    public boolean ok() {
        return status == RunStatus.OK;
    }

    /** @return the params as {@code k=3 init=random} */
    public String paramsText() {
        StringBuilder s = new StringBuilder();
        params.forEach((k, v) -> s.append(s.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }
}
