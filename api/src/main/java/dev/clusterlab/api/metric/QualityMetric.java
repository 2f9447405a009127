package dev.clusterlab.api.metric;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import org.pf4j.ExtensionPoint;

/**
 * The extension point for clustering quality measures.
 *
 * <p>Conventions, so that all metrics agree: internal metrics (from data and labels) leave noise
 * points ({@code -1}) out; external metrics (against {@link Dataset#truth()}) leave out points whose
 * ground truth is noise and count predicted noise as one more group. A metric that is undefined for
 * the labels at hand (a single cluster for silhouette) returns {@code NaN} rather than throwing.
 *
 * @since 0.1
 */
public interface QualityMetric extends ExtensionPoint {
    /** @return what it measures and in which direction @since 0.1 */
    MetricDescriptor descriptor();

    /**
     * @param data the clustered points, with ground truth when {@link MetricDescriptor#needsGroundTruth()}
     * @param labels predicted labels, one per row
     * @param context kernels and threads (metrics are deterministic for any thread count)
     * @return the value, or NaN where undefined
     * @since 0.1
     */
    double compute(Dataset data, int[] labels, ExecutionContext context);
}
