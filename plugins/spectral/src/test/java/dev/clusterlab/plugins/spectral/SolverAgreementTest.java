package dev.clusterlab.plugins.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.Embedding;
import dev.clusterlab.api.exec.ExecutionContext;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dense solver (Householder + implicit QL) and the thick-restart Lanczos solver give the same
 * eigenvalues (within {@value #VALUE_TOLERANCE}), the same embedding columns where the eigenvalues are
 * separated (|cosine| at least 1 - 1e-6), the same principal subspace, and the same labels, on
 * connected rbf and nearest-neighbour graphs of 600 and 800 points.
 */
class SolverAgreementTest {
    private static final double VALUE_TOLERANCE = 1e-9;

    record Case(String name, Dataset data, SpectralParams params) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("rbf 800 x 3, k=5", TestData.blobs(800, 3, 5, 2.5, 11),
                        new SpectralParams(5, SpectralParams.Affinity.RBF, 0.3, 10, SpectralParams.AssignLabels.KMEANS, 10, 0)),
                new Case("nearest_neighbors 800 x 4, k=6", TestData.blobs(800, 4, 6, 3, 12),
                        new SpectralParams(6, SpectralParams.Affinity.NEAREST_NEIGHBORS, 1, 12, SpectralParams.AssignLabels.KMEANS, 10, 0)),
                new Case("moons600 nearest_neighbors k=4", ReferenceData.dataset("moons600"),
                        new SpectralParams(4, SpectralParams.Affinity.NEAREST_NEIGHBORS, 1, 15, SpectralParams.AssignLabels.CLUSTER_QR, 1, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void denseAndLanczosAgree(Case c) {
        ExecutionContext context = ReferenceData.context(2);
        NormalizedAffinity op = c.params().affinity() == SpectralParams.Affinity.RBF
                ? AffinityGraphs.rbf(c.data(), c.params().gamma(), context)
                : AffinityGraphs.nearestNeighbors(c.data(), c.params().nNeighbors(), context);
        int k = c.params().k();
        SpectralEmbedding.Result dense = SpectralEmbedding.compute(op, k, 0, SpectralEmbedding.Solver.DENSE, 1, context,
                (f, m) -> { });
        SpectralEmbedding.Result lanczos = SpectralEmbedding.compute(op, k, 0, SpectralEmbedding.Solver.LANCZOS, 1, context,
                (f, m) -> { });
        assertThat(dense.solver()).isEqualTo("dense");
        assertThat(lanczos.solver()).isEqualTo("lanczos");
        assertThat(lanczos.converged()).isTrue();
        assertThat(dense.components()).as("a connected graph").isEqualTo(1);
        double[] a = dense.laplacianEigenvalues();
        double[] b = lanczos.laplacianEigenvalues();
        for (int t = 0; t < k; t++) {
            assertThat(b[t]).as("eigenvalue %d", t).isCloseTo(a[t], org.assertj.core.data.Offset.offset(VALUE_TOLERANCE));
        }
        for (int col = 0; col < k; col++) {
            double gapBelow = col == 0 ? 1 : a[col] - a[col - 1];
            double gapAbove = col == k - 1 ? 1 : a[col + 1] - a[col];
            if (Math.min(gapBelow, gapAbove) > 1e-4) {
                assertThat(ReferenceData.absCosine(ReferenceData.column(dense.coordinates(), k, col),
                        ReferenceData.column(lanczos.coordinates(), k, col))).as("column %d", col).isGreaterThan(1 - 1e-6);
            }
        }
        double smallest = java.util.Arrays.stream(ReferenceData.principalCosines(dense.coordinates(), lanczos.coordinates(), k))
                .min().orElseThrow();
        assertThat(smallest).isGreaterThan(1 - 1e-6);

        SpectralAlgorithm spectral = new SpectralAlgorithm();
        ClusteringResult rd = spectral.fit(c.data(), c.params(), SpectralEmbedding.Solver.DENSE, context);
        ClusteringResult rl = spectral.fit(c.data(), c.params(), SpectralEmbedding.Solver.LANCZOS, context);
        assertThat(dev.clusterlab.api.testkit.AdjustedRand.of(rd.labels(), rl.labels())).as("labels").isEqualTo(1.0);
        assertThat(((Embedding) rl.artifacts().get(SpectralAlgorithm.EMBEDDING)).m()).isEqualTo(k);
    }
}
