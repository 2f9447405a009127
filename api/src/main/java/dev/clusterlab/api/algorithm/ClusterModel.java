package dev.clusterlab.api.algorithm;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Distances of new points to each cluster's representative (k-means: the centroids), as
     * scikit-learn's {@code transform}.
     *
     * @param data points with {@link #d()} columns
     * @param context kernels and threads
     * @return row-major {@code n x k} distances, or empty if the model has no representatives
     * @since 0.1
     */
    default Optional<float[]> transform(Dataset data, ExecutionContext context) {
        return Optional.empty();
    }

    /**
     * The model's state for saving to a file, as JSON-friendly values (numbers, strings, booleans,
     * lists and maps of those). {@link ClusteringAlgorithm#restoreModel} turns it back into a model.
     *
     * @return the state, or empty if this model cannot be saved
     * @since 0.1
     */
    default Optional<Map<String, Object>> state() {
        return Optional.empty();
    }

    /**
     * Membership probabilities of new points (a mixture's posterior), as scikit-learn's
     * {@code predict_proba}: row-major {@code n x k}, each row summing to 1.
     *
     * @param data points with {@link #d()} columns
     * @param context kernels and threads
     * @return the probabilities, or empty if the model is not probabilistic
     * @since 0.2
     */
    default Optional<double[]> predictProba(Dataset data, ExecutionContext context) {
        return Optional.empty();
    }
}
