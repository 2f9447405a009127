package dev.clusterlab.plugins.metrics;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.metric.QualityMetric;
import java.util.List;

/** The eleven metrics and execution contexts, for tests. */
final class Metrics {
    private Metrics() {
    }

    /** @return one instance of each metric */
    static List<QualityMetric> all() {
        return List.of(new Silhouette(), new CalinskiHarabasz(), new DaviesBouldin(), new AdjustedRand(),
                new NormalizedMutualInformation(), new AdjustedMutualInformation(), new Homogeneity(),
                new Completeness(), new VMeasure(), new FowlkesMallows(), new RandIndex());
    }

    /**
     * @param id a metric id or alias
     * @return the metric
     */
    static QualityMetric byId(String id) {
        return all().stream()
                .filter(m -> m.descriptor().id().equals(id) || m.descriptor().aliases().contains(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown metric " + id));
    }

    /**
     * @param threads worker threads
     * @return a context with the engine's kernels
     */
    static ExecutionContext context(int threads) {
        return ExecutionContextFactory.load().create(threads, 42L);
    }
}
