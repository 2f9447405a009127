package dev.clusterlab.host.plugin;

import java.nio.file.Path;

/**
 * What happened to one plugin file, for {@code clusterlab plugins} and start-up warnings.
 *
 * @param id the plugin id, or the file name when the file has no readable descriptor
 * @param version the plugin version, or empty
 * @param state {@code STARTED}, {@code CLASSPATH}, {@code DUPLICATE}, {@code DISABLED}, {@code FAILED}, ...
 * @param file the plugin file
 * @param problem why it is not usable, or {@code null}
 * @param algorithms ids of the algorithms it provides
 * @param metrics ids of the metrics it provides
 * @param preprocessors ids of the preprocessing steps it provides
 * @param note something worth knowing that is not a problem (a duplicate left out), or {@code null}
 */
public record PluginStatus(String id, String version, String state, Path file, String problem,
                           java.util.List<String> algorithms, java.util.List<String> metrics,
                           java.util.List<String> preprocessors, String note) {
    /** @return whether the plugin works */
    public boolean ok() {
        return problem == null;
    }
}
