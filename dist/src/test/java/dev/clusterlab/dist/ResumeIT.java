package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment killed with SIGKILL part-way loses nothing already written, and {@code --resume}
 * finishes it without doing any finished run again: every run appears exactly once, whole.
 */
class ResumeIT {
    @TempDir
    Path tmp;

    @Test
    void killedWithSigkillThenResumedRecordsEveryRunExactlyOnce() throws Exception {
        Path yaml = Files.writeString(tmp.resolve("long.yaml"), """
                name: long
                seed: 1
                repeats: 6
                datasets:
                  - {name: blobs, generator: blobs, n: 20000, d: 8, centers: 6}
                algorithms:
                  - id: kmeans
                    params: {k: {from: 2, to: 7}, n_init: 2}
                metrics: [calinski_harabasz, adjusted_rand]
                """);
        Path out = tmp.resolve("out");
        Path jsonl = out.resolve("results.jsonl");
        Process p = new ProcessBuilder(Cli.DIST.resolve("bin/clusterlab").toString(), "run", yaml.toString(), "--output", out.toString(),
                "--threads", "1", "--jobs", "1").redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && (!Files.exists(jsonl) || Files.readAllLines(jsonl).size() < 3)) {
            Thread.sleep(50);
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        p.waitFor(30, TimeUnit.SECONDS);
        List<String> before = Files.readAllLines(jsonl);
        assertThat(before.size()).as("runs recorded before the kill").isBetween(3, 35);

        Cli.Result resumed = Cli.inProcess("run", yaml.toString(), "--output", out.toString(), "--resume", "--threads", "1",
                "--plugins", Cli.DIST.resolve("plugins").toString());
        assertThat(resumed.exit()).as(resumed.err()).isZero();

        List<String> after = Files.readAllLines(jsonl);
        List<String> ids = new ArrayList<>();
        for (String line : after) {
            assertThat(line).startsWith("{").endsWith("}").contains("\"status\":\"OK\"");
            ids.add(line.replaceFirst(".*\"run_id\":\"([^\"]*)\".*", "$1"));
        }
        Set<String> unique = new HashSet<>(ids);
        assertThat(ids).as("every run once").hasSize(36).hasSameSizeAs(unique);
        // the lines written before the kill are still there, unchanged, first
        for (String line : before) {
            if (line.endsWith("}")) {
                assertThat(after).contains(line);
            }
        }
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(36 + 1);
        try (var labels = Files.list(out.resolve("labels"))) {
            assertThat(labels.filter(f -> f.toString().endsWith(".csv")).count()).isEqualTo(36);
        }
    }
}
