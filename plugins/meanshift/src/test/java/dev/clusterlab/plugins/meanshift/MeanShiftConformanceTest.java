package dev.clusterlab.plugins.meanshift;

import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.testkit.AlgorithmConformanceKit;
import java.util.Map;

/**
 * The shared conformance kit, run against Mean Shift: the kit's blobs are 20 apart with standard
 * deviation 0.5, so with bandwidth 3 every point of a blob climbs to that blob's one mode and no
 * window ever reaches another blob; k blobs give k clusters whatever k.
 */
class MeanShiftConformanceTest extends AlgorithmConformanceKit {

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new MeanShiftAlgorithm();
    }

    @Override
    protected Map<String, Object> paramsForClusters(int k) {
        return Map.of("bandwidth", 3.0);
    }

    /** PF4J indexes only classes marked @Extension: without it the plugin would load and provide nothing. */
    @org.junit.jupiter.api.Test
    void isMarkedAsAPluginExtension() {
        org.assertj.core.api.Assertions.assertThat(algorithm().getClass().isAnnotationPresent(org.pf4j.Extension.class)).isTrue();
    }
}
