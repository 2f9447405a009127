package dev.clusterlab.host.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.FitRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipelines from Java: steps and an algorithm fitted together, saved, loaded, and applied to raw rows. */
class PipelineTest {
    @TempDir
    Path tmp;

    /** Three groups on wildly different column scales, with a few empty cells. */
    private static Dataset raw(int n, long seed, boolean gaps) {
        Random r = new Random(seed);
        float[] v = new float[n * 3];
        for (int i = 0; i < n; i++) {
            int g = i % 3;
            v[i * 3] = (float) (g + 0.1 * r.nextGaussian());
            v[i * 3 + 1] = (float) (1000 * g + 100 * r.nextGaussian());
            v[i * 3 + 2] = gaps && i % 17 == 5 ? Float.NaN : (float) (0.001 * g + 0.0001 * r.nextGaussian());
        }
        return gaps ? Dataset.withMissingValues("raw", n, 3, v, List.of("a", "b", "c"), null)
                : Dataset.of("raw", n, 3, v, List.of("a", "b", "c"), null);
    }

    @Test
    void aSavedPipelineLabelsRawRowsExactlyAsItsFit() throws Exception {
        try (ClusterLab lab = ClusterLab.builder().threads(2).build()) {
            List<StepSpec> steps = lab.steps("impute:median,standardize");
            assertThat(steps).extracting(StepSpec::id).containsExactly("impute", "standardize");
            assertThat(steps.getFirst().params()).containsEntry("strategy", "median");
            Dataset raw = raw(300, 1, true);
            PipelineFit fit = lab.fit(steps, FitRequest.of("kmeans", Map.of("k", 3)).seed(4), raw);
            assertThat(fit.preprocessing().data().hasMissing()).isFalse();
            assertThat(fit.labels()).hasSize(300);
            Path file = tmp.resolve("m.json");
            fit.model().save(file);
            Model back = lab.loadModel(file);
            assertThat(back.featureNames()).containsExactly("a", "b", "c");
            assertThat(back.steps()).extracting(FittedStep::id).containsExactly("impute", "standardize");
            assertThat(back.predict(raw, lab.context(0))).containsExactly(fit.labels());
            // the same rows preprocessed by the restored steps, bit for bit
            assertThat(back.transform(raw).data()).containsExactly(fit.preprocessing().data().data());
            // without the steps the scales differ by 10^6 and a model of the scaled rows labels raw rows otherwise
            assertThat(fit.model().clusterModel().predict(raw(300, 1, false), lab.context(0))).isNotEqualTo(fit.labels());
        }
    }

    @Test
    void wrongStepsAndColumnsAreNamed() {
        try (ClusterLab lab = ClusterLab.builder().build()) {
            assertThatThrownBy(() -> lab.steps("standardise")).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("unknown preprocessing step 'standardise'").hasMessageContaining("standardize");
            assertThatThrownBy(() -> lab.steps("impute:mode")).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("impute:mode").hasMessageContaining("strategy");
            assertThat(lab.steps("pca:2").getFirst().params()).containsEntry("n_components", "2");
            assertThatThrownBy(() -> lab.steps("pca:2:3")).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("expected NAME=VALUE").hasMessageContaining("n_components");
            PipelineFit fit = lab.fit(lab.steps("standardize"), FitRequest.of("kmeans", Map.of("k", 3)), raw(60, 2, false));
            Dataset two = Dataset.of("two", 2, 2, new float[] {1, 2, 3, 4}, List.of("a", "b"), null);
            assertThatThrownBy(() -> fit.model().predict(two, lab.context(0))).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("has 2 feature columns but the model was fitted on 3 (a, b, c)");
        }
    }

    @Test
    void aVersionOneModelFileWithoutStepsStillLoads() throws Exception {
        try (ClusterLab lab = ClusterLab.builder().build()) {
            Dataset raw = raw(90, 3, false);
            PipelineFit fit = lab.fit(List.of(), FitRequest.of("kmeans", Map.of("k", 3)), raw);
            Path file = tmp.resolve("v2.json");
            fit.model().save(file);
            String v1 = Files.readString(file).replace("\"format_version\" : 2", "\"format_version\" : 1")
                    .replace("\"preprocessing\" : [ ],", "");
            Path old = Files.writeString(tmp.resolve("v1.json"), v1);
            assertThat(Files.readString(old)).doesNotContain("preprocessing");
            assertThat(lab.loadModel(old).predict(raw, lab.context(0))).containsExactly(fit.labels());
        }
    }
}
