package dev.clusterlab.host.pipeline;

import dev.clusterlab.api.preprocess.FittedPreprocessor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One preprocessing step as fitted: which step, from which plugin, with which parameters, and the
 * fitted state that transforms new rows the same way.
 *
 * @param id the step id
 * @param pluginId the plugin that provides it
 * @param pluginVersion that plugin's version
 * @param params the raw parameter values it was fitted with
 * @param fitted the fitted step
 */
public record FittedStep(String id, String pluginId, String pluginVersion, Map<String, Object> params, FittedPreprocessor fitted) {
    public FittedStep {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** @return id, plugin, parameters and what was fitted, for provenance */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("step", id);
        summary.put("plugin", pluginId + " " + pluginVersion);
        summary.put("params", params);
        summary.put("fitted", fitted.summary());
        return summary;
    }
}
