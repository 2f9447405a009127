package dev.clusterlab.spark.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.experiment.Experiment;
import dev.clusterlab.host.experiment.ExperimentFiles;
import dev.clusterlab.host.experiment.ExperimentRun;
import dev.clusterlab.spark.SparkTestSession;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The same experiment run by the local runner and as Spark tasks on local[2] gives the same files. */
class SparkGridRunTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    private static Path yaml;
    private static Path local;
    private static ExperimentRun.Result localResult;

    @BeforeAll
    static void runLocally() throws IOException {
        yaml = dir.resolve("small.yaml");
        try (var in = SparkGridRunTest.class.getResourceAsStream("/grid/small.yaml")) {
            Files.copy(in, yaml);
        }
        local = dir.resolve("local");
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            Experiment e = ExperimentFiles.load(yaml, lab.registry());
            localResult = ExperimentRun.run(lab, e, new ExperimentRun.Options(local, false, 1, 2, QUIET));
        }
    }

    private static ExperimentRun.Result onSpark(Path output, boolean resume) {
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            Experiment e = ExperimentFiles.load(yaml, lab.registry());
            return SparkGridRun.run(SparkTestSession.get(), lab, e, yaml.getParent(), new GridSettings("", "", List.of(), "auto", 1), output,
                    resume, QUIET);
        }
    }

    @Test
    void sameRowsLabelsArtifactsAndModelsAsTheLocalRunner() throws IOException {
        Path spark = dir.resolve("spark");
        ExperimentRun.Result r = onSpark(spark, false);

        assertThat(r.ran()).isEqualTo(2 * 5 * 2);
        assertThat(r.failed()).isZero();
        assertThat(rowsWithoutTimes(spark)).isEqualTo(rowsWithoutTimes(local)).hasSize(20);
        assertThat(files(spark).keySet()).isEqualTo(files(local).keySet());
        Map<String, String> mine = files(spark);
        files(local).forEach((name, text) -> {
            if (name.contains("/")) { // labels, every artifact, the best models: byte for byte
                assertThat(mine.get(name)).as(name).isEqualTo(text);
            }
        });
        assertThat(Files.readString(spark.resolve("experiment.yaml"))).isEqualTo(Files.readString(local.resolve("experiment.yaml")));
        assertThat(provenanceRuns(spark).keySet()).isEqualTo(provenanceRuns(local).keySet());
        assertThat(localResult.models()).isNotEmpty();
        assertThat(r.models().keySet()).isEqualTo(localResult.models().keySet());
    }

    @Test
    void resumesALocalRunInterruptedAfterSixRowsAndRunsOnlyTheRest() throws IOException {
        Path spark = dir.resolve("resumed");
        Files.createDirectories(spark);
        for (String f : List.of("results.csv", "results.jsonl")) {
            List<String> lines = Files.readAllLines(local.resolve(f));
            int keep = f.endsWith(".csv") ? 7 : 6; // the header and six rows
            Files.write(spark.resolve(f), lines.subList(0, keep));
        }
        ExperimentRun.Result r = onSpark(spark, true);

        assertThat(r.ran()).isEqualTo(14);
        assertThat(rowsWithoutTimes(spark)).isEqualTo(rowsWithoutTimes(local));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTaskSparkGivesUpOnIsRecordedFailedWithItsReasonAndTheOtherRunsGoOn() throws IOException {
        // test_crash with crash: true throws an Error out of its task (CrashingAlgorithm); local[2] tries a task once.
        Path file = Files.writeString(dir.resolve("crash.yaml"), """
                name: crash
                seed: 3
                repeats: 2
                datasets:
                  - {name: blobs, generator: blobs, n: 300, centers: 3}
                algorithms:
                  - id: kmeans
                    params: {k: [2, 3]}
                  - id: test_crash
                    params: {crash: [false, true]}
                metrics: [silhouette]
                """);
        Path out = dir.resolve("crashed");
        ExperimentRun.Result r;
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            Experiment e = ExperimentFiles.load(file, lab.registry());
            r = SparkGridRun.run(SparkTestSession.get(), lab, e, dir, new GridSettings("", "", List.of(), "auto", 1), out, false, QUIET);
        }

        assertThat(r.ran()).isEqualTo(8);
        assertThat(r.failed()).isEqualTo(2);
        Map<String, String> status = new TreeMap<>();
        Map<String, String> message = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("results.jsonl"))) {
            Map<String, Object> row = JSON.readValue(line, Map.class);
            status.put((String) row.get("run_id"), (String) row.get("status"));
            message.put((String) row.get("run_id"), String.valueOf(row.get("message")));
        }
        assertThat(status).hasSize(8);
        status.forEach((id, st) -> assertThat(st).as(id).isEqualTo(id.contains("crash-true") ? "FAILED" : "OK"));
        message.forEach((id, m) -> {
            if (id.contains("crash-true")) {
                assertThat(m).as(id).contains("the Spark task failed").contains("crashed on purpose");
            }
        });
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(9);
    }

    /** The rows of results.jsonl without their times, sorted by run id: jobs finish in any order, as locally with --jobs 2. */
    @SuppressWarnings("unchecked")
    private static List<String> rowsWithoutTimes(Path folder) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("results.jsonl"))) {
            Map<String, Object> row = JSON.readValue(line, Map.class);
            row.remove("seconds");
            rows.add(JSON.writeValueAsString(row));
        }
        rows.sort(null);
        List<String> csv = Files.readAllLines(folder.resolve("results.csv"));
        assertThat(csv).hasSize(rows.size() + 1);
        return rows;
    }

    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            // Dot files are the local runner's lock, not results.
            for (Path f : all.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                out.put(folder.relativize(f).toString(), Files.readString(f));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> provenanceRuns(Path folder) {
        return (Map<String, Object>) JSON.readValue(folder.resolve("provenance.json").toFile(), Map.class).get("runs");
    }
}
