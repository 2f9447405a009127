package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.testkit.AlgorithmConformanceKit;
import java.util.Map;
import java.util.Optional;

/** The shared conformance kit, run against agglomerative clustering with structured ward (a 5-nearest-neighbour connectivity graph). */
class AgglomerativeStructuredWardConformanceTest extends AlgorithmConformanceKit {

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new AgglomerativeAlgorithm();
    }

    @Override
    protected Map<String, Object> paramsForClusters(int k) {
        return Map.of("k", k, "linkage", "ward", "connectivity.n_neighbors", 5);
    }

    @Override
    protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
        return Optional.of(Map.of("k", n + 1, "linkage", "ward", "connectivity.n_neighbors", 5));
    }
}
