package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled distribution, end to end through its own launcher: the quickstart runs and prints the
 * comparison table, and the built-in plugins are loaded from plugin files like a third party's.
 */
class DistributionIT {
    @TempDir
    Path tmp;

    @Test
    void quickstartRunsThroughTheLauncherAndWritesEveryResultFile() throws Exception {
        Cli.Result r = Cli.launcher(tmp, "run", "--output", "out", "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("rank", "algorithm", "silhouette", "adjusted_rand", "kmeans", "dbscan", "hdbscan", "moons",
                "ranked by adjusted_rand (higher is better)", "suggested k for kmeans n_init=3 over k=[2, 3, 4, 5, 6]", " ± ");
        // every dataset block names its best configuration: k-means on the blobs, a density method on the moons
        List<String> best = r.out().lines().filter(l -> l.startsWith("1*")).toList();
        assertThat(best).hasSize(2);
        assertThat(best.get(0)).contains("kmeans", "k=4");
        assertThat(best.get(1)).containsAnyOf("dbscan", "hdbscan");
        assertThat(r.out()).contains("report: ");
        assertThat(Files.readString(tmp.resolve("out/report.html"))).contains("<svg", "moons", "Lloyd");
        Path out = tmp.resolve("out");
        // 2 datasets x (5 values of k + 2 of eps + 1 hdbscan) x 3 repeats
        int runs = 2 * (5 + 2 + 1) * 3;
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(runs + 1);
        assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(runs)
                .allSatisfy(line -> assertThat(line).contains("\"status\":\"OK\""));
        try (var labels = Files.list(out.resolve("labels"))) {
            assertThat(labels.count()).isEqualTo(runs);
        }
        assertThat(Files.readString(out.resolve("provenance.json"))).contains("\"kernels\"", "\"fingerprint\"", "\"runs\"");
        // The resolved experiment is itself a valid experiment.
        Cli.Result again = Cli.launcher(tmp, "validate", "out/experiment.yaml");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("OK", runs + " runs");
    }

    @Test
    void pluginsAreLoadedFromPluginFiles() throws Exception {
        Cli.Result r = Cli.launcher(tmp, "plugins");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("kmeans", "STARTED", "clusterlab-plugin-kmeans-", ".jar", "algorithm kmeans"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("metrics", "STARTED", "clusterlab-plugin-metrics-", "metric silhouette"));
    }

    @Test
    void anExtraPluginsFolderAddsToTheInstalledOne() throws Exception {
        Path extra = java.nio.file.Files.createDirectories(tmp.resolve("extra"));
        PluginJars.write(extra.resolve("faulty.jar"), "faulty", "*", ThrowingAlgorithm.class);
        Cli.Result r = Cli.launcher(tmp, "list", "--plugins", extra.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("kmeans", "hdbscan", "faulty");
        // --no-default-plugins leaves the installation's folder out: only the extra folder's algorithm remains
        Cli.Result only = Cli.launcher(tmp, "list", "--plugins", extra.toString(), "--no-default-plugins");
        assertThat(only.exit()).as(only.err()).isZero();
        assertThat(only.out()).contains("faulty").doesNotContain("hdbscan");
    }

    @Test
    void aNonEmptyOutputFolderIsRefusedWithExitCodeTwo() throws Exception {
        Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(tmp.resolve("busy/keep.txt"), "precious");
        Cli.Result r = Cli.launcher(tmp, "run", "--output", "busy");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("busy", "not empty", "--resume");
        assertThat(r.hasStackTrace()).isFalse();
        assertThat(Files.readString(tmp.resolve("busy/keep.txt"))).isEqualTo("precious");
    }

    static Path pluginsCopy(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        try (var files = Files.list(Cli.DIST.resolve("plugins"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }
}
