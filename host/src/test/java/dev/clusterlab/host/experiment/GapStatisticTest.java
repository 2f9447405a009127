package dev.clusterlab.host.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.output.KSuggestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gap statistic of Tibshirani, Walther and Hastie (2001): W by hand, the rule, and k on separated blobs. */
class GapStatisticTest {
    @TempDir
    Path tmp;

    @Test
    void withinIsThePooledSumOfSquaresWithoutNoise() {
        Dataset d = Dataset.of("w", new float[][] {{0f, 0f}, {2f, 0f}, {10f, 10f}, {10f, 12f}, {99f, 99f}});
        // cluster 0: mean (1,0), 1 + 1; cluster 1: mean (10,11), 1 + 1; the noise point is left out
        assertThat(GapStatistic.within(d, new int[] {0, 0, 1, 1, -1})).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void onThreeSeparatedBlobsTheGapSuggestsThree() throws Exception {
        Path file = Files.writeString(tmp.resolve("gap.yaml"), """
                seed: 5
                datasets:
                  - {name: blobs, generator: blobs, n: 300, centers: 3, cluster_std: 0.5}
                algorithms:
                  - {id: kmeans, params: {k: {from: 1, to: 6}, n_init: 3}}
                metrics: [silhouette]
                gap: {references: 8}
                """);
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            ExperimentRun.Result r = lab.runExperiment(file, tmp.resolve("out"));
            KSuggestion k = r.comparison().suggestions().get("blobs").getFirst();
            assertThat(k.byGap()).isEqualTo(3);
            assertThat(Files.readString(tmp.resolve("out/results.csv")).lines().findFirst().orElseThrow()).contains("gap", "gap_sd");
        }
    }
}
