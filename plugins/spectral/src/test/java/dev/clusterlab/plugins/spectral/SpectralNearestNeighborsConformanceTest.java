package dev.clusterlab.plugins.spectral;

import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.testkit.AlgorithmConformanceKit;
import java.util.Map;
import java.util.Optional;

/** The conformance kit with affinity nearest_neighbors and cluster_qr labels. */
class SpectralNearestNeighborsConformanceTest extends AlgorithmConformanceKit {

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new SpectralAlgorithm();
    }

    @Override
    protected Map<String, Object> paramsForClusters(int k) {
        return Map.of("k", k, "affinity", "nearest_neighbors", "assign_labels", "cluster_qr");
    }

    @Override
    protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
        return Optional.of(Map.of("k", n + 1, "affinity", "nearest_neighbors"));
    }
}
