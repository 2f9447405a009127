package dev.clusterlab.plugins.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.Embedding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 1 and 2 threads give the same labels and the same embedding bits on graphs large enough for several
 * chunks of every parallel step (the dense product's 32 row chunks, the Lanczos solver's 8,192-entry
 * chunks of dot products): 2,500 points with rbf, 20,000 with nearest_neighbors (overlapping blobs, so that
 * both graphs are connected and the Lanczos solver runs), each assign_labels.
 */
class ThreadCountTest {
    private static final Dataset RBF_DATA = TestData.blobs(2500, 5, 6, 3, 21);
    private static final Dataset KNN_DATA = TestData.blobs(20000, 4, 8, 2.5, 22);

    @ParameterizedTest
    @EnumSource(SpectralParams.AssignLabels.class)
    void rbfIsTheSameForOneAndTwoThreads(SpectralParams.AssignLabels assign) {
        same(RBF_DATA, new SpectralParams(6, SpectralParams.Affinity.RBF, 0.2, 10, assign, 3, 0));
    }

    @ParameterizedTest
    @EnumSource(SpectralParams.AssignLabels.class)
    void nearestNeighborsIsTheSameForOneAndTwoThreads(SpectralParams.AssignLabels assign) {
        same(KNN_DATA, new SpectralParams(8, SpectralParams.Affinity.NEAREST_NEIGHBORS, 1, 10, assign, 3, 0));
    }

    private static void same(Dataset data, SpectralParams p) {
        SpectralAlgorithm spectral = new SpectralAlgorithm();
        ClusteringResult one = spectral.fit(data, p, ReferenceData.context(1));
        ClusteringResult two = spectral.fit(data, p, ReferenceData.context(2));
        assertThat(two.labels()).isEqualTo(one.labels());
        assertThat(((Embedding) two.artifacts().get(SpectralAlgorithm.EMBEDDING)).coordinates())
                .isEqualTo(((Embedding) one.artifacts().get(SpectralAlgorithm.EMBEDDING)).coordinates());
        assertThat(one.iterations()).as("Lanczos products: the iterative solver ran").isPositive();
        assertThat(two.iterations()).isEqualTo(one.iterations());
        assertThat(Double.doubleToLongBits(two.objective())).isEqualTo(Double.doubleToLongBits(one.objective()));
        assertThat(dev.clusterlab.api.testkit.AdjustedRand.of(data.truth().orElseThrow(), one.labels()))
                .as("finds most of the (overlapping) blobs").isGreaterThan(0.6);
    }
}
