package dev.clusterlab.plugins.density;

import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.testkit.AlgorithmConformanceKit;
import java.util.Map;

/** The shared conformance kit, run against OPTICS with the dbscan extraction at eps 3 (blobs 20 apart, sd 0.5). */
class OpticsConformanceTest extends AlgorithmConformanceKit {

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new OpticsAlgorithm();
    }

    @Override
    protected Map<String, Object> paramsForClusters(int k) {
        return Map.of("min_samples", 5, "max_eps", 6.0, "cluster_method", "dbscan", "eps", 3.0);
    }

    @Override
    protected boolean mayReportNoise() {
        return true;
    }

    /** PF4J indexes only classes marked @Extension: without it the plugin would load and provide nothing. */
    @org.junit.jupiter.api.Test
    void isMarkedAsAPluginExtension() {
        org.assertj.core.api.Assertions.assertThat(algorithm().getClass().isAnnotationPresent(org.pf4j.Extension.class)).isTrue();
    }
}
