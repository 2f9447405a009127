package dev.clusterlab.spark.grid;

import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.experiment.DatasetSpec;
import dev.clusterlab.host.experiment.Experiment;
import dev.clusterlab.host.experiment.ExperimentParser;
import dev.clusterlab.host.experiment.ExperimentRunner;
import dev.clusterlab.host.experiment.PlannedRun;
import dev.clusterlab.host.experiment.RunPlan;
import dev.clusterlab.host.output.ResultFiles;
import dev.clusterlab.host.pipeline.Model;
import dev.clusterlab.host.yaml.YamlReader;
import dev.clusterlab.spark.JdkCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executor's side of grid mode: one ClusterLab session, parsed experiment and host
 * {@link ExperimentRunner} per JVM and experiment (so plugins load and each algorithm warms up once per
 * executor, as in a local run), and {@link #run} for one planned run. A run goes through the host's own
 * runner with every other run skipped, into a scratch folder; what the host wrote there comes back as
 * {@link RunFiles}. So a run on Spark is fitted, measured and written by exactly the code of a local run.
 * The host's runner loads and preprocesses every dataset of the experiment it is given, on every call:
 * each run goes to it with an experiment that holds only the run's own dataset.
 */
public final class ExecutorRuns {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<GridSettings, Prepared> PREPARED = new ConcurrentHashMap<>();

    private ExecutorRuns() {
    }

    /**
     * @param experiment the whole experiment (the run ids, seeds and parameters come from its plan)
     * @param byDataset the same experiment with one dataset, by dataset name: what a run of that dataset is given
     */
    private record Prepared(ClusterLab lab, Experiment experiment, Map<String, Experiment> byDataset, List<PlannedRun> plan,
                            ExperimentRunner runner) {
    }

    /**
     * Prepares this JVM's runner for {@code s} on a background thread, for a driver that is its own
     * executor ({@code local[N]}): plugins load and the experiment is parsed while Spark starts, not in the
     * first tasks. The tasks wait for it (or, if they come first, prepare it themselves, once).
     *
     * @param s the settings the tasks will have
     */
    public static void prepareAhead(GridSettings s) {
        // A thread of its own inherits the caller's context class loader (spark-submit's, with the user's jars).
        Thread t = new Thread(() -> {
            try {
                PREPARED.computeIfAbsent(s, ExecutorRuns::prepare);
            } catch (RuntimeException ignored) {
                // the first task prepares it again and fails with the reason
            }
        }, "clusterlab-prepare");
        t.setDaemon(true);
        t.start();
    }

    /**
     * @param s the experiment and where its plugins are
     * @param runId the run
     * @return the files the host wrote for it
     */
    public static RunFiles run(GridSettings s, String runId) throws IOException {
        Prepared p = PREPARED.computeIfAbsent(s, ExecutorRuns::prepare);
        PlannedRun run = p.plan().stream().filter(r -> r.id().equals(runId)).findFirst().orElseThrow(() -> new IllegalStateException("run "
                + runId + " is not in the experiment as this executor reads it; are the driver and the executors on the same ClusterLab"
                + " and plugin versions?"));
        Set<String> others = p.plan().stream().map(PlannedRun::id).filter(id -> !id.equals(runId)).collect(Collectors.toSet());
        Path scratch = Files.createTempDirectory("clusterlab-run-");
        try {
            ResultFiles out = new ResultFiles(scratch, p.experiment().metrics());
            ExperimentRunner.Outcome o = p.runner().run(p.byDataset().get(run.dataset()), p.plan(), others, out);
            Model best = o.models().get(runId);
            if (best != null) { // save_models: best keeps models in memory; the driver picks the best
                Files.createDirectories(scratch.resolve("models"));
                best.save(scratch.resolve(RunFiles.modelPath(runId)));
            }
            return collect(scratch, runId);
        } finally {
            delete(scratch);
        }
    }

    private static Prepared prepare(GridSettings s) {
        JdkCheck.require();
        ClusterLab.Builder b = ClusterLab.builder().kernels(s.kernels()).threads(s.threads());
        s.pluginFolders().stream().map(Path::of).filter(Files::isDirectory).forEach(b::pluginFolder);
        ClusterLab lab = b.build();
        Experiment e = ExperimentParser.parse(YamlReader.read("experiment.yaml", new StringReader(s.experimentYaml())),
                Path.of(s.baseDir()), "experiment", lab.registry());
        ExperimentRunner runner = new ExperimentRunner(lab, s.threads(), 1, new PrintStream(OutputStream.nullOutputStream()));
        Map<String, Experiment> byDataset = new LinkedHashMap<>();
        for (DatasetSpec d : e.datasets()) {
            byDataset.put(d.name(), new Experiment(e.name(), e.seed(), e.repeats(), e.threads(), List.of(d), e.algorithms(), e.metrics(), e.rankBy(),
                    e.preprocessing(), e.timeoutSeconds(), e.isolation(), e.saveModels(), e.stability(), e.gap(), e.inProcess()));
        }
        return new Prepared(lab, e, byDataset, RunPlan.expand(e), runner);
    }

    @SuppressWarnings("unchecked")
    private static RunFiles collect(Path scratch, String runId) throws IOException {
        String csv = Files.readString(scratch.resolve("results.csv"));
        int header = csv.indexOf('\n') + 1;
        String jsonRow = Files.readString(scratch.resolve("results.jsonl"));
        Map<String, Object> row = JSON.readValue(jsonRow, Map.class);
        Map<String, Object> prov = JSON.readValue(scratch.resolve("provenance.json").toFile(), Map.class);
        Object runProv = ((Map<String, Object>) prov.getOrDefault("runs", Map.of())).get(runId);
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(scratch)) {
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                String rel = scratch.relativize(f).toString().replace('\\', '/');
                if (rel.contains("/")) { // labels/, artifacts' folders, models/: the top-level files are written by the driver
                    files.put(rel, Files.readString(f));
                }
            }
        }
        return new RunFiles(runId, csv.substring(0, header), csv.substring(header), jsonRow, String.valueOf(row.get("status")),
                runProv == null ? null : JSON.writeValueAsString(runProv), files);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

}
