package dev.clusterlab.api.algorithm;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.Params;
import java.util.Map;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * The extension point for clustering algorithms. A plugin marks each implementation with PF4J's
 * {@code @Extension}; the host finds it, binds parameters against {@link #descriptor()} and calls
 * {@link #fit}.
 *
 * <p>Implementations are stateless: a fit is a pure function of {@code (dataset, params, seed)}, keeps
 * its mutable state in a per-call object, draws randomness only from {@code context.seed()}, and gives
 * the same labels and objective bits for any {@code context.parallel().threads()}.
 *
 * {@snippet :
 * @Extension
 * public final class MyAlgorithm implements ClusteringAlgorithm {
 *     public AlgorithmDescriptor descriptor() { ... }
 *     public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) { ... }
 * }
 * }
 *
 * @since 0.1
 */
public interface ClusteringAlgorithm extends ExtensionPoint {
    /** @return what this algorithm is and which parameters it takes @since 0.1 */
    AlgorithmDescriptor descriptor();

    /**
     * Clusters the dataset.
     *
     * @param data the points; never modified
     * @param params values bound against {@link #descriptor()}'s parameters
     * @param context kernels, threads, seed, progress and cancellation
     * @return labels ({@code 0..k-1}, {@code -1} noise) and whatever else the algorithm computes
     * @throws dev.clusterlab.api.DataException when the data do not fit the parameters (e.g. k &gt; n)
     * @throws dev.clusterlab.api.param.ParameterException for invalid combinations of parameters
     * @since 0.1
     */
    ClusteringResult fit(Dataset data, Params params, ExecutionContext context);

    /**
     * Rebuilds a fitted model from the state one of this algorithm's models gave by
     * {@link ClusterModel#state()} (a saved model file).
     *
     * @param state the saved state
     * @return the model, or empty if this algorithm's models cannot be saved
     * @throws dev.clusterlab.api.DataException if the state is malformed, naming what is wrong
     * @since 0.1
     */
    default Optional<ClusterModel> restoreModel(Map<String, Object> state) {
        return Optional.empty();
    }

    /**
     * Whether this algorithm clusters {@linkplain Dataset#isCategorical(int) categorical columns} as
     * they are (k-modes, k-prototypes). An algorithm that does not is never handed one: the host
     * one-hot encodes categorical columns first (as PyCaret's {@code setup} does), unless the
     * experiment's preprocessing already encoded them.
     *
     * @return {@code false} unless overridden
     * @since 0.2
     */
    default boolean acceptsCategorical() {
        return false;
    }

    /**
     * The scores this algorithm's results carry about their model ({@link ClusteringResult#scores()}),
     * described as metrics are, so that an experiment can list them under {@code metrics} and rank by
     * them: a mixture's {@code bic}. A result's score of a name declared here is shown; a result without
     * it shows NaN.
     *
     * @return the descriptors, empty unless overridden ({@code needsGroundTruth} is false)
     * @since 0.2
     */
    default java.util.List<dev.clusterlab.api.metric.MetricDescriptor> modelScores() {
        return java.util.List.of();
    }

    /**
     * Checks bound parameter values beyond what each one's {@link dev.clusterlab.api.param.ParamSpec}
     * says (the words a free-text parameter takes, values that must agree with each other), without
     * data and without fitting, so that {@code clusterlab validate} refuses what {@link #fit} would. The
     * host calls it for every grid point of an experiment before anything runs. A typed parameter
     * record that checks itself in its constructor gives this for free: build it and return what its
     * {@link dev.clusterlab.api.param.ParameterException#problems()} say.
     *
     * @param params the values, bound against {@link AlgorithmDescriptor#params()}
     * @return what is wrong, empty when the values can be fitted (the default)
     * @since 0.3
     */
    default java.util.List<dev.clusterlab.api.param.ParamViolation> validate(Params params) {
        return java.util.List.of();
    }
}
