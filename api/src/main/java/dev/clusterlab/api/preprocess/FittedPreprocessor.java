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

    /**
     * The fitted values for saving in a model file, as JSON-friendly values (numbers, strings, booleans,
     * lists and maps of those); {@link Preprocessor#restore} turns them back into this step, so that a
     * saved model applies to new raw rows exactly the scaling or imputation its fit saw. Numbers must
     * survive a round trip through JSON unchanged (a {@code double} does; give {@code float}s as
     * {@code double}s).
     *
     * @return the state, or empty if this step cannot be saved
     * @since 0.2
     */
    default java.util.Optional<Map<String, Object>> state() {
        return java.util.Optional.empty();
    }
}
