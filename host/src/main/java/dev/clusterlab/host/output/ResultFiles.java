package dev.clusterlab.host.output;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.clusterlab.host.data.LabelFiles;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files of one experiment's output folder: {@code results.csv} and {@code results.jsonl} (one row
 * per run, appended as each run finishes), {@code labels/RUN.csv}, each artifact of a run's result as
 * {@code NAME/RUN.csv} ({@link ArtifactFiles}; the run's row in {@code results.jsonl} names their kinds), the resolved
 * {@code experiment.yaml} and {@code provenance.json}. Every write is atomic, so an interrupted experiment leaves only complete
 * rows and files.
 */
public final class ResultFiles {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Path dir;
    private final List<String> metricIds;

    /**
     * @param dir the output folder (created if missing)
     * @param metricIds metric columns, in order
     */
    public ResultFiles(Path dir, List<String> metricIds) {
        this.dir = dir;
        this.metricIds = List.copyOf(metricIds);
        try {
            Files.createDirectories(dir.resolve(LABELS_DIR));
        } catch (java.io.IOException e) {
            throw new dev.clusterlab.api.UserInputException(dir + ": cannot create the output folder: " + e.getMessage(), e);
        }
    }

    /** Folder of the labels, {@code RUN.csv} each; no artifact may take its name. */
    public static final String LABELS_DIR = "labels";

    /** @return the output folder */
    public Path dir() {
        return dir;
    }

    /**
     * Appends the run to both results files and writes its labels.
     *
     * @param r the run
     * @param labels its labels, or {@code null} if it failed
     */
    public void add(RunRecord r, int[] labels) {
        write(r, labels, null);
    }

    /**
     * Appends the run to both results files and writes its labels and every artifact of its result
     * (all before the row, so a recorded run has its files).
     *
     * @param r the run
     * @param result its result, or {@code null} if it failed
     */
    public void addResult(RunRecord r, dev.clusterlab.api.algorithm.ClusteringResult result) {
        write(r, result == null ? null : result.labels(), result);
    }

    private void write(RunRecord r, int[] labels, dev.clusterlab.api.algorithm.ClusteringResult result) {
        if (result != null) {
            result.artifacts().forEach((name, a) -> ArtifactFiles.write(
                    folder(artifactFolder(name)).resolve(r.runId() + ".csv"), a, result.labels()));
        }
        if (labels != null) {
            LabelFiles.write(dir.resolve(LABELS_DIR).resolve(r.runId() + ".csv"), labels);
        }
        Path csv = dir.resolve("results.csv");
        StringBuilder lines = new StringBuilder();
        if (!Files.exists(csv)) {
            lines.append(csvLine(header()));
        }
        lines.append(csvLine(csvRow(r)));
        AtomicFiles.append(csv, lines.toString());
        AtomicFiles.append(dir.resolve("results.jsonl"), JSON.writeValueAsString(jsonRow(r)) + "\n");
    }

    /**
     * @param name an artifact's name
     * @return the folder its files go to: the name, except that an artifact named like the labels
     *     folder goes to {@code artifact_NAME}
     */
    public static String artifactFolder(String name) {
        return name.equals(LABELS_DIR) ? "artifact_" + name : name;
    }

    private Path folder(String name) {
        Path f = dir.resolve(name);
        try {
            Files.createDirectories(f);
        } catch (java.io.IOException e) {
            throw new dev.clusterlab.api.UserInputException(f + ": cannot create the folder: " + e.getMessage(), e);
        }
        return f;
    }

    /**
     * @param name file name inside the folder
     * @param text content, written atomically
     */
    public void writeText(String name, String text) {
        AtomicFiles.write(dir.resolve(name), text);
    }

    /**
     * @param name file name inside the folder
     * @param value written as indented JSON, atomically
     */
    public void writeJson(String name, Object value) {
        AtomicFiles.write(dir.resolve(name), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
    }

    /** @return the per-run provenance of an earlier, interrupted invocation, or an empty map */
    @SuppressWarnings("unchecked")
    public Map<String, Object> previousProvenanceRuns() {
        Path file = dir.resolve("provenance.json");
        if (!Files.exists(file)) {
            return Map.of();
        }
        Map<String, Object> whole = JSON.readValue(file.toFile(), Map.class);
        Object runs = whole.get("runs");
        return runs instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * Run ids already recorded as OK in {@code results.jsonl}; a line cut short by a crash is ignored.
     *
     * @return the ids
     */
    public java.util.Set<String> finishedRuns() {
        dropPartialLastLines();
        dropCsvRowsMissingFromJsonl();
        Path file = dir.resolve("results.jsonl");
        java.util.Set<String> done = new java.util.HashSet<>();
        if (!Files.exists(file)) {
            return done;
        }
        try {
            // Decoded leniently: a crash can cut the last line inside a multi-byte character.
            for (String line : new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Map<?, ?> row = JSON.readValue(line, Map.class);
                    if (RunStatus.OK.name().equals(row.get("status"))) {
                        done.add(String.valueOf(row.get("run_id")));
                    }
                } catch (tools.jackson.core.JacksonException partial) {
                    // the last line of a killed run may be incomplete: that run is simply done again
                }
            }
        } catch (java.io.IOException e) {
            throw new dev.clusterlab.api.UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return done;
    }

    /**
     * A process killed while appending can leave half a line at the end of a results file; before
     * appending again, cut it off at the last complete line so the rows stay whole.
     */
    /**
     * A run's row goes to results.csv first, then to results.jsonl (both under one lock, in the same
     * order). A kill between the two appends leaves a last csv row whose run the jsonl, which decides what
     * is finished, does not know: that run is done again on resume, so its stray csv row is dropped here
     * rather than recorded twice.
     */
    private void dropCsvRowsMissingFromJsonl() {
        Path csv = dir.resolve("results.csv");
        Path jsonl = dir.resolve("results.jsonl");
        if (!Files.exists(csv)) {
            return;
        }
        try {
            List<String> rows = Files.readAllLines(csv, java.nio.charset.StandardCharsets.UTF_8);
            long recorded = !Files.exists(jsonl) ? 0 : new String(Files.readAllBytes(jsonl), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().filter(l -> !l.isBlank()).count();
            if (rows.size() - 1 > recorded) {
                AtomicFiles.write(csv, String.join("\n", rows.subList(0, (int) recorded + 1)) + "\n");
            }
        } catch (java.io.IOException e) {
            throw new dev.clusterlab.api.UserInputException(csv + ": cannot repair: " + e.getMessage(), e);
        }
    }

    private void dropPartialLastLines() {
        for (String name : List.of("results.csv", "results.jsonl")) {
            Path file = dir.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
                    java.nio.file.StandardOpenOption.WRITE)) {
                long size = ch.size();
                long keep = size;
                java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
                while (keep > 0) {
                    one.clear();
                    ch.read(one, keep - 1);
                    if (one.get(0) == '\n') {
                        break;
                    }
                    keep--;
                }
                if (keep < size) {
                    ch.truncate(keep);
                    ch.force(true);
                }
            } catch (java.io.IOException e) {
                throw new dev.clusterlab.api.UserInputException(file + ": cannot repair the last line: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The runs recorded in {@code results.jsonl} by earlier invocations (for the table of a resumed
     * experiment); a line cut short by a crash is skipped.
     *
     * @return the records, in file order
     */
    @SuppressWarnings("unchecked")
    public List<RunRecord> readRecords() {
        Path file = dir.resolve("results.jsonl");
        List<RunRecord> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                Map<String, Object> row;
                try {
                    row = JSON.readValue(line, Map.class);
                } catch (tools.jackson.core.JacksonException partial) {
                    continue;
                }
                Map<String, Double> metrics = new LinkedHashMap<>();
                ((Map<String, Object>) row.getOrDefault("metrics", Map.of())).forEach((k, v) -> metrics.put(k, number(v)));
                out.add(new RunRecord(String.valueOf(row.get("run_id")), String.valueOf(row.get("dataset")),
                        String.valueOf(row.get("algorithm")), String.valueOf(row.get("algorithm_id")),
                        (Map<String, Object>) row.getOrDefault("params", Map.of()), ((Number) row.get("seed")).longValue(),
                        ((Number) row.get("repeat")).intValue(), status(row.get("status")),
                        String.valueOf(row.getOrDefault("message", "")), number(row.get("seconds")),
                        ((Number) row.get("clusters")).intValue(), ((Number) row.get("noise")).intValue(),
                        ((Number) row.get("iterations")).intValue(), number(row.get("objective")), metrics,
                        (Map<String, String>) row.getOrDefault("artifacts", Map.of())));
            }
        } catch (java.io.IOException e) {
            throw new dev.clusterlab.api.UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    private static RunStatus status(Object text) {
        for (RunStatus s : RunStatus.values()) {
            if (s.name().equals(text)) {
                return s;
            }
        }
        return RunStatus.FAILED; // a status this version does not know: not a finished run
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private List<String> header() {
        List<String> h = new ArrayList<>(List.of("run_id", "dataset", "algorithm", "params", "seed", "repeat", "status",
                "seconds", "clusters", "noise", "iterations", "objective"));
        h.addAll(metricIds);
        h.add("message");
        return h;
    }

    private List<String> csvRow(RunRecord r) {
        List<String> row = new ArrayList<>(List.of(r.runId(), r.dataset(), r.algorithm(), r.paramsText(),
                Long.toString(r.seed()), Integer.toString(r.repeat()), r.status().name(), num(r.seconds()),
                Integer.toString(r.clusters()), Integer.toString(r.noise()), Integer.toString(r.iterations()), num(r.objective())));
        for (String m : metricIds) {
            row.add(num(r.metrics().getOrDefault(m, Double.NaN)));
        }
        row.add(r.message());
        return row;
    }

    private Map<String, Object> jsonRow(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", r.runId());
        m.put("dataset", r.dataset());
        m.put("algorithm", r.algorithm());
        m.put("algorithm_id", r.algorithmId());
        m.put("params", r.params());
        m.put("seed", r.seed());
        m.put("repeat", r.repeat());
        m.put("status", r.status().name());
        m.put("seconds", finite(r.seconds()));
        m.put("clusters", r.clusters());
        m.put("noise", r.noise());
        m.put("iterations", r.iterations());
        m.put("objective", finite(r.objective()));
        Map<String, Object> metrics = new LinkedHashMap<>();
        r.metrics().forEach((k, v) -> metrics.put(k, finite(v)));
        m.put("metrics", metrics);
        if (!r.artifacts().isEmpty()) {
            m.put("artifacts", r.artifacts());
        }
        if (!r.message().isEmpty()) {
            m.put("message", r.message());
        }
        return m;
    }

    /** JSON has no NaN: undefined values are written as null. */
    static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String csvLine(List<String> fields) {
        StringWriter w = new StringWriter();
        // CsvWriter buffers: the record reaches the StringWriter only when it is closed.
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w)) {
            csv.writeRecord(fields);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }
}
