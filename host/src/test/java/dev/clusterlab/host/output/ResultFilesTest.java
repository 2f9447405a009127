package dev.clusterlab.host.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResultFilesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METRICS = List.of("silhouette", "adjusted_rand");

    @TempDir
    Path dir;

    static RunRecord ok(String id, double silhouette, double ari) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("k", 3L);
        params.put("init", "random");
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("silhouette", silhouette);
        metrics.put("adjusted_rand", ari);
        return new RunRecord(id, "blobs", "km", "kmeans", params, 42, 0, RunStatus.OK, "", 0.25, 3, 0, 7, 12.5, metrics);
    }

    static RunRecord failed(String id) {
        return new RunRecord(id, "blobs", "km", "kmeans", Map.of("k", 9L), 43, 1, RunStatus.FAILED,
                "plugin x threw IllegalStateException: boom, twice", Double.NaN, 0, 0, 0, Double.NaN, Map.of());
    }

    private List<String> lines(String name) throws IOException {
        return Files.readAllLines(dir.resolve(name));
    }

    @Test
    void resultsCsvHasOneHeaderThenOneRowPerRun() throws IOException {
        ResultFiles out = new ResultFiles(dir, METRICS);
        out.add(ok("r1", 0.5, Double.NaN), new int[] {0, 1, 1});
        out.add(failed("r2"), null);
        List<String> csv = lines("results.csv");
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).isEqualTo("run_id,dataset,algorithm,params,seed,repeat,status,seconds,clusters,noise,"
                + "iterations,objective,silhouette,adjusted_rand,message");
        assertThat(csv.get(1)).isEqualTo("r1,blobs,km,k=3 init=random,42,0,OK,0.25,3,0,7,12.5,0.5,,");
        assertThat(csv.get(2)).startsWith("r2,blobs,km,k=9,43,1,FAILED,,0,0,0,,,,")
                .endsWith("\"plugin x threw IllegalStateException: boom, twice\"");
        // A second ResultFiles on the same folder (resume) appends without another header.
        new ResultFiles(dir, METRICS).add(ok("r3", 0.1, 0.2), new int[] {0});
        assertThat(lines("results.csv")).hasSize(4).filteredOn(l -> l.startsWith("run_id,")).hasSize(1);
    }

    @Test
    void resultsJsonlIsOneObjectPerLineWithNaNAsNull() throws IOException {
        ResultFiles out = new ResultFiles(dir, METRICS);
        out.add(ok("r1", 0.5, Double.NaN), new int[] {0, 1});
        out.add(failed("r2"), null);
        List<String> jsonl = lines("results.jsonl");
        assertThat(jsonl).hasSize(2);
        assertThat(Files.readString(dir.resolve("results.jsonl"))).endsWith("}\n").doesNotContain("NaN");

        JsonNode first = JSON.readTree(jsonl.get(0));
        assertThat(first.isObject()).isTrue();
        assertThat(first.get("run_id").asString()).isEqualTo("r1");
        assertThat(first.get("algorithm").asString()).isEqualTo("km");
        assertThat(first.get("algorithm_id").asString()).isEqualTo("kmeans");
        assertThat(first.get("params").get("k").asLong()).isEqualTo(3);
        assertThat(first.get("params").get("init").asString()).isEqualTo("random");
        assertThat(first.get("seed").asLong()).isEqualTo(42);
        assertThat(first.get("status").asString()).isEqualTo("OK");
        assertThat(first.get("seconds").asDouble()).isEqualTo(0.25);
        assertThat(first.get("metrics").get("silhouette").asDouble()).isEqualTo(0.5);
        assertThat(first.get("metrics").has("adjusted_rand")).isTrue();
        assertThat(first.get("metrics").get("adjusted_rand").isNull()).isTrue();
        assertThat(first.has("message")).as("no message for a clean run").isFalse();

        JsonNode second = JSON.readTree(jsonl.get(1));
        assertThat(second.get("status").asString()).isEqualTo("FAILED");
        assertThat(second.get("seconds").isNull()).isTrue();
        assertThat(second.get("objective").isNull()).isTrue();
        assertThat(second.get("message").asString()).contains("boom");
    }

    @Test
    void infinityIsWrittenAsNullToo() {
        assertThat(ResultFiles.finite(Double.POSITIVE_INFINITY)).isNull();
        assertThat(ResultFiles.finite(Double.NaN)).isNull();
        assertThat(ResultFiles.finite(1.5)).isEqualTo(1.5);
    }

    @Test
    void labelsAreWrittenPerRunWithoutTemporaryFiles() throws IOException {
        ResultFiles out = new ResultFiles(dir, METRICS);
        out.add(ok("blobs.km.k=3.r0", 0.5, 0.5), new int[] {2, 0, -1});
        out.add(failed("blobs.km.k=9.r1"), null);
        assertThat(Files.readString(dir.resolve("labels/blobs.km.k=3.r0.csv"))).isEqualTo("2\n0\n-1\n");
        assertThat(dir.resolve("labels/blobs.km.k=9.r1.csv")).doesNotExist();
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("results.csv", "results.jsonl", "labels/blobs.km.k=3.r0.csv");
        }
    }

    @Test
    void finishedRunsAreTheOkOnes() {
        ResultFiles out = new ResultFiles(dir, METRICS);
        assertThat(out.finishedRuns()).isEmpty();
        out.add(ok("a", 0.1, 0.1), new int[] {0});
        out.add(failed("b"), null);
        out.add(ok("c", 0.1, 0.1), new int[] {0});
        assertThat(out.finishedRuns()).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void finishedRunsIgnoreATruncatedLastLine() throws IOException {
        ResultFiles out = new ResultFiles(dir, METRICS);
        out.add(ok("a", 0.1, 0.1), new int[] {0});
        String full = JSON.writeValueAsString(Map.of("run_id", "cut", "status", "OK", "seconds", 1.0));
        Files.writeString(dir.resolve("results.jsonl"), full.substring(0, full.length() / 2),
                StandardOpenOption.APPEND);
        assertThat(out.finishedRuns()).containsExactly("a");
    }

    @Test
    void finishedRunsIgnoreALastLineCutInsideAMultiByteCharacter() throws IOException {
        ResultFiles out = new ResultFiles(dir, METRICS);
        out.add(ok("a", 0.1, 0.1), new int[] {0});
        byte[] line = "{\"run_id\":\"caf\u00e9\",\"status\":\"OK\"}\n".getBytes(StandardCharsets.UTF_8);
        int cut = new String(line, StandardCharsets.UTF_8).indexOf('\u00e9') + 1; // after the first byte of 'é'
        Files.write(dir.resolve("results.jsonl"), Arrays.copyOf(line, cut), StandardOpenOption.APPEND);
        assertThat(out.finishedRuns()).containsExactly("a");
    }

    @Test
    void textAndJsonFilesAndPreviousProvenance() throws IOException {
        ResultFiles out = new ResultFiles(dir, METRICS);
        assertThat(out.dir()).isEqualTo(dir);
        assertThat(out.previousProvenanceRuns()).isEmpty();
        out.writeText("experiment.yaml", "name: x\n");
        assertThat(Files.readString(dir.resolve("experiment.yaml"))).isEqualTo("name: x\n");
        out.writeJson("provenance.json", Map.of("experiment", "x", "runs", Map.of("r1", Map.of("seed", 1))));
        assertThat(JSON.readTree(Files.readString(dir.resolve("provenance.json"))).get("experiment").asString()).isEqualTo("x");
        assertThat(out.previousProvenanceRuns()).containsOnlyKeys("r1");
    }

    @Test
    void aHalfWrittenLastLineIsCutOffBeforeAppendingAgain() throws IOException {
        ResultFiles out = new ResultFiles(dir, METRICS);
        out.add(ok("r1", 0.5, 0.9), new int[] {0, 1, 1});
        // a process killed mid-append leaves half a row in each file
        Files.writeString(dir.resolve("results.jsonl"), "{\"run_id\":\"r2\",\"sta", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("results.csv"), "r2,blobs,km", java.nio.file.StandardOpenOption.APPEND);

        ResultFiles resumed = new ResultFiles(dir, METRICS);
        assertThat(resumed.finishedRuns()).containsExactly("r1");
        resumed.add(ok("r2", 0.4, 0.8), new int[] {1, 0, 0});

        List<String> jsonl = lines("results.jsonl");
        assertThat(jsonl).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"run_id\":\"r").endsWith("}"));
        assertThat(lines("results.csv")).hasSize(3).last().asString().startsWith("r2,blobs,km,");
    }
}
