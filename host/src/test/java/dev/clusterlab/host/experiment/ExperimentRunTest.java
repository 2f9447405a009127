package dev.clusterlab.host.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.output.ConfigSummary;
import dev.clusterlab.host.output.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole experiment from Java: the comparison comes back as objects, the files land in the folder. */
class ExperimentRunTest {
    @TempDir
    Path tmp;

    @Test
    void anExperimentFileRunsAndRanksFromJava() throws Exception {
        Path file = Files.writeString(tmp.resolve("exp.yaml"), """
                seed: 1
                datasets:
                  - {name: blobs, generator: blobs, n: 300, centers: 3, cluster_std: 0.5}
                algorithms:
                  - id: kmeans
                    params: {k: [2, 3, 4]}
                metrics: [silhouette]
                """);
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            ExperimentRun.Result r = lab.runExperiment(file, tmp.resolve("out"));
            assertThat(r.runs()).hasSize(3).allSatisfy(run -> assertThat(run.ok()).isTrue());
            assertThat(r.ran()).isEqualTo(3);
            assertThat(r.failed()).isZero();
            ConfigSummary best = r.comparison().best("blobs").orElseThrow();
            // the best configuration is the one with the highest silhouette, as the runs recorded it
            double top = r.runs().stream().mapToDouble(run -> run.metrics().get("silhouette")).max().orElseThrow();
            assertThat(best.metrics().get("silhouette").mean()).isEqualTo(top);
            assertThat(r.comparison().configs().get("blobs")).hasSize(3);
            assertThat(r.datasets().get("blobs").n()).isEqualTo(300);
            assertThat(tmp.resolve("out/report.html")).exists();
            assertThat(tmp.resolve("out/results.csv")).exists();
            assertThat(r.runs()).extracting(RunRecord::artifacts).allSatisfy(a -> assertThat(a).containsKey("centroids"));
            assertThatThrownBy(() -> lab.runExperiment(file, tmp.resolve("out"))).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("not empty");
        }
    }

    @Test
    void theBestHierarchicalRunGetsItsDendrogramWhereAnotherAlgorithmWon() throws Exception {
        Path file = Files.writeString(tmp.resolve("hier.yaml"), """
                seed: 1
                datasets:
                  - {name: blobs, generator: blobs, n: 300, centers: 3, cluster_std: 0.5}
                algorithms:
                  - id: kmeans
                    params: {k: [3, 2]}
                  - id: agglomerative
                    params: {k: 2, linkage: [single, ward]}
                metrics: [silhouette]
                """);
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            ExperimentRun.Result r = lab.runExperiment(file, tmp.resolve("hier"));
            var configs = r.comparison().configs().get("blobs");
            // k-means (k = 3) and hierarchical (k = 2) never tie on three blobs; the top agglomerative
            // configuration gets the only dendrogram, under its own heading when k-means won.
            assertThat(configs.getFirst().algorithm()).isIn("kmeans", "agglomerative");
            ConfigSummary topTree = configs.stream().filter(c -> c.algorithm().equals("agglomerative")).findFirst().orElseThrow();
            String html = Files.readString(tmp.resolve("hier/report.html"));
            assertThat(html).containsOnlyOnce("class=\"plot dendrogram\"");
            if (configs.getFirst().algorithm().equals("kmeans")) {
                assertThat(html).contains("Best configuration with a dendrogram: agglomerative " + topTree.paramsText());
            } else {
                assertThat(html).doesNotContain("Best configuration with a dendrogram");
            }
            assertThat(tmp.resolve("hier/merge_tree")).isDirectory();
        }
    }
    @Test
    void aSpectralEmbeddingIsWrittenAndDrawnByItsKind() throws Exception {
        Path file = Files.writeString(tmp.resolve("spectral.yaml"), """
                seed: 1
                datasets:
                  - {name: moons, generator: moons, n: 300, noise: 0.05}
                algorithms:
                  - id: spectral
                    params: {k: 2, affinity: nearest_neighbors}
                metrics: [silhouette]
                """);
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            ExperimentRun.Result r = lab.runExperiment(file, tmp.resolve("sc"));
            assertThat(r.runs()).singleElement().satisfies(run -> assertThat(run.artifacts()).containsEntry("spectral_embedding", "embedding"));
            assertThat(tmp.resolve("sc/spectral_embedding")).isDirectory();
            String html = Files.readString(tmp.resolve("sc/report.html"));
            assertThat(html).contains("The spectral embedding of spectral k=2 affinity=nearest_neighbors")
                    .contains("each point at the first two coordinates of the 2 the algorithm clustered in");
        }
    }
}
