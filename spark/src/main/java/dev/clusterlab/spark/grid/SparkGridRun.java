package dev.clusterlab.spark.grid;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.Cancellation;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.experiment.Experiment;
import dev.clusterlab.host.experiment.ExperimentRun;
import dev.clusterlab.host.experiment.ExperimentRunner;
import dev.clusterlab.host.experiment.ExperimentYaml;
import dev.clusterlab.host.experiment.PlannedRun;
import dev.clusterlab.host.experiment.RunPlan;
import dev.clusterlab.host.experiment.SaveModels;
import dev.clusterlab.host.output.AtomicFiles;
import dev.clusterlab.host.output.Comparison;
import dev.clusterlab.host.output.ResultFiles;
import dev.clusterlab.host.output.RunRecord;
import dev.clusterlab.host.output.RunStatus;
import dev.clusterlab.host.report.LabelSource;
import dev.clusterlab.host.report.Report;
import dev.clusterlab.host.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grid mode: an experiment's run matrix as Spark tasks. Each planned run is one Spark job of one task
 * (all submitted at once, so the scheduler keeps every executor core busy), in which
 * {@link ExecutorRuns} fits it through the host's runner; the driver copies what each run wrote into the
 * output folder as its job finishes, so the folder holds exactly the files of a local run (rows in
 * completion order, as a local run with {@code --jobs} above 1 writes them) and an interrupted experiment
 * loses nothing already written. Resume, the resolved {@code experiment.yaml}, {@code provenance.json},
 * the comparison, {@code report.html} and {@code save_models} follow the local run's rules. A task that
 * Spark gives up on (an executor lost more often than {@code spark.task.maxFailures}) is recorded FAILED
 * with Spark's reason; a run whose plugin fails is recorded FAILED by the host, as locally.
 */
public final class SparkGridRun {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SparkGridRun() {
    }

    /**
     * @param spark the session
     * @param lab the driver's session (loads the datasets for the report)
     * @param e the experiment
     * @param baseDir the experiment file's folder
     * @param settings plugin folders, kernels and threads per fit for the tasks ({@code experimentYaml} is filled in here)
     * @param output the output folder
     * @param resume continue the experiment recorded there
     * @param log per-run lines
     * @return as a local run's result
     */
    public static ExperimentRun.Result run(SparkSession spark, ClusterLab lab, Experiment e, Path baseDir, GridSettings settings, Path output,
                                           boolean resume, PrintStream log) {
        ExperimentRun.checkOutputFolder(output, resume);
        // As a local run: one writer per output folder at a time, the check repeated under the lock.
        try (dev.clusterlab.host.output.OutputLock lock = dev.clusterlab.host.output.OutputLock.take(output)) {
            ExperimentRun.checkOutputFolder(output, resume);
            return runLocked(spark, lab, e, baseDir, settings, output, resume, log);
        }
    }

    private static ExperimentRun.Result runLocked(SparkSession spark, ClusterLab lab, Experiment e, Path baseDir, GridSettings settings,
                                                  Path output, boolean resume, PrintStream log) {
        List<PlannedRun> plan = RunPlan.expand(e);
        ResultFiles out = new ResultFiles(output, e.metrics());
        Set<String> done = resume ? out.finishedRuns() : Set.of();
        String yaml = ExperimentYaml.write(e, settings.threads());
        out.writeText("experiment.yaml", yaml);
        GridSettings s = new GridSettings(yaml, baseDir.toAbsolutePath().toString(), settings.pluginFolders(), settings.kernels(),
                settings.threads());
        List<PlannedRun> todo = plan.stream().filter(r -> !done.contains(r.id())).toList();
        log.printf("experiment %s on Spark %s: %d runs (%d already done), %d threads per fit, output %s%n", e.name(),
                spark.sparkContext().master(), plan.size(), done.size(), settings.threads(), output);
        Map<String, Object> provenance = new LinkedHashMap<>(out.previousProvenanceRuns());
        Map<String, String> models = new LinkedHashMap<>();
        Set<String> ranNow = new java.util.HashSet<>();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<PlannedRun, Future<List<RunFiles>>> pending = new LinkedHashMap<>();
        for (PlannedRun r : todo) {
            String id = r.id();
            sc.setJobDescription("clusterlab " + e.name() + ": " + id);
            pending.put(r, sc.parallelize(List.of(id), 1).map(runId -> ExecutorRuns.run(s, runId)).collectAsync());
        }
        int finished = 0;
        while (!pending.isEmpty()) {
            List<PlannedRun> ready = pending.entrySet().stream().filter(x -> x.getValue().isDone()).map(Map.Entry::getKey).toList();
            if (ready.isEmpty()) {
                pause();
                continue;
            }
            for (PlannedRun r : ready) {
                Map<String, Object> row = write(out, e, r, pending.remove(r), provenance, models);
                ranNow.add(r.id());
                log.printf("[%d/%d] %s  %s  %s%s%n", ++finished, todo.size(), r.id(), row.get("status"),
                        row.get("seconds") instanceof Number n ? String.format(java.util.Locale.ROOT, "%.3f s", n.doubleValue()) : "",
                        row.containsKey("message") ? "  " + row.get("message") : "");
            }
        }
        // The host's runner with every run skipped: loads the datasets (for the report) and writes the whole provenance.json.
        Set<String> all = plan.stream().map(PlannedRun::id).collect(Collectors.toSet());
        ExperimentRunner.Outcome loaded = new ExperimentRunner(lab, settings.threads(), 1, new PrintStream(OutputStream.nullOutputStream()),
                new Cancellation()).run(e, plan, all, out);
        List<RunRecord> every = ExperimentRun.inPlanOrder(plan, List.of(), out.readRecords());
        String rankBy = ExperimentRun.rankBy(e);
        boolean higher = ExperimentRun.higherIsBetter(lab.registry(), rankBy);
        Comparison comparison = Comparison.of(every, e.metrics(), rankBy, higher);
        out.writeText("report.html", ReportWriter.html(new Report(e.name(), comparison, loaded.datasets(),
                LabelSource.outputFolder(output), lab.registry()::algorithm, lab.registry()::metric, loaded.tables())));
        List<RunRecord> now = every.stream().filter(r -> ranNow.contains(r.runId())).toList();
        return new ExperimentRun.Result(e, output, every, now.size(), now.stream().filter(r -> !r.ok()).count(), comparison,
                loaded.datasets(), saveBestModels(e, comparison, models, output));
    }

    /** Copies one finished run's files into the output folder; the row goes last, so a recorded run has its files. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> write(ResultFiles out, Experiment e, PlannedRun r, Future<List<RunFiles>> job, Map<String, Object> provenance,
                                   Map<String, String> models) {
        RunFiles f;
        try {
            f = job.get().getFirst();
        } catch (ExecutionException ex) {
            RunRecord failed = new RunRecord(r.id(), r.dataset(), r.algorithm().label(), r.algorithm().id(), r.params(), r.seed(), r.repeat(),
                    RunStatus.FAILED, ("the Spark task failed: " + rootMessage(ex)).replace('\n', ' '), Double.NaN, 0, 0, 0, Double.NaN, Map.of());
            out.add(failed, null);
            return Map.of("status", failed.status().name(), "message", failed.message());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark", ex);
        }
        f.files().forEach((rel, text) -> {
            boolean model = rel.equals(RunFiles.modelPath(r.id()));
            if (model && e.saveModels() == SaveModels.BEST) {
                models.put(r.id(), text); // only the best configuration's is saved, once the comparison is known
            } else {
                writeFile(out.dir().resolve(rel), text);
            }
        });
        Path csv = out.dir().resolve("results.csv");
        AtomicFiles.append(csv, (Files.exists(csv) ? "" : f.csvHeader()) + f.csvRow());
        AtomicFiles.append(out.dir().resolve("results.jsonl"), f.jsonRow());
        if (f.provenanceJson() != null) {
            provenance.put(r.id(), JSON.readValue(f.provenanceJson(), Map.class));
            out.writeJson("provenance.json", Map.of("runs", provenance));
        }
        return JSON.readValue(f.jsonRow(), Map.class);
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException ex) {
            throw new UserInputException(file.getParent() + ": cannot create the folder: " + ex.getMessage(), ex);
        }
        AtomicFiles.write(file, text);
    }

    /** As a local run with {@code save_models: best}: the first finished run of each dataset's best configuration that has a model. */
    private static Map<String, Path> saveBestModels(Experiment e, Comparison comparison, Map<String, String> models, Path output) {
        Map<String, Path> saved = new LinkedHashMap<>();
        if (e.saveModels() == SaveModels.ALL) {
            try (Stream<Path> files = Files.exists(output.resolve("models")) ? Files.list(output.resolve("models")) : Stream.empty()) {
                files.sorted().forEach(f -> saved.put(f.getFileName().toString().replaceFirst("\\.json$", ""), f));
            } catch (IOException ex) {
                throw new UserInputException(output.resolve("models") + ": cannot list: " + ex.getMessage(), ex);
            }
        } else if (e.saveModels() == SaveModels.BEST) {
            comparison.configs().forEach((dataset, configs) -> configs.stream().filter(c -> c.best()).findFirst()
                    .flatMap(best -> best.runs().stream().filter(RunRecord::ok).map(RunRecord::runId).filter(models::containsKey).findFirst())
                    .ifPresent(runId -> {
                        Path file = output.resolve(RunFiles.modelPath(runId));
                        writeFile(file, models.get(runId));
                        saved.put(dataset, file);
                    }));
        }
        return saved;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark", ex);
        }
    }
}
