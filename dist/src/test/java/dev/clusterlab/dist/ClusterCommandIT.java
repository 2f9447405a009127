package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code clusterlab cluster}: one fit on a CSV file, its JSON summary, label files and user errors. */
class ClusterCommandIT {
    @TempDir
    Path tmp;
    Path csv;
    Path truth;
    Path plugins;

    @BeforeEach
    void writeBlobs() throws Exception {
        // Three tight blobs 30 units apart: any correct k-means finds them exactly.
        SplittableRandom rnd = new SplittableRandom(5);
        StringBuilder data = new StringBuilder("x,y\n");
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            int c = i % 3;
            data.append(30 * c + rnd.nextDouble() - 0.5).append(',').append(rnd.nextDouble() - 0.5).append('\n');
            labels.append(c + 1).append('\n'); // 1..3, noise would be 0 as in benchmark suites
        }
        csv = Files.writeString(tmp.resolve("blobs.csv"), data);
        truth = Files.writeString(tmp.resolve("truth.csv"), labels);
        plugins = DistributionIT.pluginsCopy(tmp);
    }

    @Test
    void jsonSummaryHasOneLineWithEveryField() throws Exception {
        Path labelsOut = tmp.resolve("labels.csv");
        Cli.Result r = Cli.inProcess("cluster", "--algorithm", "kmeans", "--param", "k=3", "--input", csv.toString(),
                "--truth", truth.toString(), "--truth-noise", "0", "--format", "json", "--repeat", "3",
                "--output", labelsOut.toString(), "--plugins", plugins.toString(), "--threads", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = JsonMapper.builder().build().readValue(r.out(), Map.class);
        assertThat(json).containsKeys("algorithm", "params", "n", "d", "clusters", "noise", "seconds", "iterations", "objective", "metrics");
        assertThat(json.get("n")).isEqualTo(300);
        assertThat(json.get("d")).isEqualTo(2);
        assertThat(json.get("clusters")).isEqualTo(3);
        assertThat((List<?>) json.get("seconds_all")).hasSize(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) json.get("metrics");
        assertThat(((Number) metrics.get("adjusted_rand")).doubleValue()).isEqualTo(1.0);
        assertThat(Files.readAllLines(labelsOut)).hasSize(300).allMatch(l -> l.matches("[0-2]"));
    }

    @Test
    void moreClustersThanPointsIsAUserError() throws Exception {
        Path small = Files.writeString(tmp.resolve("small.csv"), "1,2\n3,4\n");
        Cli.Result r = Cli.inProcess("cluster", "--algorithm", "kmeans", "--param", "k=5", "--input", small.toString(),
                "--plugins", plugins.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("k=5", "2");
        assertThat(r.hasStackTrace()).isFalse();
    }

    @Test
    void badParameterAndBadCellAreUserErrorsThatSayWhere() throws Exception {
        Cli.Result bad = Cli.inProcess("cluster", "--algorithm", "kmeans", "--param", "k=0", "--input", csv.toString(),
                "--plugins", plugins.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("parameter 'k' of kmeans must be an integer in [1, inf); got '0'");

        Path broken = Files.writeString(tmp.resolve("broken.csv"), "a,b\n1,2\n3,oops\n");
        Cli.Result cell = Cli.inProcess("cluster", "--algorithm", "kmeans", "--input", broken.toString(), "--plugins", plugins.toString());
        assertThat(cell.exit()).isEqualTo(2);
        assertThat(cell.err()).contains("broken.csv:3:2", "'b'", "'oops'");
        assertThat(cell.hasStackTrace()).isFalse();

        Cli.Result unknown = Cli.inProcess("cluster", "--algorithm", "kmean", "--input", csv.toString(), "--plugins", plugins.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown algorithm 'kmean'", "did you mean 'kmeans'");
    }
}
