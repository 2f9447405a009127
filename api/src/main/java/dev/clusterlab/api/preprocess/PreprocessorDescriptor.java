package dev.clusterlab.api.preprocess;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.param.ParamSpec;
import java.util.List;
import java.util.Objects;

/**
 * What a preprocessing step is.
 *
 * @param id unique id, lower snake case, e.g. {@code standardize}
 * @param aliases other accepted ids, e.g. {@code zscore}
 * @param title human name
 * @param description one or two sentences
 * @param params the parameters
 * @param imputes whether the step fills missing values (only then may a dataset have empty cells)
 * @param references publications
 * @since 0.1
 */
public record PreprocessorDescriptor(String id, List<String> aliases, String title, String description, List<ParamSpec> params,
                                     boolean imputes, List<Citation> references) {
    /** Checks the descriptor itself. */
    public PreprocessorDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        aliases = List.copyOf(aliases);
        params = List.copyOf(params);
        references = List.copyOf(references);
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("preprocessor id must be lower snake case: " + id);
        }
    }
}
