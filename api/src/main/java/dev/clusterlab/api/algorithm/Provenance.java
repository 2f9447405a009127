package dev.clusterlab.api.algorithm;

import java.util.Map;

/**
 * Where a result came from, enough to reproduce it (after Tribuo's provenance).
 *
 * @param algorithmId the algorithm's id
 * @param algorithmVersion its descriptor's version
 * @param pluginId the PF4J plugin that provided it, or {@code "classpath"}
 * @param pluginVersion that plugin's version
 * @param params every parameter value, defaults included
 * @param seed the run's seed
 * @param datasetName the dataset's name
 * @param datasetFingerprint {@link dev.clusterlab.api.Dataset#fingerprint()}
 * @param kernels kernel implementation and width
 * @param threads worker threads
 * @param jvm the JVM's vendor and version
 * @since 0.1
 */
public record Provenance(String algorithmId, String algorithmVersion, String pluginId, String pluginVersion,
                         Map<String, Object> params, long seed, String datasetName, String datasetFingerprint,
                         String kernels, int threads, String jvm) {
    /** Copies the parameter map. */
    public Provenance {
        params = Map.copyOf(params);
    }
}
