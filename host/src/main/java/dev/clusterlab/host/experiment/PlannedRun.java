package dev.clusterlab.host.experiment;

import java.util.Map;

/**
 * One fit of the expanded grid.
 *
 * @param index 1-based position in the plan
 * @param id stable, file-safe identity (dataset, algorithm label, params, repeat): the key for resume
 *     and the labels file's name
 * @param dataset the dataset's name
 * @param algorithm the algorithm entry
 * @param params raw values of this grid point
 * @param repeat 0-based repeat
 * @param seed this run's seed
 */
public record PlannedRun(int index, String id, String dataset, AlgorithmSpec algorithm, Map<String, Object> params,
                         int repeat, long seed) {
    public PlannedRun {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /** @return the grid point as {@code k=3, init=random}, or empty */
    public String paramsText() {
        StringBuilder s = new StringBuilder();
        params.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return s.toString();
    }
}
