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
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DependencyResolver;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

/**
 * Every algorithm, metric and preprocessing step this process can use, found in two places and
 * resolved once, up front (PF4J's plugin manager is not thread-safe):
 * <ul>
 *   <li>PF4J plugin folders, several of them, in order: ClusterLab's own plugins are loaded from a folder
 *       exactly the way a third party's are;</li>
 *   <li>the class path: a plugin jar that a Maven build put there (for example
 *       {@code clusterlab-plugin-kmeans}) is found through its {@code META-INF/extensions.idx}, so a Java
 *       program gets k-means without any plugin folder.</li>
 * </ul>
 * The first provider of an id wins: folders first, in the order given, then the class path. A plugin
 * that fails to load, requires another api version, needs a plugin that is not there (its
 * {@code Plugin-Dependencies}), or throws while describing itself is recorded with the reason and left
 * out; the others work. A plugin id found again in a later folder is recorded as
 * {@code DUPLICATE} and not loaded twice.
 */
public final class Registry implements Catalog, AutoCloseable {
    /** The state of a plugin file whose id an earlier folder already provided. */
    public static final String DUPLICATE = "DUPLICATE";
    /** The state of extensions found on the class path rather than in a plugin folder. */
    public static final String CLASSPATH = "CLASSPATH";

    private final FoldersOnlyPluginManager manager;
    private final ExtensionTable<ClusteringAlgorithm, AlgorithmDescriptor> algorithms = new ExtensionTable<>();
    private final ExtensionTable<QualityMetric, MetricDescriptor> metrics = new ExtensionTable<>();
    private final ExtensionTable<Preprocessor, PreprocessorDescriptor> preprocessors = new ExtensionTable<>();
    private final List<PluginStatus> statuses = new ArrayList<>();

    private final List<Path> folders;

    /**
     * Where to look.
     *
     * @param folders plugin folders, in order of precedence; each must exist
     * @param classpath whether to take extensions from the class path too
     */
    public record Sources(List<Path> folders, boolean classpath) {
        /** Copies the list. */
        public Sources {
            folders = List.copyOf(folders);
        }

        /** @return the class path only, for Java programs that depend on plugin artifacts */
        public static Sources classpathOnly() {
            return new Sources(List.of(), true);
        }
    }

    private Registry(List<Path> folders, boolean classpath) {
        this.folders = folders;
        this.manager = new FoldersOnlyPluginManager(folders);
        // With the default 0.0.0, PF4J skips the Plugin-Requires check entirely.
        manager.setSystemVersion(ApiVersion.current());
        if (!folders.isEmpty()) { // PF4J refuses to load from no folder at all; the class path needs no loading
            manager.loadPlugins();
            manager.startPlugins();
        }
        // A fixed order, ClusterLab's own plugins first: PF4J's is a hash order, in which a third party's
        // extension could take a built-in id (kmeans) from one start to the next.
        List<PluginWrapper> ordered = new ArrayList<>(manager.getPlugins());
        ordered.sort(java.util.Comparator.comparing((PluginWrapper w) -> !OWN_PROVIDER.equals(w.getDescriptor().getProvider()))
                .thenComparing(PluginWrapper::getPluginId));
        for (PluginWrapper w : ordered) {
            statuses.add(inspect(w));
        }
        for (Path dir : folders) {
            for (Path file : unloadedFiles(dir)) {
                statuses.add(notLoaded(file));
            }
        }
        if (classpath) {
            statuses.addAll(ClasspathExtensions.register(manager, this::offer));
        }
    }

    /**
     * PF4J falls back to {@code ./plugins} when given no folder, and its repositories refuse an empty list;
     * a library user who gave no folder means none, so PF4J gets an empty folder of its own (and is never
     * asked to load from it).
     */
    private static final class FoldersOnlyPluginManager extends DefaultPluginManager {
        /** Why a plugin was unloaded before starting, by plugin id: a dependency it names is missing or of another version. */
        final Map<String, String> leftOut = new LinkedHashMap<>();

        FoldersOnlyPluginManager(List<Path> roots) {
            super(roots.isEmpty() ? List.of(EmptyFolder.PATH) : roots);
            // PF4J reads disabled.txt from its first folder only; here every folder's counts.
            Set<String> disabled = new java.util.HashSet<>();
            for (Path root : roots) {
                disabled.addAll(DisabledPlugins.read(root));
            }
            pluginStatusProvider = new PluginStatusProvider() {
                @Override
                public boolean isPluginDisabled(String pluginId) {
                    return disabled.contains(pluginId);
                }

                @Override
                public void disablePlugin(String pluginId) {
                    disabled.add(pluginId);
                }

                @Override
                public void enablePlugin(String pluginId) {
                    disabled.remove(pluginId);
                }
            };
        }

        /**
         * PF4J refuses to start any plugin when one plugin's {@code Plugin-Dependencies} are missing or of
         * another version; here the plugins that need them are unloaded with the reason, and the rest resolve.
         */
        @Override
        protected void resolvePlugins() {
            for (int round = 0; ; round++) {
                try {
                    super.resolvePlugins();
                    return;
                } catch (DependencyResolver.DependenciesNotFoundException e) {
                    Set<String> missing = Set.copyOf(e.getDependencies());
                    boolean unloaded = false;
                    for (PluginWrapper w : List.copyOf(getPlugins())) {
                        List<String> needs = w.getDescriptor().getDependencies().stream().filter(dep -> !dep.isOptional())
                                .map(PluginDependency::getPluginId).filter(missing::contains).toList();
                        if (!needs.isEmpty()) {
                            leave(w.getPluginId(), "needs plugin " + String.join(", ", needs.stream().map(id -> "'" + id + "'").toList())
                                    + " (its Plugin-Dependencies), which no plugin folder provides; install "
                                    + (needs.size() == 1 ? "it" : "them") + " in a plugins folder");
                            unloaded = true;
                        }
                    }
                    if (!unloaded || round > getPlugins().size()) {
                        throw e;
                    }
                } catch (DependencyResolver.DependenciesWrongVersionException e) {
                    for (DependencyResolver.WrongDependencyVersion v : e.getDependencies()) {
                        leave(v.getDependentId(), "needs plugin '" + v.getDependencyId() + "' " + v.getRequiredVersion()
                                + " (its Plugin-Dependencies) but version " + v.getExistingVersion() + " is installed");
                    }
                    if (round > getPlugins().size()) {
                        throw e;
                    }
                }
            }
        }

        /** @return whether a disabled.txt turns this plugin off (PF4J also disables plugins for another api) */
        boolean disabledByUser(String pluginId) {
            return pluginStatusProvider.isPluginDisabled(pluginId);
        }

        private void leave(String pluginId, String reason) {
            leftOut.putIfAbsent(pluginId, reason);
            if (getPlugin(pluginId) != null) {
                unloadPlugin(pluginId, false);
            }
        }
    }

    /** Made on first use, removed when the JVM exits. */
    private static final class EmptyFolder {
        static final Path PATH = create();

        private static Path create() {
            try {
                Path p = Files.createTempDirectory("clusterlab-no-plugins");
                p.toFile().deleteOnExit();
                return p;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot create an empty temporary folder for PF4J", e);
            }
        }
    }

    /**
     * @param dir one plugins folder
     * @return the registry of that folder alone (no class path)
     * @throws UserInputException if the folder does not exist
     */
    public static Registry open(Path dir) {
        return open(new Sources(List.of(dir), false));
    }

    /**
     * @param sources folders and whether to use the class path
     * @return the registry with every loadable plugin started
     * @throws UserInputException if a folder does not exist
     */
    public static Registry open(Sources sources) {
        List<Path> dirs = new ArrayList<>();
        for (Path dir : sources.folders()) {
            if (!Files.isDirectory(dir)) {
                throw new UserInputException("plugins folder " + dir + " does not exist; set the folders with --plugins DIR or "
                        + "CLUSTERLAB_PLUGINS (':'-separated)");
            }
            Path abs = dir.toAbsolutePath().normalize();
            if (!dirs.contains(abs)) {
                dirs.add(abs);
            }
        }
        return new Registry(List.copyOf(dirs), sources.classpath());
    }

    /** Registers one extension offered from the class path; false when its id is taken already. */
    private boolean offer(Object extension, String pluginId, String version, List<String> algIds, List<String> metricIds,
                          List<String> stepIds) {
        return switch (extension) {
            case ClusteringAlgorithm a -> add(a.descriptor(), a, pluginId, version, algIds);
            case QualityMetric m -> add(m.descriptor(), m, pluginId, version, metricIds);
            case Preprocessor p -> add(p.descriptor(), p, pluginId, version, stepIds);
            default -> false;
        };
    }

    private boolean add(AlgorithmDescriptor desc, ClusteringAlgorithm a, String pluginId, String version, List<String> ids) {
        return add(algorithms, desc.id(), desc.aliases(), desc, a, pluginId, version, ids);
    }

    private boolean add(MetricDescriptor desc, QualityMetric m, String pluginId, String version, List<String> ids) {
        return add(metrics, desc.id(), desc.aliases(), desc, m, pluginId, version, ids);
    }

    private boolean add(PreprocessorDescriptor desc, Preprocessor p, String pluginId, String version, List<String> ids) {
        return add(preprocessors, desc.id(), desc.aliases(), desc, p, pluginId, version, ids);
    }

    private static <T, D> boolean add(ExtensionTable<T, D> table, String id, List<String> aliases, D desc, T extension,
                                      String pluginId, String version, List<String> ids) {
        if (!table.add(id, aliases, desc, new Loaded<>(extension, pluginId, version))) {
            return false;
        }
        ids.add(id);
        return true;
    }

    private PluginStatus notLoaded(Path file) {
        try {
            PluginDescriptor d = new ManifestPluginDescriptorFinder().find(file);
            PluginWrapper first = manager.getPlugin(d.getPluginId());
            String dependencyProblem = manager.leftOut.get(d.getPluginId());
            if (first == null && dependencyProblem != null) {
                return new PluginStatus(d.getPluginId(), d.getVersion(), "FAILED", file, dependencyProblem, List.of(), List.of(),
                        List.of(), null);
            }
            if (first != null) {
                return new PluginStatus(d.getPluginId(), d.getVersion(), DUPLICATE, file, null, List.of(), List.of(), List.of(),
                        "the same plugin id is loaded from " + first.getPluginPath());
            }
            return new PluginStatus(d.getPluginId(), d.getVersion(), "NOT LOADED", file,
                    "PF4J refused plugin '" + d.getPluginId() + "' (a class that failed to load)", List.of(), List.of(), List.of(), null);
        } catch (RuntimeException e) {
            return new PluginStatus(file.getFileName().toString(), "", "NOT LOADED", file, "not a PF4J plugin file: " + e.getMessage(),
                    List.of(), List.of(), List.of(), null);
        }
    }

    private PluginStatus inspect(PluginWrapper w) {
        PluginDescriptor d = w.getDescriptor();
        String problem = null;
        // PF4J also disables a plugin whose Plugin-Requires this api does not satisfy: only a disabled.txt entry is the user's.
        if (w.getPluginState() == PluginState.DISABLED && manager.disabledByUser(w.getPluginId())
                && requiresProblem(d).isEmpty()) {
            return new PluginStatus(w.getPluginId(), d.getVersion(), "DISABLED", w.getPluginPath(), null, List.of(), List.of(), List.of(),
                    "disabled in " + DisabledPlugins.FILE + " ('clusterlab plugins enable " + w.getPluginId() + "' turns it on)");
        }
        if (!w.getPluginState().isStarted()) {
            // The version check first: PF4J's own message for it ("Plugin validation failed") says less.
            problem = requiresProblem(d).orElse(w.getFailedException() != null ? String.valueOf(w.getFailedException().getMessage())
                    : "plugin is " + w.getPluginState());
        }
        List<String> algIds = new ArrayList<>();
        List<String> metricIds = new ArrayList<>();
        List<String> stepIds = new ArrayList<>();
        String note = null;
        if (problem == null) {
            try {
                List<String> taken = new ArrayList<>(); // ids another plugin registered first, with their holder
                for (ClusteringAlgorithm a : manager.getExtensions(ClusteringAlgorithm.class, w.getPluginId())) {
                    if (!add(a.descriptor(), a, w.getPluginId(), d.getVersion(), algIds)) {
                        taken.add(takenBy("algorithm", a.descriptor().id(), algorithms));
                    }
                }
                for (QualityMetric m : manager.getExtensions(QualityMetric.class, w.getPluginId())) {
                    if (!add(m.descriptor(), m, w.getPluginId(), d.getVersion(), metricIds)) {
                        taken.add(takenBy("metric", m.descriptor().id(), metrics));
                    }
                }
                for (Preprocessor p : manager.getExtensions(Preprocessor.class, w.getPluginId())) {
                    if (!add(p.descriptor(), p, w.getPluginId(), d.getVersion(), stepIds)) {
                        taken.add(takenBy("preprocessing step", p.descriptor().id(), preprocessors));
                    }
                }
                if (algIds.isEmpty() && metricIds.isEmpty() && stepIds.isEmpty()) {
                    problem = !taken.isEmpty() ? "provides only ids that are taken: " + String.join("; ", taken)
                            + " (give its extensions ids of their own)"
                            : "started but provides no algorithm or metric (is PF4J's annotation processor configured?)";
                } else if (!taken.isEmpty()) {
                    note = "ids taken already: " + String.join("; ", taken);
                }
            } catch (RuntimeException | LinkageError e) {
                problem = "failed while describing its extensions: " + e;
                algIds.forEach(algorithms::forget);
                metricIds.forEach(metrics::forget);
                stepIds.forEach(preprocessors::forget);
                algIds.clear();
                metricIds.clear();
                stepIds.clear();
            }
        }
        return new PluginStatus(w.getPluginId(), d.getVersion(), problem == null ? "STARTED" : w.getPluginState().toString(),
                w.getPluginPath(), problem, algIds, metricIds, stepIds, note);
    }

    private static String takenBy(String kind, String id, ExtensionTable<?, ?> table) {
        return kind + " '" + id + "' by plugin " + table.loaded(id).map(l -> l.pluginId() + " " + l.pluginVersion()).orElse("(unknown)");
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

    @Override
    public List<dev.clusterlab.api.param.ParamViolation> check(String algorithmId, Map<String, Object> point) {
        Optional<Loaded<ClusteringAlgorithm>> a = loadedAlgorithm(algorithmId);
        if (a.isEmpty()) {
            return List.of();
        }
        ClusteringAlgorithm alg = a.get().extension();
        dev.clusterlab.api.param.Params bound = dev.clusterlab.api.param.ParamBinder.bind(alg.descriptor().id(), alg.descriptor().params(), point);
        return dev.clusterlab.host.PluginFailure.guard(a.get().pluginId(), () -> alg.validate(bound));
    }

    /** The provider that ClusterLab's own plugins name in their manifest. */
    public static final String OWN_PROVIDER = "ClusterLab";

    /**
     * Whether a plugin came with ClusterLab: its manifest names ClusterLab as its provider (the
     * built-in plugins; the template and the guide have a third party name itself), or it is on the
     * class path, where the program that embeds the host put it. Any other plugin is a third party's,
     * whose fits experiments run in a child JVM unless {@code in_process} lists it. This guards
     * against a plugin's mistakes (a {@code System.exit}, a crash), not against a plugin that lies.
     *
     * @param pluginId a plugin id
     * @return whether it is trusted to run in this JVM by default
     */
    public boolean shipped(String pluginId) {
        Optional<PluginStatus> st = statuses.stream().filter(x -> x.id().equals(pluginId)).findFirst();
        if (st.isPresent() && CLASSPATH.equals(st.get().state())) {
            return true;
        }
        PluginWrapper w = manager.getPlugin(pluginId);
        return w != null && OWN_PROVIDER.equals(w.getDescriptor().getProvider());
    }

    /** @return the plugin folders, in order of precedence */
    public List<Path> folders() {
        return folders;
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
        return algorithms.loaded(idOrAlias);
    }

    /**
     * @param idOrAlias metric id or alias
     * @return the metric with its plugin
     */
    public Optional<Loaded<QualityMetric>> loadedMetric(String idOrAlias) {
        return metrics.loaded(idOrAlias);
    }

    @Override
    public Optional<AlgorithmDescriptor> algorithm(String idOrAlias) {
        return algorithms.descriptor(idOrAlias);
    }

    @Override
    public List<String> algorithmNames() {
        return algorithms.names();
    }

    /** @return every algorithm descriptor, in load order */
    public List<AlgorithmDescriptor> algorithms() {
        return algorithms.descriptors(java.util.Comparator.comparing(AlgorithmDescriptor::id));
    }

    @Override
    public Optional<MetricDescriptor> metric(String idOrAlias) {
        return metrics.descriptor(idOrAlias);
    }

    @Override
    public Optional<MetricDescriptor> modelScore(String id) {
        return modelScores().stream().filter(m -> m.id().equals(id) || m.aliases().contains(id)).findFirst();
    }

    @Override
    public List<MetricDescriptor> modelScores() {
        Map<String, MetricDescriptor> byId = new java.util.TreeMap<>();
        algorithms.all().forEach(a -> a.extension().modelScores().forEach(m -> byId.putIfAbsent(m.id(), m)));
        return List.copyOf(byId.values());
    }

    /** Internal metrics first, then external ones, each by id: a stable order whatever the plugin folder lists first. */
    @Override
    public List<MetricDescriptor> metrics() {
        return metrics.descriptors(java.util.Comparator.comparing(MetricDescriptor::needsGroundTruth).thenComparing(MetricDescriptor::id));
    }

    /**
     * @param idOrAlias preprocessing step id or alias
     * @return the step with its plugin
     */
    public Optional<Loaded<Preprocessor>> loadedPreprocessor(String idOrAlias) {
        return preprocessors.loaded(idOrAlias);
    }

    @Override
    public Optional<PreprocessorDescriptor> preprocessor(String idOrAlias) {
        return preprocessors.descriptor(idOrAlias);
    }

    @Override
    public List<String> preprocessorNames() {
        return preprocessors.names();
    }

    /** @return every preprocessing step descriptor, in load order */
    public List<PreprocessorDescriptor> preprocessors() {
        return preprocessors.descriptors(java.util.Comparator.comparing(PreprocessorDescriptor::id));
    }

    @Override
    public void close() {
        // unloadPlugins rather than stopPlugins: the latter can throw ConcurrentModificationException (pf4j #656).
        manager.unloadPlugins();
    }
}
