package dev.clusterlab.plugins.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.testkit.EasyBlobs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The fitted model labels new points with their nearest centroid. */
class KMeansModelTest {
    private final ExecutionContext context = ExecutionContextFactory.load().create(2, 5);
    private final Dataset blobs = EasyBlobs.generate(4, 60, 3, 21);
    private final ClusteringResult fitted = new KMeansAlgorithm()
            .fit(blobs, new KMeansParams(4, KMeansParams.Init.K_MEANS_PLUS_PLUS, 1, 300, 1e-4), context);
    private final ClusterModel model = fitted.model().orElseThrow();

    @Test
    void eachCentroidGetsItsOwnLabel() {
        float[] centroids = fitted.centroids().orElseThrow();
        int k = fitted.centroidCount();
        assertThat(k).isEqualTo(4);
        int[] predicted = model.predict(Dataset.of("centroids", k, 3, centroids.clone(), null, null), context);
        assertThat(predicted).containsExactly(0, 1, 2, 3);
    }

    @Test
    void newPointsNearABlobCentreGetTheLabelOfThatBlobsTrainingPoints() {
        int[] truth = blobs.truth().orElseThrow();
        // EasyBlobs puts blob c at (20c, 20(c mod 2), 0); probe slightly off each centre.
        float[][] probes = new float[4][];
        int[] expected = new int[4];
        for (int c = 0; c < 4; c++) {
            probes[c] = new float[] {20f * c + 0.3f, 20f * (c % 2) - 0.2f, 0.1f};
            int firstOfBlob = indexOf(truth, c);
            expected[c] = fitted.labels()[firstOfBlob];
        }
        assertThat(model.predict(Dataset.of("probes", probes), context)).containsExactly(expected);
    }

    @Test
    void predictingTheTrainingDataGivesTheTrainingLabels() {
        assertThat(model.predict(blobs, context)).isEqualTo(fitted.labels());
    }

    @Test
    void dimensionMismatchNamesBothDimensions() {
        Dataset wide = Dataset.of("wide", new float[][] {{1f, 2f, 3f, 4f, 5f}});
        assertThatThrownBy(() -> model.predict(wide, context))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("3")
                .hasMessageContaining("5")
                .hasMessageContaining("wide");
    }

    @Test
    void noPointsGiveNoLabels() {
        assertThat(model.predict(Dataset.of("none", 0, 3, new float[0], null, null), context)).isEmpty();
    }

    private static int indexOf(int[] values, int wanted) {
        return Arrays.stream(values).boxed().toList().indexOf(wanted);
    }
}
