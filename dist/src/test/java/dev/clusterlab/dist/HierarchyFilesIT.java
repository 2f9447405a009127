package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OPTICS' reachability plot and HDBSCAN's condensed tree with the real plugins: written next to the
 * labels by {@code clusterlab run} (the same files with {@code isolation: process}, where they come back
 * from the child JVM), drawn in report.html, and written by {@code clusterlab cluster} on request.
 */
class HierarchyFilesIT {
    @TempDir
    Path tmp;

    @Test
    void runWritesAndDrawsThemInThreadAndProcessIsolationAlike() throws Exception {
        Path plugins = DistributionIT.pluginsCopy(tmp);
        String yaml = """
                name: density
                seed: 3
                isolation: %s
                datasets:
                  - {name: moons, generator: moons, n: 300, noise: 0.06}
                algorithms:
                  - id: optics
                    params: {min_samples: 10}
                  - id: hdbscan
                    params: {min_cluster_size: 15}
                metrics: [silhouette]
                """;
        for (String isolation : List.of("thread", "process")) {
            Path file = Files.writeString(tmp.resolve(isolation + ".yaml"), yaml.formatted(isolation));
            Cli.Result r = Cli.inProcess("run", file.toString(), "--output", tmp.resolve(isolation).toString(),
                    "--plugins", plugins.toString(), "--threads", "1", "--jobs", "1");
            assertThat(r.exit()).as(r.err()).isZero();
        }
        for (String folder : List.of("reachability", "condensed_tree")) {
            Path a = single(tmp.resolve("thread").resolve(folder));
            Path b = single(tmp.resolve("process").resolve(folder));
            assertThat(a.getFileName()).isEqualTo(b.getFileName());
            List<String> lines = Files.readAllLines(a);
            assertThat(lines.size()).as(folder).isGreaterThan(300);
            assertThat(Files.readAllLines(b)).as("%s from the child JVM", folder).isEqualTo(lines);
        }
        // Both algorithms give point scores; the child JVM hands them back as the same files.
        try (var files = Files.list(tmp.resolve("thread/point_scores"))) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(2);
            for (Path a : all) {
                assertThat(Files.readAllLines(tmp.resolve("process/point_scores").resolve(a.getFileName())))
                        .as("%s from the child JVM", a.getFileName()).isEqualTo(Files.readAllLines(a));
            }
        }
        assertThat(Files.readAllLines(single(tmp.resolve("thread/reachability"))).getFirst())
                .isEqualTo("position,row,reachability,core_distance,label");
        assertThat(Files.readAllLines(single(tmp.resolve("thread/condensed_tree"))).getFirst())
                .isEqualTo("parent,child,lambda_val,child_size");
        // One dataset, one best configuration: the report draws the plot of whichever won.
        String html = Files.readString(tmp.resolve("process/report.html"));
        assertThat(html).containsAnyOf("class=\"plot reachability\"", "class=\"plot condensed-tree\"");
    }

    @Test
    void clusterWritesTheFilesOnRequestAndSaysWhenThereAreNone() throws Exception {
        Path plugins = DistributionIT.pluginsCopy(tmp);
        Path data = tmp.resolve("moons.csv");
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 200; i++) {
            double t = Math.PI * (i % 100) / 100.0;
            csv.append(i < 100 ? Math.cos(t) : 1 - Math.cos(t)).append(',').append(i < 100 ? Math.sin(t) : 0.5 - Math.sin(t)).append('\n');
        }
        Files.writeString(data, csv.toString());
        Cli.Result h = Cli.inProcess("cluster", "-a", "hdbscan", "--input", data.toString(), "--metrics", "none", "--format", "json",
                "--artifact", "condensed_tree=" + tmp.resolve("tree.csv"), "--artifact", "reachability=" + tmp.resolve("none.csv"),
                "--plugins", plugins.toString());
        assertThat(h.exit()).as(h.err()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("tree.csv"))).hasSizeGreaterThan(200).first().isEqualTo("parent,child,lambda_val,child_size");
        assertThat(tmp.resolve("none.csv")).doesNotExist();
        assertThat(h.err()).contains("note: nothing written to --artifact reachability: hdbscan made only point_scores, condensed_tree");
        Cli.Result o = Cli.inProcess("cluster", "-a", "optics", "--input", data.toString(), "--metrics", "none",
                "--artifact", "reachability=" + tmp.resolve("reach.csv"), "--artifacts", tmp.resolve("all").toString(),
                "--plugins", plugins.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        List<String> lines = Files.readAllLines(tmp.resolve("reach.csv"));
        assertThat(lines).hasSize(201);
        assertThat(lines.get(1)).startsWith("0,0,inf,");
        assertThat(Files.readAllLines(tmp.resolve("all/reachability.csv"))).isEqualTo(lines);
        assertThat(Files.readString(tmp.resolve("all/artifacts.json"))).contains("\"reachability\" : \"reachability\"",
                "\"point_scores\" : \"point_scores\"");
    }

    private static Path single(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).as("files in %s", dir).hasSize(1);
            return all.getFirst();
        }
    }
}
