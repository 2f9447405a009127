package dev.clusterlab.host;

import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.Provenance;
import dev.clusterlab.api.param.Params;

/**
 * One finished fit: what the algorithm returned, the parameters as bound (defaults filled in), the
 * wall time of {@code fit} alone, and where the result came from.
 *
 * @param result labels, artifacts and the model, if any
 * @param params the bound parameters
 * @param seconds wall time of the algorithm's {@code fit}
 * @param provenance algorithm, plugin, parameters, seed, data fingerprint, kernels, threads, JVM
 */
public record Fit(ClusteringResult result, Params params, double seconds, Provenance provenance) {
    /** @return the labels, one per row, {@code -1} for noise (not a copy) */
    public int[] labels() {
        return result.labels();
    }
}
