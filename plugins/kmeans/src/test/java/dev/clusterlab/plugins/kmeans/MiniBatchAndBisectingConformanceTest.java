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

    /** k-means with one exact variant: the kit's clusters with {@code n_init = 3}, and its refusal of k > n. */
    abstract class ExactVariant extends AlgorithmConformanceKit {
        /** @return the {@code algorithm} parameter */
        abstract String variant();

        /** @return parameters added to the variant's, none by default */
        Map<String, Object> more() {
            return Map.of();
        }

        @Override
        protected ClusteringAlgorithm algorithm() {
            return new KMeansAlgorithm();
        }

        @Override
        protected Map<String, Object> paramsForClusters(int k) {
            Map<String, Object> p = new java.util.HashMap<>(Map.of("k", k, "n_init", 3, "algorithm", variant()));
            p.putAll(more());
            return p;
        }

        @Override
        protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
            return Optional.of(Map.of("k", n + 1, "algorithm", variant()));
        }
    }

    @Nested
    class Elkan extends ExactVariant {
        @Override
        String variant() {
            return "elkan";
        }
    }

    @Nested
    class HamerlyKMeansParallel extends ExactVariant {
        @Override
        String variant() {
            return "hamerly";
        }

        @Override
        Map<String, Object> more() {
            return Map.of("init", "k-means||");
        }
    }

    @Nested
    class Exponion extends ExactVariant {
        @Override
        String variant() {
            return "exponion";
        }
    }

    @Nested
    class Yinyang extends ExactVariant {
        @Override
        String variant() {
            return "yinyang";
        }
    }

    /** PF4J indexes only classes marked @Extension: without it the plugin would load and provide nothing. */
    @org.junit.jupiter.api.Test
    void bothAreMarkedAsPluginExtensions() {
        org.assertj.core.api.Assertions.assertThat(MiniBatchKMeansAlgorithm.class.isAnnotationPresent(org.pf4j.Extension.class)).isTrue();
        org.assertj.core.api.Assertions.assertThat(BisectingKMeansAlgorithm.class.isAnnotationPresent(org.pf4j.Extension.class)).isTrue();
    }
}
