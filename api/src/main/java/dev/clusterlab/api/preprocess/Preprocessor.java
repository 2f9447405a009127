package dev.clusterlab.api.preprocess;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.Params;
import org.pf4j.ExtensionPoint;

/**
 * The extension point for preprocessing steps. Like algorithms, implementations are stateless and
 * marked with PF4J's {@code @Extension}; fitting returns the state.
 *
 * <p>Missing values: a dataset read from a file with empty cells carries them as NaN
 * ({@link Dataset#hasMissing()}); only a step whose descriptor says it {@code imputes} accepts such a
 * dataset, and the host checks that none remain before clustering.
 *
 * @since 0.1
 */
public interface Preprocessor extends ExtensionPoint {
    /** @return what this step is and which parameters it takes @since 0.1 */
    PreprocessorDescriptor descriptor();

    /**
     * @param data the dataset to fit on (never modified)
     * @param params bound parameters
     * @param context kernels, threads, seed
     * @return the fitted step
     * @throws dev.clusterlab.api.DataException when the data do not allow the step (e.g. PCA with more components than columns)
     * @since 0.1
     */
    FittedPreprocessor fit(Dataset data, Params params, ExecutionContext context);

    /**
     * Rebuilds a fitted step from the state one of this step's fits gave by {@link FittedPreprocessor#state()}.
     *
     * @param state the saved state
     * @return the fitted step, or empty if this step cannot be restored
     * @throws dev.clusterlab.api.DataException if the state is malformed, naming what is wrong
     * @since 0.2
     */
    default java.util.Optional<FittedPreprocessor> restore(java.util.Map<String, Object> state) {
        return java.util.Optional.empty();
    }
}
