package dev.clusterlab.host.plugin;

/**
 * An extension together with the plugin it came from, for provenance.
 *
 * @param <T> the extension point
 * @param extension the extension instance
 * @param pluginId the plugin id
 * @param pluginVersion the plugin version
 */
public record Loaded<T>(T extension, String pluginId, String pluginVersion) {
}
