package dev.clusterlab.plugins.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.Labels;
import dev.clusterlab.api.artifact.ArtifactKinds;
import dev.clusterlab.api.artifact.Embedding;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.testkit.AdjustedRand;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge cases: precomputed matrices, graphs that are not connected, sizes, the missing model, the artifact. */
class SpectralBehaviourTest {
    private final SpectralAlgorithm spectral = new SpectralAlgorithm();

    private static SpectralParams params(int k, SpectralParams.Affinity affinity) {
        return new SpectralParams(k, affinity, 0.5, 10, SpectralParams.AssignLabels.KMEANS, 10, 0);
    }

    /** An rbf similarity matrix of 90 points in 3 blobs, as a dataset of 90 rows and 90 columns. */
    private static Dataset similarities(float perturb) {
        Dataset points = TestData.blobs(90, 2, 3, 0.8, 4);
        int n = points.n();
        float[] s = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d2 = 0;
                for (int c = 0; c < 2; c++) {
                    double diff = points.get(i, c) - points.get(j, c);
                    d2 += diff * diff;
                }
                s[i * n + j] = (float) Math.exp(-0.5 * d2);
            }
        }
        if (perturb != 0) {
            s[1 * n + 2] *= 1 + perturb;
        }
        return Dataset.of("similarities", n, n, s, null, points.truth().orElseThrow());
    }

    @Test
    void hasNoModelAsScikitLearnHasNoPredict() {
        ClusteringResult r = spectral.fit(TestData.blobs(60, 2, 3, 0.5, 1), params(3, SpectralParams.Affinity.RBF),
                ReferenceData.context(1));
        assertThat(r.model()).isEmpty();
        assertThat(spectral.restoreModel(Map.of("format", "x"))).isEmpty();
    }

    @Test
    void embeddingIsAnArtifactOfNByK() {
        Dataset data = TestData.blobs(120, 3, 4, 0.5, 2);
        ClusteringResult r = spectral.fit(data, params(4, SpectralParams.Affinity.NEAREST_NEIGHBORS), ReferenceData.context(2));
        Embedding e = (Embedding) r.artifacts().get(SpectralAlgorithm.EMBEDDING);
        assertThat(e.kind()).isEqualTo(ArtifactKinds.EMBEDDING);
        assertThat(e.n()).isEqualTo(120);
        assertThat(e.m()).isEqualTo(4);
        assertThat(r.first(Embedding.class)).containsSame(e);
    }

    @Test
    void precomputedMatrixGivesTheBlobs() {
        Dataset s = similarities(0);
        ClusteringResult r = spectral.fit(s, params(3, SpectralParams.Affinity.PRECOMPUTED), ReferenceData.context(2));
        assertThat(AdjustedRand.of(s.truth().orElseThrow(), r.labels())).isEqualTo(1.0);
    }

    @Test
    void precomputedMatrixSymmetricWithinRoundingIsAccepted() {
        Dataset exact = similarities(0);
        Dataset rounded = similarities(3e-7f);
        SpectralParams p = params(3, SpectralParams.Affinity.PRECOMPUTED);
        assertThat(spectral.fit(rounded, p, ReferenceData.context(1)).labels())
                .isEqualTo(spectral.fit(exact, p, ReferenceData.context(1)).labels());
    }

    @Test
    void precomputedMatrixMustBeSquare() {
        assertThatThrownBy(() -> spectral.fit(TestData.blobs(30, 2, 3, 0.5, 1), params(3, SpectralParams.Affinity.PRECOMPUTED),
                ReferenceData.context(1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("square").hasMessageContaining("30 rows and 2 columns");
    }

    @Test
    void precomputedMatrixMustBeSymmetric() {
        assertThatThrownBy(() -> spectral.fit(similarities(0.01f), params(3, SpectralParams.Affinity.PRECOMPUTED),
                ReferenceData.context(1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("symmetric").hasMessageContaining("row 2, column 3");
    }

    @Test
    void precomputedMatrixMustBeNonNegative() {
        Dataset s = similarities(0);
        float[] v = s.data().clone();
        v[5 * 90 + 7] = -0.25f;
        Dataset negative = Dataset.of("negative", 90, 90, v, null, null);
        assertThatThrownBy(() -> spectral.fit(negative, params(3, SpectralParams.Affinity.PRECOMPUTED), ReferenceData.context(1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("non-negative").hasMessageContaining("row 6, column 8").hasMessageContaining("-0.25");
    }

    @Test
    void graphThatIsNotFullyConnectedIsReported() {
        TestData.Recording far = new TestData.Recording(1);
        spectral.fit(TestData.blobs(90, 2, 3, 0.3, 5), params(3, SpectralParams.Affinity.NEAREST_NEIGHBORS), far);
        assertThat(far.finalMessage).contains("not fully connected (3 components)");
        TestData.Recording near = new TestData.Recording(1);
        spectral.fit(TestData.blobs(90, 2, 3, 4, 5), params(3, SpectralParams.Affinity.RBF), near);
        assertThat(near.finalMessage).doesNotContain("not fully connected");
    }

    @Test
    void moreComponentsThanClustersStillGiveKClusters() {
        // 6 far blobs, k = 3: the 3 largest components (equal sizes: the first three) are the embedding.
        Dataset data = TestData.blobs(120, 2, 6, 0.3, 6);
        ClusteringResult r = spectral.fit(data, params(3, SpectralParams.Affinity.NEAREST_NEIGHBORS), ReferenceData.context(1));
        assertThat(Labels.checkContract(r.labels(), data.n())).isNull();
        assertThat(r.clusterCount()).isEqualTo(3);
    }

    @Test
    void graphWithoutEdgesStillGivesLabels() {
        // n_neighbors = 1 lists each point itself only: no edge, every node isolated (Laplacian = I).
        Dataset data = TestData.blobs(40, 2, 2, 0.5, 7);
        SpectralParams p = new SpectralParams(2, SpectralParams.Affinity.NEAREST_NEIGHBORS, 1, 1,
                SpectralParams.AssignLabels.CLUSTER_QR, 1, 0);
        ClusteringResult r = spectral.fit(data, p, ReferenceData.context(1));
        assertThat(Labels.checkContract(r.labels(), data.n())).isNull();
    }

    @Test
    void tooManyNeighboursAreRejected() {
        assertThatThrownBy(() -> spectral.fit(TestData.blobs(8, 2, 2, 0.5, 1), params(2, SpectralParams.Affinity.NEAREST_NEIGHBORS),
                ReferenceData.context(1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("n_neighbors=10").hasMessageContaining("only 8 points");
    }

    @Test
    void onePointIsRejected() {
        assertThatThrownBy(() -> spectral.fit(TestData.blobs(1, 2, 1, 0.5, 1), params(1, SpectralParams.Affinity.RBF),
                ReferenceData.context(1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("at least 2");
    }

    @Test
    void denseMatrixTooLargeForTheHeapIsRefusedBeforeAllocating() {
        assertThatThrownBy(() -> AffinityGraphs.checkDenseFits("affinity: rbf", 60_000))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("60000 points").hasMessageContaining("6867 MB").hasMessageContaining("nearest_neighbors");
    }

    @Test
    void parametersAreCheckedWithTheirNames() {
        assertThatThrownBy(() -> ParamBinder.bind(SpectralAlgorithm.ID, SpectralParams.SPECS, Map.of("assign_labels", "spectral")))
                .isInstanceOf(ParameterException.class).hasMessageContaining("assign_labels");
        assertThatThrownBy(() -> new SpectralParams(2, SpectralParams.Affinity.RBF, -1, 10, SpectralParams.AssignLabels.KMEANS, 10, 0))
                .isInstanceOf(ParameterException.class).hasMessageContaining("gamma");
        assertThatThrownBy(() -> new SpectralParams(2, SpectralParams.Affinity.RBF, 1, 10, SpectralParams.AssignLabels.KMEANS, 10, -1e-3))
                .isInstanceOf(ParameterException.class).hasMessageContaining("eigen_tol");
        assertThat(ParamBinder.bind(SpectralAlgorithm.ID, SpectralParams.SPECS, Map.of()).asMap())
                .containsEntry("k", 8L).containsEntry("affinity", "rbf").containsEntry("n_init", 10L);
    }

    @Test
    void aliasIsSc() {
        assertThat(spectral.descriptor().id()).isEqualTo("spectral");
        assertThat(spectral.descriptor().aliases()).containsExactly("sc");
    }
}
