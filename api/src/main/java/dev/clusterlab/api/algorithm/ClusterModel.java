package dev.clusterlab.api.algorithm;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;

/**
 * A fitted model that can label new points (k-means: the nearest centroid).
 *
 * @since 0.1
 */
public interface ClusterModel {
    /** @return the dimension the model was fitted on @since 0.1 */
    int d();

    /**
     * Labels new points.
     *
     * @param data points with {@link #d()} columns
     * @param context kernels and threads
     * @return one label per row
     * @throws dev.clusterlab.api.DataException if the dimension differs
     * @since 0.1
     */
    int[] predict(Dataset data, ExecutionContext context);
}
