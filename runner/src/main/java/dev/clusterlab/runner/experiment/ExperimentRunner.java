package dev.clusterlab.runner.experiment;

import dev.clusterlab.api.ApiVersion;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.Provenance;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.engine.KernelSelection;
import dev.clusterlab.runner.data.DatasetLoader;
import dev.clusterlab.runner.output.ResultFiles;
import dev.clusterlab.runner.output.RunRecord;
import dev.clusterlab.runner.plugin.Loaded;
import dev.clusterlab.runner.plugin.PluginHost;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Executes a run plan: loads every dataset first (a bad file stops the experiment before any run),
 * then fits run after run. A run whose plugin throws, or whose data do not fit its parameters, is
 * recorded as FAILED with the reason and the experiment goes on. Each finished run is appended to the
 * result files at once, so an interruption loses nothing already done.
 */
public final class ExperimentRunner {
    private final PluginHost host;
    private final int threads;
    private final PrintStream progress;
    private Map<String, Object> preprocessingSummaries = Map.of();

    /**
     * @param host loaded plugins
     * @param threads worker threads per fit
     * @param progress where one line per run goes (stderr)
     */
    public ExperimentRunner(PluginHost host, int threads, PrintStream progress) {
        this.host = host;
        this.threads = threads;
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
        Map<String, Object> preprocessing = new LinkedHashMap<>();
        for (DatasetSpec spec : e.datasets()) {
            List<StepSpec> steps = e.stepsFor(spec.name());
            Dataset raw = DatasetLoader.load(spec, e.seed(), Preprocessing.imputes(steps, host));
            Preprocessing.Result prepared = Preprocessing.apply(raw, steps, host, Fitting.context(threads, e.seed()));
            datasets.put(spec.name(), prepared.data());
            if (!steps.isEmpty()) {
                preprocessing.put(spec.name(), prepared.summaries());
            }
        }
        this.preprocessingSummaries = preprocessing;
        List<RunRecord> records = new ArrayList<>();
        // Resumed experiments keep the provenance of the runs recorded before.
        Map<String, Object> provenance = new LinkedHashMap<>(out.previousProvenanceRuns());
        for (PlannedRun run : plan) {
            if (skip.contains(run.id())) {
                continue;
            }
            Dataset data = datasets.get(run.dataset());
            Loaded<ClusteringAlgorithm> alg = host.loadedAlgorithm(run.algorithm().id()).orElseThrow();
            RunRecord rec = execute(e, run, data, alg, out, provenance);
            records.add(rec);
            out.writeJson("provenance.json", provenance(e, datasets, provenance));
            progress.printf(Locale.ROOT, "[%d/%d] %s  %s %s  seed %d  %s%s%n", run.index(), plan.size(), run.dataset(),
                    run.algorithm().label(), run.paramsText(), run.seed(), rec.status(),
                    RunRecord.OK.equals(rec.status()) ? String.format(Locale.ROOT, "  %.3f s", rec.seconds()) : ": " + rec.message());
        }
        if (records.isEmpty()) {
            out.writeJson("provenance.json", provenance(e, datasets, provenance));
        }
        return new Outcome(records, datasets);
    }

    /**
     * What an invocation did.
     *
     * @param records the runs executed now, in plan order
     * @param datasets every dataset of the experiment, loaded
     */
    public record Outcome(List<RunRecord> records, Map<String, Dataset> datasets) {
    }

    private RunRecord execute(Experiment e, PlannedRun run, Dataset data, Loaded<ClusteringAlgorithm> alg, ResultFiles out,
                              Map<String, Object> provenance) {
        ExecutionContext ctx = Fitting.context(threads, run.seed());
        try {
            Fitting.Timed fit = Fitting.fit(alg, data, run.params(), ctx);
            List<String> notes = new ArrayList<>();
            int[] labels = fit.result().labels();
            Map<String, Double> metrics = Fitting.metrics(host, e.metrics(), data, labels, ctx, notes);
            RunRecord rec = new RunRecord(run.id(), run.dataset(), run.algorithm().label(), run.algorithm().id(), run.params(),
                    run.seed(), run.repeat(), RunRecord.OK, String.join("; ", notes), fit.seconds(), fit.result().clusterCount(),
                    fit.result().noiseCount(), fit.result().iterations(), fit.result().objective(), metrics);
            out.add(rec, labels);
            provenance.put(run.id(), new Provenance(alg.extension().descriptor().id(), alg.extension().descriptor().version(),
                    alg.pluginId(), alg.pluginVersion(), fit.params().asMap(), run.seed(), data.name(), data.fingerprint(),
                    KernelSelection.current().kernels().description(), threads, jvm()));
            return rec;
        } catch (UserInputException ex) {
            return failed(run, out, ex.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError ex) {
            return failed(run, out, "plugin " + alg.pluginId() + " threw " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
        }
    }

    private static RunRecord failed(PlannedRun run, ResultFiles out, String message) {
        RunRecord rec = new RunRecord(run.id(), run.dataset(), run.algorithm().label(), run.algorithm().id(), run.params(),
                run.seed(), run.repeat(), RunRecord.FAILED, message.replace('\n', ' '), Double.NaN, 0, 0, 0, Double.NaN, Map.of());
        out.add(rec, null);
        return rec;
    }

    private Map<String, Object> provenance(Experiment e, Map<String, Dataset> datasets, Map<String, Object> runs) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("experiment", e.name());
        p.put("clusterlab_api", ApiVersion.current());
        p.put("jvm", jvm());
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        p.put("kernels", KernelSelection.current().kernels().description());
        p.put("kernel_choice", KernelSelection.current().reason());
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

    static String jvm() {
        return System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
    }
}
