package dev.clusterlab.host.experiment;

import dev.clusterlab.host.output.RunRecord;
import dev.clusterlab.host.output.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * A marker file per run in flight ({@value #FOLDER}/RUN.json in the output folder), written when the
 * run starts and removed once its row is recorded. A JVM that ended in the middle (a plugin's
 * {@code System.exit} or {@code Runtime.halt}, a kill) leaves the markers of exactly the runs it was
 * doing, with their plugin, so that {@link AfterCrash} can record them as FAILED under its name.
 */
public final class InFlightRuns {
    /** The markers' folder in the output folder. */
    public static final String FOLDER = "in-flight";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    /** @param output the experiment's output folder */
    public InFlightRuns(Path output) {
        this.dir = output.resolve(FOLDER);
    }

    /** Marks a run as started by a plugin. */
    void started(PlannedRun run, String pluginId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run.id());
        m.put("plugin", pluginId);
        m.put("dataset", run.dataset());
        m.put("label", run.algorithm().label());
        m.put("algorithm", run.algorithm().id());
        m.put("params", run.params());
        m.put("seed", run.seed());
        m.put("repeat", run.repeat());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(run.id() + ".json"), JSON.writeValueAsString(m));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the marker of a run whose row is recorded. */
    void finished(PlannedRun run) {
        try {
            Files.deleteIfExists(dir.resolve(run.id() + ".json"));
        } catch (IOException ignored) {
            // a marker left behind only makes AfterCrash look for a row that is there
        }
    }

    /** Removes the markers' folder once no run is in flight (it is empty then). */
    public void close() {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException notEmpty) {
            // a run's marker is still there: AfterCrash or --resume will deal with it
        }
    }

    /** One run in flight when the JVM ended, as its marker says. */
    public record Marker(Path file, String pluginId, RunRecord asFailed) {
    }

    /**
     * @param message what to record as the runs' failure
     * @return the runs marked in flight, as FAILED records
     */
    public List<Marker> markers(String message) {
        List<Marker> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = JSON.readValue(f.toFile(), Map.class);
                String plugin = String.valueOf(m.get("plugin"));
                @SuppressWarnings("unchecked")
                Map<String, Object> params = (Map<String, Object>) m.getOrDefault("params", Map.of());
                RunRecord r = new RunRecord(String.valueOf(m.get("run")), String.valueOf(m.get("dataset")), String.valueOf(m.get("label")),
                        String.valueOf(m.get("algorithm")), params, ((Number) m.get("seed")).longValue(), ((Number) m.get("repeat")).intValue(),
                        RunStatus.FAILED, message.replace("{plugin}", plugin), Double.NaN, 0, 0, 0, Double.NaN, Map.of());
                out.add(new Marker(f, plugin, r));
            }
        } catch (IOException | RuntimeException e) {
            // unreadable markers: the runs are simply not recorded, and --resume runs them again
        }
        return out;
    }
}
