package dev.clusterlab.host.pipeline;

import java.util.Map;

/**
 * One preprocessing step of an experiment.
 *
 * @param id the step id as resolved (aliases replaced)
 * @param params raw parameter values, bound by the step
 */
public record StepSpec(String id, Map<String, Object> params) {
    public StepSpec {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
}
