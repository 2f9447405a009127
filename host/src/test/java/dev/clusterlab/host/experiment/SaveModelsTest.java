package dev.clusterlab.host.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.data.LabelFiles;
import dev.clusterlab.host.pipeline.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code save_models}: the best run's fitted pipeline per dataset (default), every run's, or none. */
class SaveModelsTest {
    @TempDir
    Path tmp;

    private Path experiment(String saveModels) throws Exception {
        return Files.writeString(tmp.resolve("e-" + saveModels + ".yaml"), """
                seed: 5
                %s
                preprocessing: [standardize]
                datasets:
                  - {name: blobs, generator: blobs, n: 300, centers: 3}
                algorithms:
                  - {id: kmeans, params: {k: [2, 3, 4]}}
                  - {id: dbscan, params: {eps: 0.5}}
                metrics: [silhouette]
                """.formatted(saveModels.isEmpty() ? "" : "save_models: " + saveModels));
    }

    @Test
    void byDefaultTheBestRunsPipelineIsSavedAndPredictsItsOwnLabels() throws Exception {
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            ExperimentRun.Result r = lab.runExperiment(experiment(""), tmp.resolve("best"));
            assertThat(r.models()).containsOnlyKeys("blobs");
            Path file = r.models().get("blobs");
            String runId = file.getFileName().toString().replaceAll("\\.json$", "");
            assertThat(r.comparison().configs().get("blobs").getFirst().runs().getFirst().runId()).isEqualTo(runId);
            Model m = lab.loadModel(file);
            assertThat(m.steps()).extracting(s -> s.id()).containsExactly("standardize");
            Dataset raw = dev.clusterlab.host.data.DatasetLoader.load(r.experiment().datasets().getFirst(), 5);
            int[] fitted = LabelFiles.read(tmp.resolve("best/labels/" + runId + ".csv"), raw.n(), -1);
            assertThat(m.predict(raw, lab.context(0))).isEqualTo(fitted);
            try (var files = Files.list(tmp.resolve("best/models"))) {
                assertThat(files.count()).isEqualTo(1);
            }
        }
    }

    @Test
    void allSavesEveryRunWithAModelAndNoneSavesNothing() throws Exception {
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            ExperimentRun.Result all = lab.runExperiment(experiment("all"), tmp.resolve("all"));
            // the three k-means runs; DBSCAN's model (core points) has no saved form, so the run keeps only a note
            assertThat(all.models()).hasSize(3).allSatisfy((run, file) -> assertThat(run).contains("kmeans"));
            Path dbscanOnly = Files.writeString(tmp.resolve("d.yaml"), """
                    datasets: [{name: blobs, generator: blobs, n: 200}]
                    algorithms: [{id: hdbscan}]
                    metrics: [silhouette]
                    """);
            ExperimentRun.Result unsaved = lab.runExperiment(dbscanOnly, tmp.resolve("d"));
            assertThat(unsaved.failed()).as("a best model without a saved form costs only the file").isZero();
            assertThat(unsaved.models()).isEmpty();
            ExperimentRun.Result none = lab.runExperiment(experiment("none"), tmp.resolve("none"));
            assertThat(none.models()).isEmpty();
            assertThat(tmp.resolve("none/models")).doesNotExist();
            assertThatThrownBy(() -> lab.runExperiment(experiment("some"), tmp.resolve("x")))
                    .isInstanceOf(UserInputException.class).hasMessageContaining("'save_models' must be best");
        }
    }
}
