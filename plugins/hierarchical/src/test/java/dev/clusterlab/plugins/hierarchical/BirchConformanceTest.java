package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.testkit.AlgorithmConformanceKit;
import java.util.Map;

/**
 * The shared conformance kit, run against BIRCH: the kit's blobs (20 apart, standard deviation 0.5)
 * give subclusters of radius at most 1.5 that never span two blobs, and Ward's linkage on their
 * centroids joins them back into the k blobs.
 */
class BirchConformanceTest extends AlgorithmConformanceKit {

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new BirchAlgorithm();
    }

    @Override
    protected Map<String, Object> paramsForClusters(int k) {
        return Map.of("k", k, "threshold", 1.5);
    }

    /** PF4J indexes only classes marked @Extension: without it the plugin would load and provide nothing. */
    @org.junit.jupiter.api.Test
    void isMarkedAsAPluginExtension() {
        org.assertj.core.api.Assertions.assertThat(algorithm().getClass().isAnnotationPresent(org.pf4j.Extension.class)).isTrue();
    }
}
