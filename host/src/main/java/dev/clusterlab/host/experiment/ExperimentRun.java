package dev.clusterlab.host.experiment;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.Cancellation;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.output.Comparison;
import dev.clusterlab.host.output.OutputLock;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A whole experiment, as {@code clusterlab run} does it and a Java program can: every planned run,
 * the result files and the report in an output folder, and the comparison back as objects.
 *
 * {@snippet :
 * Experiment e = ExperimentFiles.load(Path.of("exp.yaml"), lab.registry());
 * ExperimentRun.Result r = ExperimentRun.run(lab, e, ExperimentRun.Options.into(Path.of("out")));
 * ConfigSummary best = r.comparison().best("iris").orElseThrow();
 * }
 */
public final class ExperimentRun {
    private ExperimentRun() {
    }

    /**
     * How to run.
     *
     * @param output the output folder (created; must be empty unless resuming)
     * @param resume continue the experiment recorded there, skipping its finished runs
     * @param threads threads per fit, or 0 for the experiment's {@code threads:} or else all cores
     * @param jobs runs at once, or 0 for cores / threads (at least 1)
     * @param log where per-run progress lines go
     */
    public record Options(Path output, boolean resume, int threads, int jobs, PrintStream log, Cancellation stop) {
        /** Options that nothing stops. */
        public Options(Path output, boolean resume, int threads, int jobs, PrintStream log) {
            this(output, resume, threads, jobs, log, new Cancellation());
        }

        /**
         * @param output the output folder
         * @return options for a fresh run there, default threads and jobs, no log
         */
        public static Options into(Path output) {
            return new Options(output, false, 0, 0, new PrintStream(OutputStream.nullOutputStream()));
        }
    }

    /**
     * What the experiment gave.
     *
     * @param experiment the experiment as run
     * @param output its output folder
     * @param runs every recorded run (earlier invocations' too when resuming), in plan order
     * @param ran how many runs this invocation did
     * @param failed how many of those did not end OK
     * @param comparison the runs ranked per dataset
     * @param datasets the datasets the algorithms saw, by name
     * @param models the model files saved in this invocation, by dataset for {@code save_models: best}, by run id for {@code all}
     */
    public record Result(Experiment experiment, Path output, List<RunRecord> runs, int ran, long failed, Comparison comparison,
                         Map<String, Dataset> datasets, Map<String, Path> models) {
    }

    /**
     * @param lab the session (plugins, kernels)
     * @param e the experiment
     * @param o how to run it
     * @return the runs and their comparison; {@code report.html} and the result files are in the output folder
     * @throws UserInputException when the output folder cannot be used
     */
    public static Result run(ClusterLab lab, Experiment e, Options o) {
        int threads = o.threads() > 0 ? o.threads() : e.threads() > 0 ? e.threads() : Runtime.getRuntime().availableProcessors();
        int jobs = o.jobs() > 0 ? o.jobs() : Math.max(1, Runtime.getRuntime().availableProcessors() / threads);
        boolean fresh = !o.resume() && !Files.exists(o.output());
        checkOutputFolder(o.output(), o.resume());
        // Held until everything is written; the check is repeated under it, as another run may have started in between.
        try (OutputLock lock = OutputLock.take(o.output())) {
            checkOutputFolder(o.output(), o.resume());
            return runLocked(lab, e, o, threads, jobs, fresh);
        } catch (UserInputException ex) {
            // A refused run leaves no folder that would block the corrected rerun; a folder with a recorded run is kept.
            if (fresh && !Files.exists(o.output().resolve("results.csv")) && !Files.exists(o.output().resolve("results.jsonl"))) {
                removeQuietly(o.output());
            }
            throw ex;
        }
    }

    private static Result runLocked(ClusterLab lab, Experiment e, Options o, int threads, int jobs, boolean fresh) {
        List<PlannedRun> plan = RunPlan.expand(e);
        ResultFiles out = new ResultFiles(o.output(), e.metrics());
        Set<String> done = o.resume() ? out.finishedRuns() : Set.of();
        out.writeText("experiment.yaml", ExperimentYaml.write(e, threads));
        o.log().printf("experiment %s: %d runs (%d already done), %d threads, output %s%n", e.name(), plan.size(), done.size(),
                threads, o.output());
        List<RunRecord> earlier = o.resume() ? out.readRecords() : List.of();
        ExperimentRunner.Outcome outcome;
        try {
            outcome = new ExperimentRunner(lab, threads, jobs, o.log(), o.stop()).run(e, plan, done, out);
        } catch (UserInputException ex) {
            // Refused before any run (a bad cell in a dataset): the caller removes a folder this run created.
            throw ex;
        }
        List<RunRecord> all = inPlanOrder(plan, earlier, outcome.records());
        String rankBy = rankBy(e);
        boolean higher = higherIsBetter(lab.registry(), rankBy);
        Comparison comparison = Comparison.of(all, e.metrics(), rankBy, higher);
        out.writeText("report.html", ReportWriter.html(new Report(e.name(), comparison, outcome.datasets(),
                LabelSource.outputFolder(o.output()), lab.registry()::algorithm, lab.registry()::metric, outcome.tables())));
        long failed = outcome.records().stream().filter(r -> !r.ok()).count();
        return new Result(e, o.output(), all, outcome.records().size(), failed, comparison, outcome.datasets(),
                savedModels(e, comparison, outcome, out, o.output(), o.log()));
    }

    /**
     * With {@code save_models: best}, saves the model of the first finished run of each dataset's best
     * configuration that has one (a resumed experiment: among the runs of this invocation).
     */
    private static Map<String, Path> savedModels(Experiment e, Comparison comparison, ExperimentRunner.Outcome outcome, ResultFiles out,
                                                 Path dir, java.io.PrintStream log) {
        Map<String, Path> saved = new LinkedHashMap<>();
        if (e.saveModels() == SaveModels.ALL) {
            outcome.records().forEach(r -> {
                Path f = dir.resolve("models").resolve(r.runId() + ".json");
                if (java.nio.file.Files.isRegularFile(f)) {
                    saved.put(r.runId(), f);
                }
            });
        } else if (e.saveModels() == SaveModels.BEST) {
            comparison.configs().forEach((dataset, configs) -> configs.stream().filter(c -> c.best()).findFirst()
                    .flatMap(best -> best.runs().stream().filter(RunRecord::ok).map(RunRecord::runId)
                            .filter(outcome.models()::containsKey).findFirst())
                    .ifPresent(runId -> {
                        try {
                            saved.put(dataset, ExperimentRunner.saveModel(out, runId, outcome.models().get(runId)));
                        } catch (RuntimeException ex) { // the results stand; only the model file is missing
                            log.println("note: the best model of " + dataset + " (run " + runId + ") is not saved: " + ex.getMessage());
                        }
                    }));
        }
        return saved;
    }

    /**
     * @param e an experiment
     * @return its ranking metric: {@code rank_by}, else silhouette when measured, else the first metric
     */
    public static String rankBy(Experiment e) {
        return rankBy(e.rankBy(), e.metrics());
    }

    /**
     * @param explicit the file's {@code rank_by}, or {@code null}
     * @param metrics the measured columns, in order
     * @return {@code explicit}, else silhouette when measured, else the first metric, else {@code null}
     */
    public static String rankBy(String explicit, List<String> metrics) {
        if (explicit != null) {
            return explicit;
        }
        if (metrics.contains("silhouette")) {
            return "silhouette";
        }
        return metrics.isEmpty() ? null : metrics.getFirst();
    }

    /**
     * @param registry the plugins
     * @param rankBy a ranking column, or {@code null}
     * @return whether higher ranks first: as the metric or model score says, true when unknown
     */
    public static boolean higherIsBetter(dev.clusterlab.host.plugin.Registry registry, String rankBy) {
        return rankBy == null || registry.metric(rankBy).or(() -> registry.modelScore(rankBy)).map(m -> m.higherIsBetter()).orElse(true);
    }

    /** Runs recorded earlier (resume) and now, one per run id (the newest), in plan order. */
    public static List<RunRecord> inPlanOrder(List<PlannedRun> plan, List<RunRecord> earlier, List<RunRecord> now) {
        Map<String, RunRecord> byId = new LinkedHashMap<>();
        earlier.forEach(r -> byId.put(r.runId(), r));
        now.forEach(r -> byId.put(r.runId(), r));
        List<RunRecord> out = new ArrayList<>();
        for (PlannedRun p : plan) {
            RunRecord r = byId.get(p.id());
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * @param dir an output folder
     * @param resume whether the experiment recorded there continues
     * @throws UserInputException when it is not a folder, or not empty (but for the lock) without resume
     */
    public static void checkOutputFolder(Path dir, boolean resume) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("--output " + dir + ": exists and is not a folder");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.anyMatch(f -> !f.getFileName().toString().equals(OutputLock.NAME)) && !resume) {
                throw new UserInputException("--output " + dir + ": the folder is not empty; choose another folder, or add --resume"
                        + " to continue the experiment recorded there");
            }
        } catch (IOException ex) {
            throw new UserInputException("--output " + dir + ": cannot read: " + ex.getMessage(), ex);
        }
    }

    /** Deletes a folder this invocation created and filled with nothing but its first files. */
    private static void removeQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException ignored) {
            // best effort: the error the user sees is the dataset's
        }
    }
}
