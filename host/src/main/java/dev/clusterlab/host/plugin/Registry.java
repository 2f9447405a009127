package dev.clusterlab.host.plugin;

import dev.clusterlab.api.ApiVersion;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.metric.QualityMetric;
import dev.clusterlab.api.preprocess.Preprocessor;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
import dev.clusterlab.host.experiment.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * The PF4J host: loads every plugin file of a folder, exactly the same way for ClusterLab's own plugins
 * and a third party's, and resolves all extensions once, up front (the plugin manager is not
 * thread-safe). A plugin that fails to load, requires another api version, or throws while describing
 * itself is recorded with the reason and left out; the others work.
 */
public final class PluginHost implements Catalog, AutoCloseable {
    private final PluginManager manager;
    private final Map<String, Loaded<ClusteringAlgorithm>> algorithms = new LinkedHashMap<>();
    private final Map<String, AlgorithmDescriptor> algorithmDescriptors = new LinkedHashMap<>();
    private final Map<String, String> algorithmAliases = new LinkedHashMap<>();
    private final Map<String, Loaded<QualityMetric>> metrics = new LinkedHashMap<>();
    private final Map<String, MetricDescriptor> metricDescriptors = new LinkedHashMap<>();
    private final Map<String, String> metricAliases = new LinkedHashMap<>();
    private final Map<String, Loaded<Preprocessor>> preprocessors = new LinkedHashMap<>();
    private final Map<String, PreprocessorDescriptor> preprocessorDescriptors = new LinkedHashMap<>();
    private final Map<String, String> preprocessorAliases = new LinkedHashMap<>();
    private final List<PluginStatus> statuses = new ArrayList<>();

    private final Path dir;

    private PluginHost(Path dir) {
        this.dir = dir;
        this.manager = new DefaultPluginManager(dir);
        // With the default 0.0.0, PF4J skips the Plugin-Requires check entirely.
        manager.setSystemVersion(ApiVersion.current());
        manager.loadPlugins();
        manager.startPlugins();
        for (PluginWrapper w : manager.getPlugins()) {
            statuses.add(inspect(w));
        }
        for (Path file : unloadedFiles(dir)) {
            statuses.add(new PluginStatus(file.getFileName().toString(), "", "NOT LOADED", file, whyNotLoaded(file), List.of(), List.of(),
                    List.of()));
        }
    }

    /**
     * @param dir the plugins folder
     * @return the host with every loadable plugin started
     * @throws UserInputException if the folder does not exist
     */
    public static PluginHost open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("plugins directory " + dir + " does not exist; set it with --plugins DIR or CLUSTERLAB_PLUGINS");
        }
        return new PluginHost(dir.toAbsolutePath().normalize());
    }

    private PluginStatus inspect(PluginWrapper w) {
        PluginDescriptor d = w.getDescriptor();
        String problem = null;
        if (!w.getPluginState().isStarted()) {
            // The version check first: PF4J's own message for it ("Plugin validation failed") says less.
            problem = requiresProblem(d).orElse(w.getFailedException() != null ? String.valueOf(w.getFailedException().getMessage())
                    : "plugin is " + w.getPluginState());
        }
        List<String> algIds = new ArrayList<>();
        List<String> metricIds = new ArrayList<>();
        List<String> stepIds = new ArrayList<>();
        if (problem == null) {
            try {
                for (ClusteringAlgorithm a : manager.getExtensions(ClusteringAlgorithm.class, w.getPluginId())) {
                    AlgorithmDescriptor desc = a.descriptor();
                    if (register(algorithmDescriptors, algorithmAliases, desc.id(), desc.aliases(), desc)) {
                        algorithms.put(desc.id(), new Loaded<>(a, w.getPluginId(), d.getVersion()));
                        algIds.add(desc.id());
                    }
                }
                for (QualityMetric m : manager.getExtensions(QualityMetric.class, w.getPluginId())) {
                    MetricDescriptor desc = m.descriptor();
                    if (register(metricDescriptors, metricAliases, desc.id(), desc.aliases(), desc)) {
                        metrics.put(desc.id(), new Loaded<>(m, w.getPluginId(), d.getVersion()));
                        metricIds.add(desc.id());
                    }
                }
                for (Preprocessor p : manager.getExtensions(Preprocessor.class, w.getPluginId())) {
                    PreprocessorDescriptor desc = p.descriptor();
                    if (register(preprocessorDescriptors, preprocessorAliases, desc.id(), desc.aliases(), desc)) {
                        preprocessors.put(desc.id(), new Loaded<>(p, w.getPluginId(), d.getVersion()));
                        stepIds.add(desc.id());
                    }
                }
                if (algIds.isEmpty() && metricIds.isEmpty() && stepIds.isEmpty()) {
                    problem = "started but provides no algorithm or metric (is PF4J's annotation processor configured?)";
                }
            } catch (RuntimeException | LinkageError e) {
                problem = "failed while describing its extensions: " + e;
                algIds.forEach(id -> forget(algorithms, algorithmDescriptors, algorithmAliases, id));
                metricIds.forEach(id -> forget(metrics, metricDescriptors, metricAliases, id));
                stepIds.forEach(id -> forget(preprocessors, preprocessorDescriptors, preprocessorAliases, id));
                algIds.clear();
                metricIds.clear();
                stepIds.clear();
            }
        }
        return new PluginStatus(w.getPluginId(), d.getVersion(), problem == null ? "STARTED" : w.getPluginState().toString(),
                w.getPluginPath(), problem, algIds, metricIds, stepIds);
    }

    private static <D> boolean register(Map<String, D> descriptors, Map<String, String> aliases, String id, List<String> more, D desc) {
        if (descriptors.containsKey(id) || aliases.containsKey(id)) {
            return false; // first plugin wins; the second is reported by its empty list
        }
        descriptors.put(id, desc);
        aliases.put(id, id);
        for (String alias : more) {
            aliases.putIfAbsent(alias, id);
        }
        return true;
    }

    private static <T, D> void forget(Map<String, T> loaded, Map<String, D> descriptors, Map<String, String> aliases, String id) {
        loaded.remove(id);
        descriptors.remove(id);
        aliases.values().removeIf(id::equals);
    }

    private Optional<String> requiresProblem(PluginDescriptor d) {
        String requires = d.getRequires();
        if (requires == null || requires.isBlank() || "*".equals(requires.trim())) {
            return Optional.empty();
        }
        boolean fits = manager.getVersionManager().checkVersionConstraint(ApiVersion.current(), requires);
        return fits ? Optional.empty()
                : Optional.of("requires ClusterLab api " + requires + " but this host provides " + ApiVersion.current());
    }

    private List<Path> unloadedFiles(Path dir) {
        List<Path> loaded = manager.getPlugins().stream().map(w -> w.getPluginPath().toAbsolutePath().normalize()).toList();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar") || f.toString().endsWith(".zip"))
                    .map(f -> f.toAbsolutePath().normalize())
                    .filter(f -> !loaded.contains(f) && !loaded.contains(Path.of(f.toString().replaceFirst("\\.zip$", ""))))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UserInputException("cannot list plugins directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String whyNotLoaded(Path file) {
        try {
            PluginDescriptor d = new ManifestPluginDescriptorFinder().find(file);
            return "PF4J refused plugin '" + d.getPluginId() + "' (a duplicate id, or a class that failed to load)";
        } catch (RuntimeException e) {
            return "not a PF4J plugin file: " + e.getMessage();
        }
    }

    /** @return the plugins folder */
    public Path directory() {
        return dir;
    }

    /** @return what happened to each plugin file */
    public List<PluginStatus> statuses() {
        return List.copyOf(statuses);
    }

    /**
     * @param idOrAlias algorithm id or alias
     * @return the algorithm with its plugin
     */
    public Optional<Loaded<ClusteringAlgorithm>> loadedAlgorithm(String idOrAlias) {
        return Optional.ofNullable(algorithmAliases.get(idOrAlias)).map(algorithms::get);
    }

    /**
     * @param idOrAlias metric id or alias
     * @return the metric with its plugin
     */
    public Optional<Loaded<QualityMetric>> loadedMetric(String idOrAlias) {
        return Optional.ofNullable(metricAliases.get(idOrAlias)).map(metrics::get);
    }

    @Override
    public Optional<AlgorithmDescriptor> algorithm(String idOrAlias) {
        return Optional.ofNullable(algorithmAliases.get(idOrAlias)).map(algorithmDescriptors::get);
    }

    @Override
    public List<String> algorithmNames() {
        return List.copyOf(algorithmAliases.keySet());
    }

    /** @return every algorithm descriptor, in load order */
    public List<AlgorithmDescriptor> algorithms() {
        return algorithmDescriptors.values().stream().sorted(java.util.Comparator.comparing(AlgorithmDescriptor::id)).toList();
    }

    @Override
    public Optional<MetricDescriptor> metric(String idOrAlias) {
        return Optional.ofNullable(metricAliases.get(idOrAlias)).map(metricDescriptors::get);
    }

    /** Internal metrics first, then external ones, each by id: a stable order whatever the plugin folder lists first. */
    @Override
    public List<MetricDescriptor> metrics() {
        return metricDescriptors.values().stream()
                .sorted(java.util.Comparator.comparing(MetricDescriptor::needsGroundTruth).thenComparing(MetricDescriptor::id))
                .toList();
    }

    /**
     * @param idOrAlias preprocessing step id or alias
     * @return the step with its plugin
     */
    public Optional<Loaded<Preprocessor>> loadedPreprocessor(String idOrAlias) {
        return Optional.ofNullable(preprocessorAliases.get(idOrAlias)).map(preprocessors::get);
    }

    @Override
    public Optional<PreprocessorDescriptor> preprocessor(String idOrAlias) {
        return Optional.ofNullable(preprocessorAliases.get(idOrAlias)).map(preprocessorDescriptors::get);
    }

    @Override
    public List<String> preprocessorNames() {
        return List.copyOf(preprocessorAliases.keySet());
    }

    /** @return every preprocessing step descriptor, in load order */
    public List<PreprocessorDescriptor> preprocessors() {
        return preprocessorDescriptors.values().stream().sorted(java.util.Comparator.comparing(PreprocessorDescriptor::id)).toList();
    }

    @Override
    public void close() {
        // unloadPlugins rather than stopPlugins: the latter can throw ConcurrentModificationException (pf4j #656).
        manager.unloadPlugins();
    }
}
