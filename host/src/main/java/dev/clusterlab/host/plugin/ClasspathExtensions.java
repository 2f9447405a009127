package dev.clusterlab.host.plugin;

import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.metric.QualityMetric;
import dev.clusterlab.api.preprocess.Preprocessor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.pf4j.PluginManager;

/**
 * Extensions on the class path (PF4J's "system" extensions, plugin id {@code null}), grouped by the jar
 * or folder they come from, and named by that jar's {@code Plugin-Id} and {@code Plugin-Version} when it
 * is a plugin jar that a Maven build put on the class path.
 */
final class ClasspathExtensions {
    /** Takes one extension; returns false when its id was provided before. */
    @FunctionalInterface
    interface Sink {
        boolean offer(Object extension, String pluginId, String version, List<String> algorithms, List<String> metrics,
                      List<String> steps);
    }

    private record Origin(Path location, String pluginId, String version) {
    }

    private ClasspathExtensions() {
    }

    static List<PluginStatus> register(PluginManager manager, Sink sink) {
        Map<Origin, List<List<String>>> provided = new LinkedHashMap<>();
        List<PluginStatus> out = new ArrayList<>();
        List<Object> all = new ArrayList<>();
        all.addAll(manager.getExtensions(ClusteringAlgorithm.class, null));
        all.addAll(manager.getExtensions(QualityMetric.class, null));
        all.addAll(manager.getExtensions(Preprocessor.class, null));
        for (Object extension : all) {
            Origin origin = origin(extension.getClass());
            List<List<String>> ids = provided.computeIfAbsent(origin, o -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            try {
                sink.offer(extension, origin.pluginId(), origin.version(), ids.get(0), ids.get(1), ids.get(2));
            } catch (RuntimeException | LinkageError e) {
                out.add(new PluginStatus(origin.pluginId(), origin.version(), Registry.CLASSPATH, origin.location(),
                        "failed while describing " + extension.getClass().getName() + ": " + e, List.of(), List.of(), List.of(), null));
            }
        }
        provided.forEach((o, ids) -> {
            if (!ids.get(0).isEmpty() || !ids.get(1).isEmpty() || !ids.get(2).isEmpty()) {
                out.add(new PluginStatus(o.pluginId(), o.version(), Registry.CLASSPATH, o.location(), null, ids.get(0), ids.get(1),
                        ids.get(2), null));
            }
        });
        return out;
    }

    private static Origin origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        Path location;
        try {
            location = source == null ? Path.of("classpath") : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            location = Path.of("classpath");
        }
        Manifest mf = manifest(location);
        String id = mf == null ? null : mf.getMainAttributes().getValue("Plugin-Id");
        String version = mf == null ? null : mf.getMainAttributes().getValue("Plugin-Version");
        return new Origin(location, id != null ? id : "classpath", version != null ? version : "");
    }

    private static Manifest manifest(Path location) {
        try {
            if (Files.isRegularFile(location)) {
                try (JarFile jar = new JarFile(location.toFile())) {
                    return jar.getManifest();
                }
            }
            Path mf = location.resolve("META-INF/MANIFEST.MF");
            if (Files.isRegularFile(mf)) {
                try (var in = Files.newInputStream(mf)) {
                    return new Manifest(in);
                }
            }
        } catch (IOException e) {
            return null; // an unreadable manifest only costs the plugin's name in provenance
        }
        return null;
    }
}
