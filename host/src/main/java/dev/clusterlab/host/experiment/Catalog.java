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
}
