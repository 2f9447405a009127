package dev.clusterlab.host.output;

import java.util.List;
import java.util.Map;

/**
 * One algorithm configuration on one dataset, summarised over its seeds.
 *
 * @param dataset dataset name
 * @param algorithm algorithm label
 * @param algorithmId algorithm id
 * @param params the grid point
 * @param paramsText the grid point as {@code k=3 init=random}
 * @param runs every run of it (OK or not), in plan order
 * @param failed how many did not finish OK
 * @param metrics mean and standard deviation per metric id
 * @param seconds fit time
 * @param clusters clusters found
 * @param objective the algorithm's objective
 * @param rank 1 for the best by the ranking metric, 0 when unranked (no value)
 */
public record ConfigSummary(String dataset, String algorithm, String algorithmId, Map<String, Object> params, String paramsText,
                            List<RunRecord> runs, int failed, Map<String, Stat> metrics, Stat seconds, Stat clusters, Stat objective,
                            int rank) {
    /** @return whether this is the best configuration of its dataset */
    public boolean best() {
        return rank == 1;
    }

    ConfigSummary withRank(int r) {
        return new ConfigSummary(dataset, algorithm, algorithmId, params, paramsText, runs, failed, metrics, seconds, clusters,
                objective, r);
    }
}
