package dev.clusterlab.api.preprocess;

import dev.clusterlab.api.Dataset;
import java.util.Map;

/**
 * A preprocessing step fitted on one dataset (means, scales, components), ready to transform it and
 * datasets like it (new points to {@code predict} or {@code assign}).
 *
 * @since 0.1
 */
public interface FittedPreprocessor {
    /**
     * @param data a dataset with the columns the step was fitted on
     * @return the transformed dataset, with the same name, truth and weights
     * @throws dev.clusterlab.api.DataException if the columns differ
     * @since 0.1
     */
    Dataset apply(Dataset data);

    /**
     * What was fitted, for provenance and reports (e.g. {@code {"explained_variance": [...]}}).
     *
     * @return JSON-friendly values
     * @since 0.1
     */
    Map<String, Object> summary();
}
