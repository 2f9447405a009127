package dev.clusterlab.api.algorithm;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.param.ParamSpec;
import java.util.List;
import java.util.Objects;

/**
 * What an algorithm is: the single source for YAML binding, CLI help, {@code clusterlab list} and the
 * references in reports.
 *
 * @param id unique id, lower case, e.g. {@code kmeans}
 * @param aliases other accepted ids, e.g. {@code k-means}
 * @param title a human name, e.g. {@code k-means (Lloyd)}
 * @param version the algorithm implementation's version, recorded in provenance
 * @param description one or two sentences
 * @param params the parameters, in the order help shows them
 * @param references publications implemented
 * @since 0.1
 */
public record AlgorithmDescriptor(String id, List<String> aliases, String title, String version, String description,
                                  List<ParamSpec> params, List<Citation> references) {
    /** Checks the descriptor itself (a plugin bug, not a user error). */
    public AlgorithmDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        aliases = List.copyOf(aliases);
        params = List.copyOf(params);
        references = List.copyOf(references);
        if (!id.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("algorithm id must be lower case letters, digits, '-' or '_': " + id);
        }
        long distinct = params.stream().map(ParamSpec::name).distinct().count();
        if (distinct != params.size()) {
            throw new IllegalArgumentException("algorithm " + id + " declares a parameter twice");
        }
    }

    /**
     * @param name a parameter name
     * @return whether the algorithm declares it
     * @since 0.1
     */
    public boolean hasParam(String name) {
        return params.stream().anyMatch(p -> p.name().equals(name));
    }
}
