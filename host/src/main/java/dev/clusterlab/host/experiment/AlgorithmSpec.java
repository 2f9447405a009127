package dev.clusterlab.host.experiment;

import java.util.List;
import java.util.Map;

/**
 * One algorithm entry of an experiment: an algorithm and a grid of parameter values.
 *
 * @param id the algorithm id as resolved (aliases replaced by the id)
 * @param label the name shown in tables ({@code name:} in YAML, else the id)
 * @param grid values per parameter, each list the grid's axis for that parameter (one value: fixed)
 */
public record AlgorithmSpec(String id, String label, Map<String, List<Object>> grid) {
    public AlgorithmSpec {
        grid = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(grid));
    }
}
