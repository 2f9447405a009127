package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code isolation: process}: a plugin that ignores every stop request is killed at the timeout in its
 * child JVM, while the well-behaved algorithm's runs give the same results as in-process fits.
 */
class ProcessIsolationIT {
    @TempDir
    Path tmp;

    @Test
    void aRunawayPluginIsKilledAtTheTimeoutAndTheRestMatchesInProcessResults() throws Exception {
        Path plugins = DistributionIT.pluginsCopy(tmp);
        PluginJars.write(plugins.resolve("stubborn-plugin.jar"), "stubborn", ">=0.1.0", StubbornAlgorithm.class);
        String yaml = """
                name: isolated
                seed: 5
                timeout: 3
                isolation: %s
                datasets:
                  - {name: blobs, generator: blobs, n: 400, centers: 3}
                algorithms:
                  %s
                  - id: kmeans
                    params: {k: 3, n_init: 2}
                metrics: [silhouette, adjusted_rand]
                """;
        Path isolated = Files.writeString(tmp.resolve("isolated.yaml"), yaml.formatted("process", "- id: stubborn"));
        long t0 = System.nanoTime();
        Cli.Result r = Cli.inProcess("run", isolated.toString(), "--output", tmp.resolve("a").toString(),
                "--plugins", plugins.toString(), "--threads", "1", "--jobs", "2");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(seconds).as("the runaway fit was stopped, not waited for").isLessThan(60);
        List<String> rows = Files.readAllLines(tmp.resolve("a/results.csv"));
        assertThat(rows).anySatisfy(l -> assertThat(l).contains("stubborn", "TIMEOUT"));
        String kmeansRow = rows.stream().filter(l -> l.contains("kmeans")).findFirst().orElseThrow();
        assertThat(kmeansRow).contains(",OK,");

        Path inProcess = Files.writeString(tmp.resolve("inprocess.yaml"), yaml.formatted("thread", ""));
        Cli.Result same = Cli.inProcess("run", inProcess.toString(), "--output", tmp.resolve("b").toString(),
                "--plugins", plugins.toString(), "--threads", "1");
        assertThat(same.exit()).as(same.err()).isZero();
        // the same labels, bit for bit, from the child JVM and from this one
        Path labelsA = single(tmp.resolve("a/labels"));
        Path labelsB = single(tmp.resolve("b/labels"));
        assertThat(Files.readAllLines(labelsA)).isEqualTo(Files.readAllLines(labelsB));
    }

    private static Path single(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains("kmeans")).findFirst().orElseThrow();
        }
    }
}
