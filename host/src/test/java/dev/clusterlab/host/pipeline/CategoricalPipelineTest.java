package dev.clusterlab.host.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.FitRequest;
import dev.clusterlab.host.data.CsvDatasetReader;
import dev.clusterlab.host.data.CsvOptions;
import dev.clusterlab.host.data.HeaderMode;
import dev.clusterlab.host.experiment.ExperimentRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables with text columns end to end: read as categorical, one-hot encoded by the host for an
 * algorithm that takes numbers, saved in the model with their levels, and new rows with a level the fit
 * never saw predicted without a crash.
 */
class CategoricalPipelineTest {
    @TempDir
    Path tmp;

    /** Two well-separated segments: income and plan agree, country is noise. */
    private Path table(String name, int n, boolean unseen) throws Exception {
        StringBuilder s = new StringBuilder("income,plan,country\n");
        String[] countries = {"de", "fr", "it"};
        for (int i = 0; i < n; i++) {
            boolean rich = i % 2 == 0;
            String country = unseen && i == 0 ? "mars" : countries[i % 3];
            s.append(rich ? 90 + i % 7 : 20 + i % 5).append(',').append(rich ? "pro" : "basic").append(',').append(country).append('\n');
        }
        return Files.writeString(tmp.resolve(name), s.toString());
    }

    @Test
    void textColumnsAreReadAsCategoricalWithSortedLevels() throws Exception {
        Dataset d = CsvDatasetReader.read(table("t.csv", 12, false), "t", CsvOptions.DEFAULT);
        assertThat(d.isCategorical(0)).isFalse();
        assertThat(d.levels(1)).containsExactly("basic", "pro");
        assertThat(d.levels(2)).containsExactly("de", "fr", "it");
        assertThat(d.get(0, 1)).isEqualTo(1f); // "pro"
        Dataset declared = CsvDatasetReader.read(tmp.resolve("t.csv"), "t", CsvOptions.DEFAULT.withCategorical(List.of("income")));
        assertThat(declared.isCategorical(0)).isTrue();
        Dataset fixed = CsvDatasetReader.read(table("u.csv", 6, true), "u",
                CsvOptions.DEFAULT.withModel(List.of("income", "plan", "country"), Map.of("country", List.of("de", "fr", "it"))));
        assertThat(fixed.get(0, 2)).isEqualTo(Dataset.UNSEEN_LEVEL);
        assertThat(fixed.levels(2)).containsExactly("de", "fr", "it");
    }

    @Test
    void textInANumericColumnNamesTheCellAndHowToDeclareTheColumn() throws Exception {
        Path f = Files.writeString(tmp.resolve("bad.csv"), "a,b\n1,x\nzz,y\n");
        assertThatThrownBy(() -> CsvDatasetReader.read(f, "bad", CsvOptions.DEFAULT))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("bad.csv:3:1 (column 'a')").hasMessageContaining("'zz'").hasMessageContaining("categorical");
    }

    @Test
    void aPipelineOneHotEncodesForKMeansAndItsSavedModelPredictsUnseenLevels() throws Exception {
        try (ClusterLab lab = ClusterLab.builder().threads(2).build()) {
            Dataset raw = CsvDatasetReader.read(table("train.csv", 40, false), "train", CsvOptions.DEFAULT);
            PipelineFit fit = lab.fit(lab.steps("standardize"), FitRequest.of("kmeans", Map.of("k", 2)).seed(3), raw);
            assertThat(fit.preprocessing().steps()).extracting(FittedStep::id).containsExactly("standardize", "onehot");
            assertThat(fit.preprocessing().data().featureNames()).containsExactly("income", "plan_basic", "plan_pro",
                    "country_de", "country_fr", "country_it");
            int[] labels = fit.labels();
            for (int i = 0; i < labels.length; i++) {
                assertThat(labels[i] == labels[0]).as("row %d in the segment of row 1", i + 1).isEqualTo(i % 2 == 0);
            }
            Path file = tmp.resolve("m.json");
            fit.model().save(file);
            assertThat(Files.readString(file)).contains("\"categorical_levels\"");
            Model back = lab.loadModel(file);
            assertThat(back.levels()).containsEntry("plan", List.of("basic", "pro"));
            Dataset fresh = CsvDatasetReader.read(table("new.csv", 6, true), "new",
                    CsvOptions.DEFAULT.withModel(back.featureNames(), back.levels()));
            int[] predicted = back.predict(fresh, lab.context(0));
            assertThat(predicted[0]).as("a row with an unseen country keeps its income's segment").isEqualTo(labels[0]);
            assertThat(predicted[1]).isEqualTo(labels[1]);
            Dataset ownLevels = CsvDatasetReader.read(tmp.resolve("new.csv"), "new", CsvOptions.DEFAULT);
            assertThat(back.predict(ownLevels, lab.context(0))).as("levels numbered by the new file are mapped by name").isEqualTo(predicted);
        }
    }

    @Test
    void aDirectFitOfANumericAlgorithmOnCategoricalColumnsSaysHowToEncodeThem() throws Exception {
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            Dataset raw = CsvDatasetReader.read(table("t.csv", 12, false), "t", CsvOptions.DEFAULT);
            assertThatThrownBy(() -> lab.fit("kmeans", raw, Map.of("k", 2)))
                    .isInstanceOf(UserInputException.class).hasMessageContaining("'plan', 'country' categorical").hasMessageContaining("onehot");
        }
    }

    @Test
    void anExperimentOnATableWithTextColumnsScoresTheEncodingAndRecordsIt() throws Exception {
        table("seg.csv", 60, false);
        Path yaml = Files.writeString(tmp.resolve("seg.yaml"), """
                datasets:
                  - {csv: seg.csv, categorical: [country]}
                preprocessing: [standardize]
                algorithms:
                  - {id: kmeans, params: {k: [2, 3]}}
                metrics: [silhouette]
                """);
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            ExperimentRun.Result r = lab.runExperiment(yaml, tmp.resolve("out"));
            assertThat(r.runs()).hasSize(2).allSatisfy(run -> assertThat(run.metrics().get("silhouette")).isFinite());
            assertThat(Files.readString(tmp.resolve("out/provenance.json"))).contains("\"onehot\"").contains("plan_pro");
            assertThat(Files.readString(tmp.resolve("out/experiment.yaml"))).contains("categorical");
            // The profiles show the levels, not their one-hot columns: each segment is all of one plan.
            assertThat(Files.readString(tmp.resolve("out/report.html"))).contains("plan (levels)").contains("pro 100%")
                    .contains("basic 100%").doesNotContain("plan_pro (mean)");
        }
    }
}
