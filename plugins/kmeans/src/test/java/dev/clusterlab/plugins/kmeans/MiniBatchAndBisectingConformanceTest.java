package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.testkit.AlgorithmConformanceKit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/** The shared conformance kit, run against mini-batch and bisecting k-means and every exact variant. */
class MiniBatchAndBisectingConformanceTest {

    @Nested
    class MiniBatch extends AlgorithmConformanceKit {
        @Override
        protected ClusteringAlgorithm algorithm() {
            return new MiniBatchKMeansAlgorithm();
        }

        @Override
        protected Map<String, Object> paramsForClusters(int k) {
            return Map.of("k", k);
        }

        @Override
        protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
            return Optional.of(Map.of("k", n + 1));
        }
    }

    @Nested
    class Bisecting extends AlgorithmConformanceKit {
        @Override
        protected ClusteringAlgorithm algorithm() {
            return new BisectingKMeansAlgorithm();
        }

        @Override
        protected Map<String, Object> paramsForClusters(int k) {
            return Map.of("k", k, "n_init", 3);
        }

        @Override
        protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
            return Optional.of(Map.of("k", n + 1));
        }
    }

    @Nested
    class BisectingLargestCluster extends AlgorithmConformanceKit {
        @Override
        protected ClusteringAlgorithm algorithm() {
            return new BisectingKMeansAlgorithm();
        }

        @Override
        protected Map<String, Object> paramsForClusters(int k) {
            return Map.of("k", k, "n_init", 3, "bisecting_strategy", "largest_cluster", "algorithm", "elkan");
        }

        @Override
        protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
            return Optional.of(Map.of("k", n + 1));
        }
    }

    @Nested
    class Elkan extends AlgorithmConformanceKit {
        @Override
        protected ClusteringAlgorithm algorithm() {
            return new KMeansAlgorithm();
        }

        @Override
        protected Map<String, Object> paramsForClusters(int k) {
            return Map.of("k", k, "n_init", 3, "algorithm", "elkan");
        }

        @Override
        protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
            return Optional.of(Map.of("k", n + 1, "algorithm", "elkan"));
        }
    }

    @Nested
    class HamerlyKMeansParallel extends AlgorithmConformanceKit {
        @Override
        protected ClusteringAlgorithm algorithm() {
            return new KMeansAlgorithm();
        }

        @Override
        protected Map<String, Object> paramsForClusters(int k) {
            return Map.of("k", k, "n_init", 3, "algorithm", "hamerly", "init", "k-means||");
        }

        @Override
        protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
            return Optional.of(Map.of("k", n + 1, "algorithm", "hamerly"));
        }
    }

    @Nested
    class Exponion extends AlgorithmConformanceKit {
        @Override
        protected ClusteringAlgorithm algorithm() {
            return new KMeansAlgorithm();
        }

        @Override
        protected Map<String, Object> paramsForClusters(int k) {
            return Map.of("k", k, "n_init", 3, "algorithm", "exponion");
        }

        @Override
        protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
            return Optional.of(Map.of("k", n + 1, "algorithm", "exponion"));
        }
    }

    @Nested
    class Yinyang extends AlgorithmConformanceKit {
        @Override
        protected ClusteringAlgorithm algorithm() {
            return new KMeansAlgorithm();
        }

        @Override
        protected Map<String, Object> paramsForClusters(int k) {
            return Map.of("k", k, "n_init", 3, "algorithm", "yinyang");
        }

        @Override
        protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
            return Optional.of(Map.of("k", n + 1, "algorithm", "yinyang"));
        }
    }

    /** PF4J indexes only classes marked @Extension: without it the plugin would load and provide nothing. */
    @org.junit.jupiter.api.Test
    void bothAreMarkedAsPluginExtensions() {
        org.assertj.core.api.Assertions.assertThat(MiniBatchKMeansAlgorithm.class.isAnnotationPresent(org.pf4j.Extension.class)).isTrue();
        org.assertj.core.api.Assertions.assertThat(BisectingKMeansAlgorithm.class.isAnnotationPresent(org.pf4j.Extension.class)).isTrue();
    }
}
