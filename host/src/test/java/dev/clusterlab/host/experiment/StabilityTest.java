package dev.clusterlab.host.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.output.ConfigSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stability by subsampling: stable clusterings score near 1, arbitrary splits of one blob lower; Jaccard by hand. */
class StabilityTest {
    @TempDir
    Path tmp;

    @Test
    void theTrueKIsTheMostStableOnSeparatedBlobsAndTheValuesAreRanked() throws Exception {
        // Seed 5 places the three blobs apart (k-means at k=3 recovers them exactly); with seed 2 two of
        // them touch, and k=2, which merges them the same way every time, is as stable as anything.
        Path file = Files.writeString(tmp.resolve("st.yaml"), """
                seed: 5
                datasets:
                  - {name: blobs, generator: blobs, n: 400, centers: 3, cluster_std: 0.5}
                algorithms:
                  - {id: kmeans, params: {k: [2, 3, 4, 6], n_init: 3}}
                metrics: [silhouette]
                stability: {resamples: 6, fraction: 0.7}
                rank_by: stability
                """);
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            ExperimentRun.Result r = lab.runExperiment(file, tmp.resolve("out"));
            List<ConfigSummary> ranked = r.comparison().configs().get("blobs");
            ConfigSummary k3 = ranked.stream().filter(c -> ((Number) c.params().get("k")).intValue() == 3).findFirst().orElseThrow();
            ConfigSummary k6 = ranked.stream().filter(c -> ((Number) c.params().get("k")).intValue() == 6).findFirst().orElseThrow();
            assertThat(k3.metrics().get("stability").mean()).isGreaterThan(0.99);
            assertThat(k3.metrics().get("stability_jaccard").mean()).isGreaterThan(0.95);
            assertThat(k6.metrics().get("stability").mean()).as("k=6 splits blobs arbitrarily").isLessThan(k3.metrics().get("stability").mean());
            assertThat(((Number) ranked.getFirst().params().get("k")).intValue()).isEqualTo(3);
            String csv = Files.readString(tmp.resolve("out/results.csv"));
            assertThat(csv.lines().findFirst().orElseThrow()).contains("stability", "stability_jaccard");
            assertThat(csv).contains("stability per cluster (Hennig's Jaccard):");
            assertThat(Files.readString(tmp.resolve("out/report.html"))).contains("Stability of kmeans").contains("most stable k = 3");
        }
    }

    @Test
    void bestJaccardAndSamplesAreWhatTheDefinitionsSay() {
        int[] full = {0, 0, 0, 1, 1, 1, -1};
        int[] rows = {0, 1, 3, 4, 5, 6};
        int[] refit = {2, 2, 2, 0, 0, 1}; // row 3 moved to the first group
        double[] best = Stability.bestJaccard(full, 2, rows, refit);
        assertThat(best[0]).isCloseTo(2.0 / 3.0, within(1e-15)); // {0,1} vs {0,1,3}
        assertThat(best[1]).isCloseTo(2.0 / 3.0, within(1e-15)); // {3,4,5} vs {4,5}
        int[] s = Stability.sample(10, 4, new SplittableRandom(1));
        assertThat(s).hasSize(4).isSorted().doesNotHaveDuplicates();
        assertThat(Stability.sample(10, 4, new SplittableRandom(1))).isEqualTo(s);
    }

    @Test
    void settingsOutOfRangeAreReportedWithTheirLocation() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.yaml"), """
                datasets: [{generator: blobs}]
                algorithms: [{id: kmeans, params: {k: 2}}]
                stability: {resamples: 1, fraction: 1.5}
                """);
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            assertThatThrownBy(() -> lab.runExperiment(file, tmp.resolve("x"))).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("bad.yaml:3:").hasMessageContaining("'resamples'").hasMessageContaining("'fraction' of 'stability'");
        }
    }
}
