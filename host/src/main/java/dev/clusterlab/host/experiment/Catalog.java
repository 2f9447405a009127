package dev.clusterlab.host.experiment;

import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * What the loaded plugins offer, as the experiment parser needs it: descriptors by id or alias.
 */
public interface Catalog {
    /**
     * @param idOrAlias an algorithm id or alias
     * @return its descriptor
     */
    Optional<AlgorithmDescriptor> algorithm(String idOrAlias);

    /** @return every algorithm id and alias */
    List<String> algorithmNames();

    /**
     * @param idOrAlias a metric id or alias
     * @return its descriptor
     */
    Optional<MetricDescriptor> metric(String idOrAlias);

    /**
     * @param id a model score's id or alias (see {@code ClusteringAlgorithm#modelScores()})
     * @return the score an algorithm's results carry, such as a mixture's {@code bic}
     */
    default Optional<MetricDescriptor> modelScore(String id) {
        return Optional.empty();
    }

    /** @return every model score an algorithm declares, by id */
    default List<MetricDescriptor> modelScores() {
        return List.of();
    }

    /**
     * External metrics computed only when asked for: with them all by default a comparison table would
     * not fit a page, and ARI and NMI already tell agreement with the truth.
     */
    java.util.Set<String> LISTED_ONLY = java.util.Set.of("adjusted_mutual_info", "homogeneity", "completeness", "v_measure",
            "fowlkes_mallows", "rand");

    /** @return the metrics an experiment or a fit measures when it names none: every loaded one but {@link #LISTED_ONLY} */
    default List<MetricDescriptor> defaultMetrics() {
        return metrics().stream().filter(m -> !LISTED_ONLY.contains(m.id())).toList();
    }

    /** @return every metric descriptor, in load order */
    List<MetricDescriptor> metrics();

    /**
     * @param idOrAlias a preprocessing step id or alias
     * @return its descriptor
     */
    default Optional<PreprocessorDescriptor> preprocessor(String idOrAlias) {
        return Optional.empty();
    }

    /** @return every preprocessing step id and alias */
    default List<String> preprocessorNames() {
        return List.of();
    }

    /**
     * What the algorithm itself refuses in one grid point beyond its parameter specs
     * ({@code ClusteringAlgorithm.validate}), for validation before anything runs.
     *
     * @param algorithmId the algorithm
     * @param point the point's raw values by parameter name
     * @return the violations, empty when it can be fitted (the default)
     */
    default List<dev.clusterlab.api.param.ParamViolation> check(String algorithmId, java.util.Map<String, Object> point) {
        return List.of();
    }
}
