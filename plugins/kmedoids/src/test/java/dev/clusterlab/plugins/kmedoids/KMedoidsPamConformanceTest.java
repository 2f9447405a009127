package dev.clusterlab.plugins.kmedoids;

import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.testkit.AlgorithmConformanceKit;
import java.util.Map;
import java.util.Optional;

/** The shared conformance kit, run against k-medoids with PAM's BUILD and SWAP ({@code method: pam}) from BUILD. */
class KMedoidsPamConformanceTest extends AlgorithmConformanceKit {

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new KMedoidsAlgorithm();
    }

    @Override
    protected Map<String, Object> paramsForClusters(int k) {
        return Map.of("k", k, "method", "pam");
    }

    @Override
    protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
        return Optional.of(Map.of("k", n + 1, "method", "pam"));
    }

    /** PF4J indexes only classes marked @Extension: without it the plugin would load and provide nothing. */
    @org.junit.jupiter.api.Test
    void isMarkedAsAPluginExtension() {
        org.assertj.core.api.Assertions.assertThat(algorithm().getClass().isAnnotationPresent(org.pf4j.Extension.class)).isTrue();
    }
}
