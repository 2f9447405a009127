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
 * @param status {@code OK} or {@code FAILED}
 * @param message why it failed, or empty
 * @param seconds fit time (excluding data loading and metrics)
 * @param clusters clusters found
 * @param noise points labelled noise
 * @param iterations iterations run
 * @param objective the algorithm's objective, or NaN
 * @param metrics metric values by id (NaN where undefined)
 */
public record RunRecord(String runId, String dataset, String algorithm, String algorithmId, Map<String, Object> params,
                        long seed, int repeat, String status, String message, double seconds, int clusters, int noise,
                        int iterations, double objective, Map<String, Double> metrics) {
    /** Status of a run that completed. */
    public static final String OK = "OK";
    /** Status of a run whose plugin threw or whose data did not fit. */
    public static final String FAILED = "FAILED";
    /** Status of a run that did not finish within the experiment's timeout. */
    public static final String TIMEOUT = "TIMEOUT";

    public RunRecord {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /** @return the params as {@code k=3 init=random} */
    public String paramsText() {
        StringBuilder s = new StringBuilder();
        params.forEach((k, v) -> s.append(s.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }
}
