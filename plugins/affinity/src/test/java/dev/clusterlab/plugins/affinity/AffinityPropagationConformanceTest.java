package dev.clusterlab.plugins.affinity;

import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.testkit.AlgorithmConformanceKit;
import java.util.Map;

/**
 * The shared conformance kit, run against Affinity Propagation: on the kit's blobs (20 apart, standard
 * deviation 0.5) a preference of -50, far below the within-blob similarities (about -1) and far above
 * the between-blob ones (about -400), makes one exemplar per blob.
 */
class AffinityPropagationConformanceTest extends AlgorithmConformanceKit {

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new AffinityPropagationAlgorithm();
    }

    @Override
    protected Map<String, Object> paramsForClusters(int k) {
        return Map.of("preference", -50.0, "damping", 0.7);
    }

    /** PF4J indexes only classes marked @Extension: without it the plugin would load and provide nothing. */
    @org.junit.jupiter.api.Test
    void isMarkedAsAPluginExtension() {
        org.assertj.core.api.Assertions.assertThat(algorithm().getClass().isAnnotationPresent(org.pf4j.Extension.class)).isTrue();
    }
}
