package dev.clusterlab.host.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.pipeline.PipelineFit;
import dev.clusterlab.host.FitRequest;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values whose squared distances overflow or underflow float32 (1e20, 3e37, 1e-40): k-means used to put
 * every point into one cluster with no error. They are refused at the door with the cure, and the
 * cure (standardize) finds the six generated groups exactly.
 */
class ExtremeValuesTest {
    private static final int GROUPS = 6;
    private static final int PER_GROUP = 40;

    /** Six well-separated groups (centres 10 apart, spread 0.3) scaled by {@code scale}; truth = the group. */
    private static Dataset sixGroups(double scale) {
        Random r = new Random(3);
        float[][] rows = new float[GROUPS * PER_GROUP][];
        int[] truth = new int[rows.length];
        for (int g = 0; g < GROUPS; g++) {
            for (int i = 0; i < PER_GROUP; i++) {
                int at = g * PER_GROUP + i;
                rows[at] = new float[] {(float) ((10 * g + 0.3 * r.nextGaussian()) * scale), (float) ((10 * (g % 2) + 0.3 * r.nextGaussian()) * scale)};
                truth[at] = g;
            }
        }
        return Dataset.of("six", rows).withTruth(truth);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e20, 3e36, 1e-40})
    void extremeValuesAreRefusedBeforeTheFitWithTheCure(double scale) {
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            assertThatThrownBy(() -> lab.fit("kmeans", sixGroups(scale), Map.of("k", GROUPS)))
                    .isInstanceOf(UserInputException.class)
                    .hasMessageContaining("dataset six")
                    .hasMessageContaining("float32")
                    .hasMessageContaining("standardize");
            assertThatThrownBy(() -> lab.metric("silhouette", sixGroups(scale), new int[GROUPS * PER_GROUP]))
                    .isInstanceOf(UserInputException.class).hasMessageContaining("float32");
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e20, 3e36, 1e-40, 1})
    void standardizingFirstFindsTheSixGroups(double scale) {
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            Dataset data = sixGroups(scale);
            PipelineFit fit = lab.fit(lab.steps("standardize"), FitRequest.of("kmeans", Map.of("k", GROUPS, "n_init", 5)).seed(1), data);
            assertThat(lab.metric("adjusted_rand", data, fit.fit().labels())).isEqualTo(1.0);
        }
    }
}
