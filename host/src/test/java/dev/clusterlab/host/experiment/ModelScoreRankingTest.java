package dev.clusterlab.host.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.output.ConfigSummary;
import dev.clusterlab.host.output.KSuggestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mixture's BIC, a score its results carry, ranks a comparison and chooses k like a metric. */
class ModelScoreRankingTest {
    @TempDir
    Path tmp;

    @Test
    void rankByBicRanksTheMixturesLowestFirstAndSuggestsTheTrueK() throws Exception {
        Path file = Files.writeString(tmp.resolve("bic.yaml"), """
                seed: 3
                datasets:
                  - {name: blobs, generator: blobs, n: 600, d: 3, centers: 4, cluster_std: 0.6}
                algorithms:
                  - id: gmm
                    params: {k: [2, 3, 4, 5, 6]}
                  - {id: kmeans, params: {k: 4}}
                metrics: [silhouette, calinski_harabasz, davies_bouldin, bic]
                rank_by: bic
                """);
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            ExperimentRun.Result r = lab.runExperiment(file, tmp.resolve("out"));
            assertThat(r.comparison().higherIsBetter()).isFalse();
            List<ConfigSummary> ranked = r.comparison().configs().get("blobs");
            assertThat(((Number) ranked.getFirst().params().get("k")).intValue()).isEqualTo(4);
            for (int i = 1; i < ranked.size(); i++) {
                if (ranked.get(i).metrics().get("bic").count() > 0) {
                    assertThat(ranked.get(i).metrics().get("bic").mean()).isGreaterThanOrEqualTo(ranked.get(i - 1).metrics().get("bic").mean());
                }
            }
            assertThat(ranked.getLast().algorithm()).as("k-means has no BIC: ranked last").isEqualTo("kmeans");
            KSuggestion k = r.comparison().suggestions().get("blobs").getFirst();
            assertThat(k.byBic()).isEqualTo(4);
            // The other criteria side by side, each the extreme of its own mean column (checked from the table).
            List<ConfigSummary> sweep = ranked.stream().filter(c -> c.algorithm().equals("gmm")).toList();
            ConfigSummary bestCh = sweep.stream().max(java.util.Comparator.comparingDouble(c -> c.metrics().get("calinski_harabasz").mean()))
                    .orElseThrow();
            ConfigSummary bestDb = sweep.stream().min(java.util.Comparator.comparingDouble(c -> c.metrics().get("davies_bouldin").mean()))
                    .orElseThrow();
            assertThat(k.byCalinskiHarabasz()).isEqualTo(((Number) bestCh.params().get("k")).intValue());
            assertThat(k.byDaviesBouldin()).isEqualTo(((Number) bestDb.params().get("k")).intValue());
            assertThat(k.byCalinskiHarabasz()).as("well-separated blobs").isEqualTo(4);
            assertThat(Files.readString(tmp.resolve("out/results.csv")).lines().findFirst().orElseThrow()).contains("bic");
            assertThat(Files.readString(tmp.resolve("out/report.html"))).contains("Bayesian information criterion of gmm");
        }
    }
}
