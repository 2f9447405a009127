package dev.clusterlab.plugins.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.Embedding;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.testkit.AdjustedRand;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spectral clustering against scikit-learn 1.2.1's {@code SpectralClustering} on the committed datasets
 * ({@code scripts/reference/spectral_reference.py}): blobs in 3 and 5 dimensions and anisotropic blobs
 * with rbf, moons and circles with nearest_neighbors, each assign_labels, and a precomputed rbf matrix;
 * 300 points (dense solver) and 600 (Lanczos). Each run must give scikit-learn's labels (ARI at least
 * 0.99) with as many clusters, the same labels with 1 and 2 threads, and the embedding scikit-learn's
 * {@code spectral_embedding} gives: every column whose eigenvalue is separated from its neighbours by
 * more than {@value #GAP} has |cosine| at least {@value #COSINE} with scikit-learn's, and where the
 * k-th and (k+1)-th eigenvalues are that far apart the two column spaces have all principal cosines at
 * least {@value #COSINE}.
 */
class SpectralReferenceTest {
    private static final double GAP = 1e-3;
    private static final double COSINE = 0.999;

    static List<ReferenceData.Run> runs() {
        return ReferenceData.runs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void matchesScikitLearn(ReferenceData.Run run) {
        Dataset data = ReferenceData.dataset(run.dataset());
        SpectralAlgorithm spectral = new SpectralAlgorithm();
        ClusteringResult one = spectral.fit(data, ParamBinder.bind(SpectralAlgorithm.ID, SpectralParams.SPECS, run.params()),
                ReferenceData.context(1));
        ClusteringResult two = spectral.fit(data, ParamBinder.bind(SpectralAlgorithm.ID, SpectralParams.SPECS, run.params()),
                ReferenceData.context(2));
        assertThat(two.labels()).as("labels with 2 threads").isEqualTo(one.labels());

        int[] sklearn = ReferenceData.labels(run.run());
        assertThat(AdjustedRand.of(sklearn, one.labels())).as("ARI against scikit-learn").isGreaterThanOrEqualTo(0.99);
        assertThat(ReferenceData.clusters(one.labels())).as("clusters").isEqualTo(ReferenceData.clusters(sklearn));

        int k = run.k();
        Embedding ours = (Embedding) one.artifacts().get(SpectralAlgorithm.EMBEDDING);
        assertThat(ours.m()).isEqualTo(k);
        double[] theirs = ReferenceData.embedding(run.run());
        double[] lambda = ReferenceData.eigenvalues(run.run());
        for (int c = 0; c < k; c++) {
            double below = c == 0 ? Double.POSITIVE_INFINITY : lambda[c] - lambda[c - 1];
            double above = lambda[c + 1] - lambda[c];
            if (Math.min(below, above) > GAP) {
                assertThat(ReferenceData.absCosine(ours.column(c), ReferenceData.column(theirs, k, c)))
                        .as("|cosine| of column %d (eigenvalue %s)", c, lambda[c]).isGreaterThanOrEqualTo(COSINE);
            }
        }
        if (lambda[k] - lambda[k - 1] > GAP) {
            double smallest = java.util.Arrays.stream(ReferenceData.principalCosines(ours.coordinates(), theirs, k)).min().orElseThrow();
            assertThat(smallest).as("smallest principal cosine of the column spaces").isGreaterThanOrEqualTo(COSINE);
        }
    }
}
