package dev.clusterlab.api.metric;

import dev.clusterlab.api.Citation;
import java.util.List;
import java.util.Objects;

/**
 * What a quality metric is.
 *
 * @param id unique id, lower snake case, e.g. {@code silhouette}
 * @param aliases other accepted ids, e.g. {@code ari}
 * @param title human name
 * @param description one sentence, including the range of values
 * @param needsGroundTruth whether it compares against ground-truth labels (external)
 * @param higherIsBetter whether larger values mean better clusterings
 * @param references publications
 * @since 0.1
 */
public record MetricDescriptor(String id, List<String> aliases, String title, String description,
                               boolean needsGroundTruth, boolean higherIsBetter, List<Citation> references) {
    /** Checks the descriptor itself. */
    public MetricDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        aliases = List.copyOf(aliases);
        references = List.copyOf(references);
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("metric id must be lower snake case: " + id);
        }
    }
}
