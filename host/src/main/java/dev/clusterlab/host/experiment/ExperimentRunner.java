package dev.clusterlab.host.experiment;

import dev.clusterlab.host.pipeline.CategoricalEncoding;
import dev.clusterlab.host.pipeline.FittedStep;
import dev.clusterlab.host.pipeline.Model;
import dev.clusterlab.host.pipeline.Preprocessing;
import dev.clusterlab.host.pipeline.StepSpec;
import dev.clusterlab.api.ApiVersion;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.Provenance;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.host.Cancellation;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.Environment;
import dev.clusterlab.host.Fit;
import dev.clusterlab.host.data.DatasetLoader;
import dev.clusterlab.host.output.ResultFiles;
import dev.clusterlab.host.output.RunRecord;
import dev.clusterlab.host.output.RunStatus;
import dev.clusterlab.host.plugin.Loaded;
import dev.clusterlab.host.plugin.Registry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Executes a run plan: loads every dataset first (a bad file stops the experiment before any run),
 * then fits run after run. A run whose plugin throws, or whose data do not fit its parameters, is
 * recorded as FAILED with the reason and the experiment goes on. Each finished run is appended to the
 * result files at once, so an interruption loses nothing already done.
 */
public final class ExperimentRunner {
    private final ClusterLab lab;
    private final Registry host;
    private final int threads;
    private final PrintStream progress;
    private final int jobs;
    private Map<String, Dataset> tables = Map.of();
    private final Cancellation stop;
    private Map<String, Object> preprocessingSummaries = Map.of();

    /**
     * @param lab the session: plugins, kernels, worker threads
     * @param threads worker threads per fit
     * @param progress where one line per run goes (stderr)
     */
    public ExperimentRunner(ClusterLab lab, int threads, PrintStream progress) {
        this(lab, threads, 1, progress);
    }

    /**
     * @param lab the session: plugins, kernels, worker threads
     * @param threads worker threads per fit
     * @param jobs runs at once
     * @param progress where progress goes (stderr)
     */
    public ExperimentRunner(ClusterLab lab, int threads, int jobs, PrintStream progress) {
        this(lab, threads, jobs, progress, new Cancellation());
    }

    /**
     * @param lab the session: plugins, kernels, worker threads
     * @param threads worker threads per fit
     * @param jobs runs at once
     * @param progress where progress goes (stderr)
     * @param stop cancelled to stop the experiment (Ctrl-C): runs in flight end CANCELLED, the rest do not start
     */
    public ExperimentRunner(ClusterLab lab, int threads, int jobs, PrintStream progress, Cancellation stop) {
        this.stop = stop;
        this.lab = lab;
        this.host = lab.registry();
        this.threads = threads;
        this.jobs = jobs;
        this.progress = progress;
    }

    /**
     * @param e the experiment
     * @param plan its runs
     * @param skip ids of runs already recorded (resume)
     * @param out the result files
     * @return the runs executed now and the loaded datasets
     */
    public Outcome run(Experiment e, List<PlannedRun> plan, Set<String> skip, ResultFiles out) {
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        Map<String, Dataset> tables = new LinkedHashMap<>();
        Map<String, Dataset> raws = new LinkedHashMap<>();
        Map<String, List<FittedStep>> tableSteps = new LinkedHashMap<>();
        Map<String, List<FittedStep>> numericSteps = new LinkedHashMap<>();
        Map<String, Model> models = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Object> preprocessing = new LinkedHashMap<>();
        for (DatasetSpec spec : e.datasets()) {
            List<StepSpec> steps = e.stepsFor(spec.name());
            Dataset raw = DatasetLoader.load(spec, e.seed(), Preprocessing.imputes(steps, host));
            ExecutionContext prepCtx = lab.context(e.seed(), threads, new Cancellation(), null);
            Preprocessing.Result prepared = Preprocessing.fit(raw, steps, host, prepCtx);
            tables.put(spec.name(), prepared.data());
            raws.put(spec.name(), raw);
            tableSteps.put(spec.name(), prepared.steps());
            if (prepared.data().hasCategorical()) {
                // Algorithms that take numbers, every metric and the plots see the one-hot encoding;
                // algorithms that accept categorical columns (k-modes) see the levels.
                prepared = CategoricalEncoding.append(prepared, host, prepCtx);
            }
            // Refused here, before any run, rather than as a FAILED row per run.
            lab.checkRange(prepared.data(), "the algorithms");
            datasets.put(spec.name(), prepared.data());
            numericSteps.put(spec.name(), prepared.steps());
            if (!prepared.steps().isEmpty()) {
                preprocessing.put(spec.name(), prepared.summaries());
            }
        }
        this.tables = tables;
        this.preprocessingSummaries = preprocessing;
        List<PlannedRun> todo = plan.stream().filter(r -> !skip.contains(r.id())).toList();
        ProgressReporter reporter = new ProgressReporter(progress, todo.size(), ProgressReporter.onTerminal());
        // Resumed experiments keep the provenance of the runs recorded before.
        Map<String, Object> provenance = new LinkedHashMap<>(out.previousProvenanceRuns());
        RunRecord[] records = new RunRecord[todo.size()];
        InFlightRuns inFlight = new InFlightRuns(out.dir());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, todo.size())), daemon("clusterlab-run"));
        ExecutorService fits = e.timeoutSeconds() > 0 && e.isolation() != Isolation.PROCESS ? Executors.newCachedThreadPool(daemon("clusterlab-fit")) : null;
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < todo.size(); i++) {
                int slot = i;
                PlannedRun run = todo.get(i);
                pending.add(pool.submit(() -> {
                    if (stop.isCancelled()) {
                        return; // not started: not recorded, so --resume runs it
                    }
                    reporter.started();
                    Loaded<ClusteringAlgorithm> alg = host.loadedAlgorithm(run.algorithm().id()).orElseThrow();
                    inFlight.started(run, alg.pluginId());
                    Dataset data = datasets.get(run.dataset());
                    Dataset table = tables.get(run.dataset());
                    boolean levels = alg.extension().acceptsCategorical();
                    if (isolation(e, alg) == Isolation.THREAD) {
                        warmUp(alg, levels ? table : data, run);
                    }
                    Executed x = execute(e, run, levels ? table : data, data, alg, fits);
                    if (e.saveModels() != SaveModels.NONE && x.fit() != null && x.fit().result().model().isPresent()
                            && x.fit().result().model().get().state().isPresent()) { // DBSCAN's, HDBSCAN's: no saved form
                        try {
                            Model m = Model.of(alg, x.fit(), (levels ? tableSteps : numericSteps).get(run.dataset()), raws.get(run.dataset()));
                            if (e.saveModels() == SaveModels.ALL) {
                                saveModel(out, run.id(), m);
                            } else {
                                models.put(run.id(), m);
                            }
                        } catch (RuntimeException ex) { // a model that cannot be saved costs the file, never the run
                            progress.println("note: the model of run " + run.id() + " is not saved: " + ex.getMessage());
                        }
                    }
                    // One writer at a time: rows and provenance stay whole whatever the number of jobs.
                    synchronized (out) {
                        out.addResult(x.record(), x.result());
                        inFlight.finished(run);
                        if (x.provenance() != null) {
                            provenance.put(run.id(), x.provenance());
                        }
                        out.writeJson("provenance.json", provenance(e, datasets, provenance));
                    }
                    records[slot] = x.record();
                    reporter.finished(run, x.record());
                }));
            }
            for (Future<?> f : pending) {
                waitFor(f);
            }
            inFlight.close();
        } finally {
            pool.shutdownNow();
            if (fits != null) {
                fits.shutdownNow();
            }
        }
        if (todo.isEmpty()) {
            out.writeJson("provenance.json", provenance(e, datasets, provenance));
        }
        return new Outcome(java.util.Arrays.stream(records).filter(java.util.Objects::nonNull).toList(), datasets, tables, models);
    }

    private static void waitFor(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for runs", ex);
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * What an invocation did.
     *
     * @param records the runs executed now, in plan order
     * @param datasets every dataset of the experiment, loaded, as the metrics saw it (numeric)
     * @param tables the same before the host's one-hot encoding (with their categorical columns), for profiles
     * @param models with {@code save_models: best}, the model of every finished run that has one, by run id, to save the best
     */
    public record Outcome(List<RunRecord> records, Map<String, Dataset> datasets, Map<String, Dataset> tables, Map<String, Model> models) {
    }

    /** A finished run: its record, result (labels, reachability, tree) when it succeeded, provenance when it succeeded. */
    private record Executed(RunRecord record, ClusteringResult result, Provenance provenance, Fit fit) {
        Executed(RunRecord record, ClusteringResult result, Provenance provenance) {
            this(record, result, provenance, null);
        }
    }

    /** Algorithm ids already warmed up in this JVM. */
    private final Map<String, Boolean> warmed = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Before an algorithm's first run in this JVM, one untimed fit on at most {@value #WARM_UP_ROWS} rows of
     * the run's data with its parameters, so that the first run's {@code seconds} do not include loading
     * the plugin's classes and the JIT's first compilations (later runs would otherwise look several times
     * faster than the first). Its result is dropped; a failure there is left for the real run to report.
     */
    private void warmUp(Loaded<ClusteringAlgorithm> alg, Dataset data, PlannedRun run) {
        warmed.computeIfAbsent(alg.extension().descriptor().id(), id -> {
            int m = Math.min(data.n(), WARM_UP_ROWS);
            try {
                int[] rows = new int[m];
                for (int i = 0; i < m; i++) {
                    rows[i] = (int) ((long) i * data.n() / m); // evenly spaced: every part of the data
                }
                lab.fit(alg, Stability.subset(data, rows), run.params(), lab.context(run.seed(), threads, stop.child(), null));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError ignored) {
                // the real run reports it
            }
            return true;
        });
    }

    /** The most rows a warm-up fit sees. */
    static final int WARM_UP_ROWS = 1000;

    /**
     * Saves a run's model as {@code models/RUN_ID.json} of the output folder.
     *
     * @param out the result files
     * @param runId the run
     * @param m its model
     * @return the file
     */
    static java.nio.file.Path saveModel(ResultFiles out, String runId, Model m) {
        java.nio.file.Path file = out.dir().resolve("models").resolve(runId + ".json");
        try {
            java.nio.file.Files.createDirectories(file.getParent());
        } catch (java.io.IOException ex) {
            throw new UserInputException(file.getParent() + ": cannot create the models folder: " + ex.getMessage(), ex);
        }
        m.save(file);
        return file;
    }

    /**
     * @param data the rows the algorithm gets
     * @param scored the rows the metrics score (numeric: the one-hot encoding of categorical columns)
     */
    private Executed execute(Experiment e, PlannedRun run, Dataset data, Dataset scored, Loaded<ClusteringAlgorithm> alg,
                             ExecutorService fits) {
        Cancellation cancellation = stop.child();
        ExecutionContext ctx = lab.context(run.seed(), threads, cancellation, null);
        try {
            Fit fit;
            if (isolation(e, alg) == Isolation.PROCESS) {
                ChildProcessFit.Outcome o = ChildProcessFit.fit(lab, alg, data, run, threads, e.timeoutSeconds());
                if (o instanceof ChildProcessFit.Outcome.Failed f) {
                    return new Executed(failed(run, RunStatus.FAILED, f.message()), null, null);
                }
                if (o instanceof ChildProcessFit.Outcome.TimedOut) {
                    return new Executed(failed(run, RunStatus.TIMEOUT, String.format(Locale.ROOT,
                            "did not finish within the timeout of %s s; its child JVM was killed", e.timeoutSeconds())), null, null);
                }
                fit = ((ChildProcessFit.Outcome.Done) o).fit();
            } else {
                fit = fits == null ? lab.fit(alg, data, run.params(), ctx) : withTimeout(e, alg, data, run, ctx, cancellation, fits);
            }
            if (fit == null) {
                return new Executed(failed(run, RunStatus.TIMEOUT, String.format(Locale.ROOT,
                        "did not finish within the timeout of %s s (the fit was asked to stop)", e.timeoutSeconds())), null, null);
            }
            List<String> notes = new ArrayList<>();
            int[] labels = fit.result().labels();
            List<String> measured = e.metrics().stream().filter(id -> !Stability.IDS.contains(id) && !GapStatistic.IDS.contains(id))
                    .toList();
            Map<String, Double> metrics = new java.util.LinkedHashMap<>(lab.metrics(measured, scored, fit.result(), ctx, notes));
            if (e.gap() != null) {
                // Once per configuration (repeat 0), on the rows the algorithm saw.
                GapStatistic.Result g = run.repeat() == 0 ? GapStatistic.of(lab, alg, data, run.params(), labels, e.gap(), ctx) : null;
                metrics.put(GapStatistic.GAP, g == null ? Double.NaN : g.gap());
                metrics.put(GapStatistic.GAP_SD, g == null ? Double.NaN : g.sd());
            }
            if (e.stability() != null) {
                // Once per configuration (repeat 0): refits on subsamples; other repeats show n/a.
                Stability.Result st = run.repeat() == 0 ? Stability.of(lab, alg, data, run.params(), labels, e.stability(), ctx) : null;
                metrics.put(Stability.STABILITY, st == null ? Double.NaN : st.meanAri());
                metrics.put(Stability.JACCARD, st == null ? Double.NaN : st.meanJaccard());
                if (st != null) {
                    notes.add(st.note());
                }
            }
            ClusteringResult result = scored.hasTruth()
                    ? fit.result().withArtifact(ContingencyTable.NAME, ContingencyTable.of(scored, labels)) : fit.result();
            RunRecord rec = new RunRecord(run.id(), run.dataset(), run.algorithm().label(), run.algorithm().id(), run.params(),
                    run.seed(), run.repeat(), RunStatus.OK, String.join("; ", notes), fit.seconds(), fit.result().clusterCount(),
                    fit.result().noiseCount(), fit.result().iterations(), fit.result().objective(), metrics)
                    .withArtifacts(result);
            return new Executed(rec, result, fit.provenance(), fit);
        } catch (dev.clusterlab.api.exec.CancelledException ex) {
            return new Executed(failed(run, stop.isCancelled() ? RunStatus.CANCELLED : RunStatus.FAILED,
                    stop.isCancelled() ? "stopped: " + stop.reason() + " (--resume runs it again)" : ex.getMessage()), null, null);
        } catch (UserInputException ex) {
            return new Executed(failed(run, RunStatus.FAILED, ex.getMessage()), null, null);
        } catch (java.io.IOException ex) {
            return new Executed(failed(run, RunStatus.FAILED, "could not run the child JVM: " + ex.getMessage()), null, null);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Executed(failed(run, RunStatus.FAILED, "interrupted"), null, null);
        } catch (OutOfMemoryError ex) {
            return new Executed(failed(run, RunStatus.FAILED, dev.clusterlab.host.OutOfMemory.message("the run")), null, null);
        } catch (dev.clusterlab.host.PluginFailure ex) {
            return new Executed(failed(run, RunStatus.FAILED, ex.getMessage()), null, null);
        } catch (RuntimeException | StackOverflowError | LinkageError ex) {
            return new Executed(failed(run, RunStatus.FAILED, "plugin " + alg.pluginId() + " threw " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage())), null, null);
        }
    }

    /**
     * Fits on another thread and waits at most the timeout; null when it ran out. Then the run's
     * cancellation token is set, which the fit reads on every thread it runs on (its workers too), and
     * the fitting thread is interrupted as well.
     */
    private Fit withTimeout(Experiment e, Loaded<ClusteringAlgorithm> alg, Dataset data, PlannedRun run,
                            ExecutionContext ctx, Cancellation cancellation, ExecutorService fits) {
        Future<Fit> f = fits.submit(() -> lab.fit(alg, data, run.params(), ctx));
        try {
            return f.get((long) (e.timeoutSeconds() * 1e9), TimeUnit.NANOSECONDS);
        } catch (TimeoutException ex) {
            cancellation.cancel("timeout");
            f.cancel(true);
            return null;
        } catch (InterruptedException ex) {
            cancellation.cancel("interrupted");
            f.cancel(true);
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException ex) {
            Throwable c = ex.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /**
     * Where this run's fit goes. Under {@code auto}, a plugin that did not come with ClusterLab runs in a
     * child JVM, unless {@code in_process} lists it, or there is no command to start a child with (a
     * program that embeds the host without the runner).
     */
    private Isolation isolation(Experiment e, Loaded<ClusteringAlgorithm> alg) {
        Isolation i = e.isolationOf(alg.pluginId(), host.shipped(alg.pluginId()));
        return i == Isolation.PROCESS && e.isolation() == Isolation.AUTO && !ChildProcessFit.available() ? Isolation.THREAD : i;
    }

    private static RunRecord failed(PlannedRun run, RunStatus status, String message) {
        return new RunRecord(run.id(), run.dataset(), run.algorithm().label(), run.algorithm().id(), run.params(),
                run.seed(), run.repeat(), status, message.replace('\n', ' '), Double.NaN, 0, 0, 0, Double.NaN, Map.of());
    }

    private Map<String, Object> provenance(Experiment e, Map<String, Dataset> datasets, Map<String, Object> runs) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("experiment", e.name());
        p.put("clusterlab_api", ApiVersion.current());
        p.put("jvm", Environment.jvm());
        p.put("os", Environment.os());
        p.put("kernels", lab.kernels().description());
        p.put("kernel_choice", lab.kernels().reason());
        p.put("threads", threads);
        List<Map<String, Object>> plugins = new ArrayList<>();
        host.statuses().forEach(s -> plugins.add(Map.of("id", s.id(), "version", s.version(), "state", s.state(),
                "file", s.file().getFileName().toString())));
        p.put("plugins", plugins);
        Map<String, Object> ds = new LinkedHashMap<>();
        datasets.forEach((name, d) -> ds.put(name, Map.of("n", d.n(), "d", d.d(), "fingerprint", d.fingerprint(),
                "has_truth", d.hasTruth())));
        p.put("datasets", ds);
        p.put("preprocessing", preprocessingSummaries);
        p.put("runs", runs);
        return p;
    }

}
