package dev.clusterlab.spark.grid;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.experiment.Experiment;
import dev.clusterlab.host.experiment.PlannedRun;
import dev.clusterlab.host.experiment.SaveModels;
import dev.clusterlab.host.output.AtomicFiles;
import dev.clusterlab.host.output.ResultFiles;
import dev.clusterlab.host.output.RunRecord;
import dev.clusterlab.host.output.RunStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** The driver's side of grid mode's output: writes each finished run into the output folder, one progress line each. */
final class RunRecorder {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ResultFiles out;
    private final Experiment e;
    private final int total;
    private final PrintStream log;
    private final Map<String, Object> provenance;
    /** With {@code save_models: best}, every finished run's model, to save the best configuration's. */
    final Map<String, String> models = new LinkedHashMap<>();
    /** The runs recorded by this invocation. */
    final Set<String> ranNow = new HashSet<>();

    /**
     * @param out the output folder's result files
     * @param e the experiment
     * @param total the runs this invocation runs, for the progress lines
     * @param log where the progress lines go
     */
    RunRecorder(ResultFiles out, Experiment e, int total, PrintStream log) {
        this.out = out;
        this.e = e;
        this.total = total;
        this.log = log;
        this.provenance = new LinkedHashMap<>(out.previousProvenanceRuns());
    }

    /** Copies one finished run's files into the output folder; the row goes last, so a recorded run has its files. */
    @SuppressWarnings("unchecked")
    void copy(PlannedRun r, RunFiles f) {
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
        logged(r, JSON.readValue(f.jsonRow(), Map.class));
    }

    /** Records a run whose Spark task failed (given up on by Spark) as FAILED with Spark's reason. */
    void failed(PlannedRun r, Throwable why) {
        RunRecord failed = new RunRecord(r.id(), r.dataset(), r.algorithm().label(), r.algorithm().id(), r.params(), r.seed(), r.repeat(),
                RunStatus.FAILED, ("the Spark task failed: " + rootMessage(why)).replace('\n', ' '), Double.NaN, 0, 0, 0, Double.NaN, Map.of());
        out.add(failed, null);
        logged(r, Map.of("status", failed.status().name(), "message", failed.message()));
    }

    private void logged(PlannedRun r, Map<String, Object> row) {
        ranNow.add(r.id());
        log.printf("[%d/%d] %s  %s  %s%s%n", ranNow.size(), total, r.id(), row.get("status"),
                row.get("seconds") instanceof Number n ? String.format(java.util.Locale.ROOT, "%.3f s", n.doubleValue()) : "",
                row.containsKey("message") ? "  " + row.get("message") : "");
    }

    /** Writes a file of the output folder, creating its folder. */
    static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException ex) {
            throw new UserInputException(file.getParent() + ": cannot create the folder: " + ex.getMessage(), ex);
        }
        AtomicFiles.write(file, text);
    }

    /** @return the innermost cause, as its class and message */
    static String rootMessage(Throwable t) {
        if (t == null) {
            return "no reason given";
        }
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }
}
