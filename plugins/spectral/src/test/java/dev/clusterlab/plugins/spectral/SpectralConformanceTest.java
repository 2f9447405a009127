package dev.clusterlab.plugins.spectral;

import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.testkit.AlgorithmConformanceKit;
import java.util.Map;
import java.util.Optional;

/**
 * The shared conformance kit, run against spectral clustering with scikit-learn's default affinity
 * (rbf, gamma 1): the kit's blobs (20 apart, standard deviation 0.5) are disconnected components of the
 * rbf graph in float, whose indicator vectors are the embedding.
 */
class SpectralConformanceTest extends AlgorithmConformanceKit {

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new SpectralAlgorithm();
    }

    @Override
    protected Map<String, Object> paramsForClusters(int k) {
        return Map.of("k", k);
    }

    @Override
    protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
        return Optional.of(Map.of("k", n + 1));
    }

    /** PF4J indexes only classes marked @Extension: without it the plugin would load and provide nothing. */
    @org.junit.jupiter.api.Test
    void isMarkedAsAPluginExtension() {
        org.assertj.core.api.Assertions.assertThat(algorithm().getClass().isAnnotationPresent(org.pf4j.Extension.class)).isTrue();
    }
}
