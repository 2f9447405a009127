package dev.clusterlab.plugins.categorical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.testkit.AlgorithmConformanceKit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared conformance kit, run against k-prototypes on the kit's numeric blobs as they are: without
 * categorical columns it is k-means, and Cao's initialisation (all rows equally dense) is
 * farthest-first traversal, which puts one initial prototype in each well-separated blob.
 */
class KPrototypesConformanceTest extends AlgorithmConformanceKit {

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new KPrototypesAlgorithm();
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
    @Test
    void isMarkedAsAPluginExtension() {
        assertThat(algorithm().getClass().isAnnotationPresent(org.pf4j.Extension.class)).isTrue();
        assertThat(algorithm().acceptsCategorical()).isTrue();
        assertThat(algorithm().descriptor().aliases()).containsExactly("k_prototypes");
    }
}
