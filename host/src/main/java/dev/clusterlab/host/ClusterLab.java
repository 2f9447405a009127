package dev.clusterlab.host;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.Labels;
import dev.clusterlab.api.algorithm.Provenance;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.metric.QualityMetric;
import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.api.param.Suggestions;
import dev.clusterlab.engine.ChunkedExecutor;
import dev.clusterlab.engine.EngineContext;
import dev.clusterlab.engine.KernelSelection;
import dev.clusterlab.host.experiment.ExperimentFiles;
import dev.clusterlab.host.experiment.ExperimentRun;
import dev.clusterlab.host.pipeline.CategoricalEncoding;
import dev.clusterlab.host.pipeline.Model;
import dev.clusterlab.host.pipeline.PipelineFit;
import dev.clusterlab.host.pipeline.Preprocessing;
import dev.clusterlab.host.pipeline.StepSpec;
import dev.clusterlab.host.pipeline.StepsText;
import dev.clusterlab.host.plugin.Loaded;
import dev.clusterlab.host.plugin.Registry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A ClusterLab session: the one object a Java program, the {@code clusterlab} command, its child JVM
 * and Spark tasks all go through. It owns
 * <ul>
 *   <li>the {@link Registry} of algorithms, metrics and preprocessing steps (plugin folders and the
 *       class path);</li>
 *   <li>the kernel choice ({@code auto}, {@code scalar} or {@code vector}), made once per session;</li>
 *   <li>its own worker threads: each fit runs on the calling thread and {@code threads - 1} helpers
 *       taken from the session's pool, so fits running at once never share helpers;</li>
 *   <li>cancellation and progress, handed to each fit through its {@link ExecutionContext}: a
 *       {@link Cancellation} token is read on whatever thread the fit checks it, worker threads
 *       included.</li>
 * </ul>
 *
 * {@snippet :
 * try (ClusterLab lab = ClusterLab.builder().threads(4).build()) {   // plugins from the class path
 *     Fit fit = lab.fit("kmeans", data, Map.of("k", 3));
 *     int[] labels = fit.labels();
 *     double ari = lab.metric("adjusted_rand", data, labels);
 * }
 * }
 */
public final class ClusterLab implements AutoCloseable {
    private final Registry registry;
    /**
     * Datasets that passed {@link NumericRange} in this session: an experiment's dataset is fitted and
     * scored by many runs and metrics, and is scanned once (by identity; Dataset keeps Object's equals).
     */
    private final java.util.Set<Dataset> rangeChecked = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));
    private final KernelSelection kernels;
    private final int threads;
    private final ProgressListener progress;
    private final ExecutorService helpers;

    private ClusterLab(Builder b) {
        try {
            this.kernels = KernelSelection.select(b.kernels);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--kernels: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new UserInputException("--kernels vector: " + e.getMessage());
        }
        if (b.threads < 1) {
            throw new UserInputException("threads must be >= 1; got " + b.threads);
        }
        this.threads = b.threads;
        this.progress = b.progress;
        this.registry = Registry.open(new Registry.Sources(b.folders, b.classpath));
        // Grows on demand and lets idle threads go: each running fit gets its own threads - 1 helpers.
        this.helpers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "clusterlab-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return a builder: class path only, all cores, automatic kernels */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a session with the builder's defaults */
    public static ClusterLab open() {
        return builder().build();
    }

    /** @return what this session can run */
    public Registry registry() {
        return registry;
    }

    /** @return the worker threads each fit uses by default */
    public int threads() {
        return threads;
    }

    /** @return which kernels this session computes with, and why */
    public KernelChoice kernels() {
        return new KernelChoice(kernels.kernels().implementation(), kernels.kernels().description(), kernels.reason());
    }

    /**
     * A fresh execution context on this session's kernels and threads.
     *
     * @param seed the run's seed
     * @param threads worker threads, at least 1
     * @param cancellation read by {@code cancelled()} on any thread
     * @param listener where the fit's progress goes
     * @return the context
     */
    public ExecutionContext context(long seed, int threads, Cancellation cancellation, ProgressListener listener) {
        Objects.requireNonNull(cancellation, "cancellation");
        return new EngineContext(kernels.kernels(), new ChunkedExecutor(threads, helpers), seed,
                listener == null ? ProgressListener.NONE : listener, cancellation::isCancelled);
    }

    /**
     * @param seed the run's seed
     * @return a context with the session's threads and progress listener, never cancelled
     */
    public ExecutionContext context(long seed) {
        return context(seed, threads, new Cancellation(), progress);
    }

    /**
     * Fits an algorithm by id or alias, seed 0.
     *
     * @param algorithm id or alias (see {@link Registry#algorithms()})
     * @param data the points
     * @param params parameter values by name (numbers, booleans, text: as in YAML or on the command line)
     * @return the fit
     * @throws UserInputException for an unknown algorithm or invalid parameters, naming them
     */
    public Fit fit(String algorithm, Dataset data, Map<String, ?> params) {
        return fit(FitRequest.of(algorithm, params), data);
    }

    /**
     * Fits with typed parameters, seed 0: {@code lab.fit(new KMeansParams(3, ...), data)}. The values are
     * bound and checked against the algorithm's specs exactly as names from YAML are.
     *
     * @param params the typed parameters of one algorithm (a built-in's record, or a plugin's)
     * @param data the points
     * @return the fit
     * @throws UserInputException if the algorithm is not installed or a value is out of range
     */
    public Fit fit(AlgorithmParams params, Dataset data) {
        return fit(FitRequest.of(params), data);
    }

    /**
     * Fits with every option: seed, threads, cancellation, progress.
     *
     * @param request what to fit and how
     * @param data the points
     * @return the fit, with provenance
     * @throws UserInputException for an unknown algorithm or invalid parameters
     * @throws PluginFailure when the plugin throws or breaks the label contract
     * @throws dev.clusterlab.api.exec.CancelledException when cancelled
     */
    public Fit fit(FitRequest request, Dataset data) {
        Loaded<ClusteringAlgorithm> alg = algorithm(request.algorithm());
        int t = request.threads() > 0 ? request.threads() : threads;
        ExecutionContext ctx = context(request.seed(), t, request.cancellation(),
                request.progress() != null ? request.progress() : progress);
        return fit(alg, data, request.params(), ctx);
    }

    /**
     * Binds, fits with the given context, times the fit alone and checks the label contract.
     *
     * @param alg the algorithm with its plugin
     * @param data the points
     * @param raw raw parameter values
     * @param ctx the context (from {@link #context})
     * @return the fit, with provenance
     */
    public Fit fit(Loaded<ClusteringAlgorithm> alg, Dataset data, Map<String, ?> raw, ExecutionContext ctx) {
        ClusteringAlgorithm a = alg.extension();
        if (CategoricalEncoding.needed(data, a)) {
            throw new UserInputException("algorithm " + a.descriptor().id() + " takes numeric columns; " + CategoricalEncoding.columns(data)
                    + " categorical: fit it through a pipeline (which one-hot encodes them) or encode them first with the 'onehot' or 'ordinal' step");
        }
        Params params = ParamBinder.bind(a.descriptor().id(), a.descriptor().params(), raw);
        checkRange(data, "algorithm " + a.descriptor().id());
        long t0 = System.nanoTime();
        ClusteringResult r = PluginFailure.guard(alg.pluginId(), () -> a.fit(data, params, ctx));
        double seconds = (System.nanoTime() - t0) / 1e9;
        String broken = Labels.checkContract(r == null ? null : r.labels(), data.n());
        if (broken != null) {
            throw new PluginFailure(alg.pluginId(), "returned labels that break the contract: " + broken, null);
        }
        return new Fit(r, params, seconds, provenance(alg, params, ctx.seed(), data, ctx.parallel().threads()));
    }

    /**
     * The door every fit and internal metric goes through: refuses values whose squared distances float32
     * cannot hold ({@link NumericRange}), scanning each dataset once per session.
     *
     * @param data the rows about to be fitted or scored
     * @param who who is about to see them, for the message
     * @throws UserInputException naming the value and the cure
     */
    public void checkRange(Dataset data, String who) {
        if (!rangeChecked.contains(data)) {
            NumericRange.check(data, who);
            rangeChecked.add(data);
        }
    }

    /**
     * Fits preprocessing steps and then an algorithm on raw rows, as one pipeline whose
     * {@link PipelineFit#model() model} labels new raw rows the same way.
     *
     * @param steps the preprocessing steps, in order (e.g. from {@link #steps(String)}); empty for none
     * @param request the algorithm and how to fit it
     * @param raw the rows as read
     * @return the fitted pipeline
     * @throws UserInputException for an unknown step or algorithm, invalid parameters, or data a step refuses
     */
    public PipelineFit fit(List<StepSpec> steps, FitRequest request, Dataset raw) {
        Loaded<ClusteringAlgorithm> alg = algorithm(request.algorithm());
        int t = request.threads() > 0 ? request.threads() : threads;
        ExecutionContext ctx = context(request.seed(), t, request.cancellation(),
                request.progress() != null ? request.progress() : progress);
        return fit(steps, alg, raw, request.params(), ctx);
    }

    /**
     * @param steps the preprocessing steps, in order
     * @param alg the algorithm with its plugin
     * @param raw the rows as read
     * @param params raw parameter values of the algorithm
     * @param ctx the context (from {@link #context}), shared by the steps and the fit
     * @return the fitted pipeline
     */
    public PipelineFit fit(List<StepSpec> steps, Loaded<ClusteringAlgorithm> alg, Dataset raw, Map<String, ?> params,
                           ExecutionContext ctx) {
        Preprocessing.Result prep = Preprocessing.fit(raw, steps, registry, ctx);
        if (CategoricalEncoding.needed(prep.data(), alg.extension())) {
            prep = CategoricalEncoding.append(prep, registry, ctx);
        }
        return new PipelineFit(raw, prep, alg, fit(alg, prep.data(), params, ctx));
    }

    /**
     * The rows metrics score: the rows themselves, or their one-hot encoding when they have categorical
     * columns (as every experiment scores them, so that k-modes and k-means are compared on one space).
     *
     * @param data the rows an algorithm clustered
     * @param ctx kernels, threads, seed
     * @return numeric rows, one per input row
     */
    public Dataset scoringView(Dataset data, ExecutionContext ctx) {
        if (!data.hasCategorical()) {
            return data;
        }
        return CategoricalEncoding.append(new Preprocessing.Result(data, List.of()), registry, ctx).data();
    }

    /**
     * @param text steps as {@code impute:median,standardize,pca:n_components=2} ({@link StepsText})
     * @return the steps, checked against the loaded preprocessing plugins
     * @throws UserInputException naming an unknown step or invalid parameter
     */
    public List<StepSpec> steps(String text) {
        return StepsText.parse(text, registry);
    }

    /**
     * Runs an experiment file as {@code clusterlab run FILE --output DIR} does.
     *
     * @param file the experiment (YAML), or {@code null} for the embedded quickstart
     * @param output the output folder for result files and the report (created; must be empty)
     * @return every run and the ranked comparison
     * @throws UserInputException listing the file's mistakes with their locations
     */
    public ExperimentRun.Result runExperiment(java.nio.file.Path file, java.nio.file.Path output) {
        return ExperimentRun.run(this, ExperimentFiles.load(file, registry), ExperimentRun.Options.into(output));
    }

    /**
     * @param file a model file written by {@link Model#save}
     * @return the model, its steps and algorithm restored by the loaded plugins
     * @throws UserInputException naming the file when it cannot be loaded
     */
    public Model loadModel(java.nio.file.Path file) {
        return Model.load(file, registry);
    }

    /**
     * @param alg the algorithm with its plugin
     * @param params the bound parameters
     * @param seed the seed
     * @param data the data fitted
     * @param threads worker threads
     * @return where a result with these inputs comes from
     */
    public Provenance provenance(Loaded<ClusteringAlgorithm> alg, Params params, long seed, Dataset data, int threads) {
        return new Provenance(alg.extension().descriptor().id(), alg.extension().descriptor().version(), alg.pluginId(),
                alg.pluginVersion(), params.asMap(), seed, data.name(), data.fingerprint(), kernels.kernels().description(), threads,
                Environment.jvm());
    }

    /**
     * @param idOrAlias an algorithm id or alias
     * @return the algorithm with its plugin
     * @throws UserInputException naming the unknown id, with a suggestion
     */
    public Loaded<ClusteringAlgorithm> algorithm(String idOrAlias) {
        return registry.loadedAlgorithm(idOrAlias).orElseThrow(() -> new UserInputException(
                "unknown algorithm '" + idOrAlias + "'" + Suggestions.hint(idOrAlias, registry.algorithmNames())
                        + (registry.algorithmNames().isEmpty() ? " (no algorithm plugin is loaded: see 'clusterlab plugins')"
                        : " (available: " + String.join(", ", registry.algorithmNames()) + ")")));
    }

    /**
     * One metric.
     *
     * @param id metric id or alias
     * @param data the data (with ground truth for external metrics)
     * @param labels the labels to score
     * @return the value
     * @throws UserInputException for an unknown metric, or an external one on data without ground truth
     */
    public double metric(String id, Dataset data, int[] labels) {
        Loaded<QualityMetric> m = loadedMetric(id);
        if (m.extension().descriptor().needsGroundTruth() && !data.hasTruth()) {
            throw new UserInputException("metric " + m.extension().descriptor().id() + " compares with ground truth, and dataset '"
                    + data.name() + "' has none");
        }
        if (!m.extension().descriptor().needsGroundTruth()) { // internal metrics measure distances
            checkRange(data, "metric " + m.extension().descriptor().id());
        }
        return PluginFailure.guard(m.pluginId(), () -> m.extension().compute(data, labels, context(0)));
    }

    private Loaded<QualityMetric> loadedMetric(String id) {
        return registry.loadedMetric(id).orElseThrow(() -> new UserInputException("unknown metric '" + id + "'"
                + Suggestions.hint(id, registry.metrics().stream().map(MetricDescriptor::id).toList())));
    }

    /**
     * Several metrics; one that needs ground truth the data lack, or that fails, gives NaN.
     *
     * @param metricIds metric ids
     * @param data the data
     * @param labels the labels to score
     * @param ctx the context
     * @param notes receives one line per metric that failed
     * @return value by metric id, in order
     */
    public Map<String, Double> metrics(List<String> metricIds, Dataset data, int[] labels, ExecutionContext ctx, List<String> notes) {
        return metrics(metricIds, data, ClusteringResult.builder(labels).build(), ctx, notes);
    }

    /**
     * Several metrics and model scores of one fit: a metric is computed from the labels, a model score
     * ({@code bic}) read from the result, NaN where the result has none.
     *
     * @param metricIds metric and model-score ids
     * @param data the data
     * @param result the fit's result
     * @param ctx the context
     * @param notes receives one line per metric that failed
     * @return value by id, in order
     */
    public Map<String, Double> metrics(List<String> metricIds, Dataset data, ClusteringResult result, ExecutionContext ctx,
                                       List<String> notes) {
        Map<String, Double> out = new LinkedHashMap<>();
        int[] labels = result.labels();
        for (String id : metricIds) {
            if (registry.loadedMetric(id).isEmpty() && registry.modelScore(id).isPresent()) {
                var score = result.scores().get(id);
                out.put(id, score == null ? Double.NaN : score.value());
                continue;
            }
            Loaded<QualityMetric> m = loadedMetric(id);
            if (m.extension().descriptor().needsGroundTruth() && !data.hasTruth()) {
                out.put(id, Double.NaN);
                continue;
            }
            try {
                if (!m.extension().descriptor().needsGroundTruth()) { // internal metrics measure distances
                    checkRange(data, "metric " + id);
                }
                out.put(id, m.extension().compute(data, labels, ctx));
            } catch (RuntimeException e) {
                out.put(id, Double.NaN);
                notes.add("metric " + id + " (plugin " + m.pluginId() + ") failed: " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * @param data the data
     * @param labels the labels to score
     * @return every internal metric, and the external ones when the data have ground truth
     */
    public Map<String, Double> metrics(Dataset data, int[] labels) {
        List<String> ids = registry.metrics().stream().filter(m -> data.hasTruth() || !m.needsGroundTruth()).map(MetricDescriptor::id)
                .toList();
        return metrics(ids, data, labels, context(0), new ArrayList<>());
    }

    /** Stops the worker threads and unloads the plugins. */
    @Override
    public void close() {
        helpers.shutdownNow();
        registry.close();
    }

    /** Builds a {@link ClusterLab}. */
    public static final class Builder {
        private final List<Path> folders = new ArrayList<>();
        private boolean classpath = true;
        private String kernels = System.getProperty(KernelSelection.PROPERTY, "auto");
        private int threads = Environment.cores();
        private ProgressListener progress = ProgressListener.NONE;

        private Builder() {
        }

        /**
         * @param folder a PF4J plugins folder to load, after those added before
         * @return this
         */
        public Builder pluginFolder(Path folder) {
            folders.add(folder);
            return this;
        }

        /**
         * @param more plugin folders, in order of precedence
         * @return this
         */
        public Builder pluginFolders(List<Path> more) {
            folders.addAll(more);
            return this;
        }

        /**
         * @param on whether plugin jars on the class path are used (default: yes)
         * @return this
         */
        public Builder classpath(boolean on) {
            this.classpath = on;
            return this;
        }

        /**
         * @param mode {@code auto} (default), {@code scalar} or {@code vector}
         * @return this
         */
        public Builder kernels(String mode) {
            this.kernels = mode;
            return this;
        }

        /**
         * @param n worker threads per fit (default: all cores)
         * @return this
         */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /**
         * @param listener receives every fit's progress unless a request brings its own
         * @return this
         */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @return the session
         * @throws UserInputException for a missing plugin folder, a bad kernel mode or thread count
         */
        public ClusterLab build() {
            return new ClusterLab(this);
        }
    }
}
