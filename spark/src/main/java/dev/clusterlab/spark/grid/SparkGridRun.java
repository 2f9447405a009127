package dev.clusterlab.spark.grid;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.Cancellation;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.experiment.Experiment;
import dev.clusterlab.host.experiment.ExperimentRun;
import dev.clusterlab.host.experiment.ExperimentRunner;
import dev.clusterlab.host.experiment.PlannedRun;
import dev.clusterlab.host.experiment.RunPlan;
import dev.clusterlab.host.experiment.SaveModels;
import dev.clusterlab.host.output.Comparison;
import dev.clusterlab.host.output.ResultFiles;
import dev.clusterlab.host.output.RunRecord;
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
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Grid mode: an experiment's run matrix as Spark tasks. The runs still to do are one Spark job of one
 * task per run ({@link GridJob}), in which {@link ExecutorRuns} fits each through the host's runner; the
 * driver copies what each run wrote into the output folder as its task finishes, so the folder holds
 * exactly the files of a local run (rows in completion order, as a local run with {@code --jobs} above 1
 * writes them) and an interrupted experiment loses nothing already written. Resume, the resolved
 * {@code experiment.yaml}, {@code provenance.json}, the comparison, {@code report.html} and
 * {@code save_models} follow the local run's rules. A task that Spark gives up on (failed more often than
 * {@code spark.task.maxFailures}) ends that job: the runs it had not finished then go one job each, so the
 * failing run is recorded FAILED with Spark's reason and the rest go on; a run whose plugin fails is
 * recorded FAILED by the host, as locally.
 */
public final class SparkGridRun {
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
        return run(spark.sparkContext(), lab, e, baseDir, settings, output, resume, log);
    }

    /**
     * @param spark the context (grid mode needs no SQL session)
     * @param lab the driver's session (loads the datasets for the report)
     * @param e the experiment
     * @param baseDir the experiment file's folder
     * @param settings plugin folders, kernels and threads per fit for the tasks ({@code experimentYaml} is filled in here)
     * @param output the output folder
     * @param resume continue the experiment recorded there
     * @param log per-run lines
     * @return as a local run's result
     */
    public static ExperimentRun.Result run(SparkContext spark, ClusterLab lab, Experiment e, Path baseDir, GridSettings settings, Path output,
                                           boolean resume, PrintStream log) {
        ExperimentRun.checkOutputFolder(output, resume);
        // As a local run: one writer per output folder at a time, the check repeated under the lock.
        try (dev.clusterlab.host.output.OutputLock lock = dev.clusterlab.host.output.OutputLock.take(output)) {
            ExperimentRun.checkOutputFolder(output, resume);
            return runLocked(spark, lab, e, baseDir, settings, output, resume, log);
        }
    }

    private static ExperimentRun.Result runLocked(SparkContext spark, ClusterLab lab, Experiment e, Path baseDir, GridSettings settings,
                                                  Path output, boolean resume, PrintStream log) {
        List<PlannedRun> plan = RunPlan.expand(e);
        ResultFiles out = new ResultFiles(output, e.metrics());
        Set<String> done = resume ? out.finishedRuns() : Set.of();
        GridSettings s = settings.of(e, baseDir);
        out.writeText("experiment.yaml", s.experimentYaml());
        List<PlannedRun> todo = plan.stream().filter(r -> !done.contains(r.id())).toList();
        log.printf("experiment %s on Spark %s: %d runs (%d already done), %d threads per fit, output %s%n", e.name(),
                spark.master(), plan.size(), done.size(), settings.threads(), output);
        RunRecorder rec = new RunRecorder(out, e, todo.size(), log);
        Map<String, PlannedRun> waiting = new LinkedHashMap<>();
        todo.forEach(r -> waiting.put(r.id(), r));
        if (!waiting.isEmpty()) {
            Throwable stopped = oneJob(spark, e, s, waiting, rec);
            if (!waiting.isEmpty()) {
                log.printf("the Spark job ended early (%s); the %d runs it had not finished go one job each%n", RunRecorder.rootMessage(stopped),
                        waiting.size());
                jobEach(spark, e, s, waiting, rec);
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
        List<RunRecord> now = every.stream().filter(r -> rec.ranNow.contains(r.runId())).toList();
        return new ExperimentRun.Result(e, output, every, now.size(), now.stream().filter(r -> !r.ok()).count(), comparison,
                loaded.datasets(), saveBestModels(e, comparison, rec.models, output));
    }

    /**
     * The runs in {@code waiting} as one job; each is recorded and taken out as its task finishes.
     *
     * @return why the job ended with runs left in {@code waiting}, or {@code null}
     */
    private static Throwable oneJob(SparkContext spark, Experiment e, GridSettings s, Map<String, PlannedRun> waiting, RunRecorder rec) {
        spark.setJobDescription("clusterlab " + e.name() + ": " + waiting.size() + " runs");
        GridJob job = new GridJob(spark, s, List.copyOf(waiting.keySet()));
        try {
            while (!waiting.isEmpty() && !job.over()) {
                List<RunFiles> finished = job.next(50);
                for (RunFiles f : finished == null ? List.<RunFiles>of() : finished) {
                    rec.copy(waiting.remove(f.runId()), f);
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark", ex);
        } finally {
            if (!waiting.isEmpty()) {
                job.cancel(); // a failure here, or the job aborted: nothing of it is wanted any more
            }
        }
        return waiting.isEmpty() ? null : job.failure();
    }

    /** The runs in {@code waiting} one job each (after {@link #oneJob} was aborted): a task Spark gives up on fails only its run. */
    private static void jobEach(SparkContext spark, Experiment e, GridSettings s, Map<String, PlannedRun> waiting, RunRecorder rec) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark);
        Map<PlannedRun, Future<List<RunFiles>>> pending = new LinkedHashMap<>();
        for (PlannedRun r : waiting.values()) {
            sc.setJobDescription("clusterlab " + e.name() + ": " + r.id());
            pending.put(r, sc.parallelize(List.of(r.id()), 1).map(runId -> ExecutorRuns.run(s, runId)).collectAsync());
        }
        while (!pending.isEmpty()) {
            List<PlannedRun> ready = pending.entrySet().stream().filter(x -> x.getValue().isDone()).map(Map.Entry::getKey).toList();
            if (ready.isEmpty()) {
                pause();
            }
            for (PlannedRun r : ready) {
                try {
                    rec.copy(r, pending.remove(r).get().getFirst());
                } catch (ExecutionException ex) {
                    rec.failed(r, ex);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Spark", ex);
                }
                waiting.remove(r.id());
            }
        }
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
                        RunRecorder.writeFile(file, models.get(runId));
                        saved.put(dataset, file);
                    }));
        }
        return saved;
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
