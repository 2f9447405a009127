package dev.clusterlab.plugins.density;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.Labels;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.param.ParamBinder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** HDBSCAN* invariants on the committed noisy datasets, and its spanning tree against a brute-force one. */
class HdbscanInvariantsTest {

    @Test
    void progressOnlyGrowsThroughCoreDistancesSpanningTreeAndSelection() {
        // Boruvka (2-d) and blocked Prim (20-d) report their own fractions through a stage of the fit's.
        for (int d : new int[] {2, 20}) {
            Dataset data = Dataset.of("blobs", FastPathsTest.blobs(3000, d, 5, 11 + d));
            ExecutionContext base = Fits.context(2);
            List<Double> seen = new ArrayList<>();
            ProgressListener listener = (fraction, message) -> {
                synchronized (seen) {
                    seen.add(fraction);
                }
            };
            ExecutionContext context = new ExecutionContext() {
                public Kernels kernels() {
                    return base.kernels();
                }

                public Parallel parallel() {
                    return base.parallel();
                }

                public long seed() {
                    return 1;
                }

                public ProgressListener progress() {
                    return listener;
                }

                public boolean cancelled() {
                    return false;
                }

                public ExecutionContext withSeed(long seed) {
                    return this;
                }
            };
            new HdbscanAlgorithm().fit(data, HdbscanParams.from(ParamBinder.bind("hdbscan",
                    new HdbscanAlgorithm().descriptor().params(), Map.of("min_cluster_size", 15))), context);
            assertThat(seen).as("d=%d", d).hasSizeGreaterThan(2).isSorted().endsWith(1.0);
            assertThat(seen).as("d=%d", d).allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        }
    }

    @Test
    void labelsProbabilitiesAndScoresAreWellFormedAndThreadCountInvariant() {
        for (String name : new String[] {"varied", "moons", "blobs4d"}) {
            Dataset data = ReferenceData.dataset(name, false);
            Map<String, Object> params = Map.of("min_cluster_size", 15);
            ClusteringResult one = Fits.fit(new HdbscanAlgorithm(), data, params, 1);
            ClusteringResult three = Fits.fit(new HdbscanAlgorithm(), data, params, 3);
            HdbscanModel m1 = (HdbscanModel) one.model().orElseThrow();
            HdbscanModel m3 = (HdbscanModel) three.model().orElseThrow();
            assertThat(Labels.checkContract(one.labels(), data.n())).as(name).isNull();
            assertThat(one.clusterCount()).as(name).isGreaterThanOrEqualTo(2);
            assertThat(three.labels()).as(name).isEqualTo(one.labels());
            assertThat(m3.probabilities()).as(name).isEqualTo(m1.probabilities());
            assertThat(m3.outlierScores()).as(name).isEqualTo(m1.outlierScores());
            double[] p = m1.probabilities();
            double[] s = m1.outlierScores();
            for (int i = 0; i < data.n(); i++) {
                assertThat(p[i]).as("%s probability of %d", name, i).isBetween(0.0, 1.0);
                assertThat(s[i]).as("%s outlier score of %d", name, i).isBetween(0.0, 1.0);
                if (one.labels()[i] == -1) {
                    assertThat(p[i]).isZero();
                }
            }
        }
    }

    @Test
    void spanningTreeHasTheWeightOfABruteForceMutualReachabilityTree() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 120;
        int d = 3;
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) (rnd.nextDouble() * 10);
            }
        }
        int minSamples = 4;
        ClusteringResult r = Fits.fit(new HdbscanAlgorithm(), Dataset.of("random", rows),
                Map.of("min_cluster_size", 5, "min_samples", minSamples), 2);
        HdbscanModel model = (HdbscanModel) r.model().orElseThrow();
        double[][] dist = new double[n][n];
        double[] core = new double[n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (rows[a][j] - rows[b][j]) * (double) (rows[a][j] - rows[b][j]);
                }
                dist[a][b] = Math.sqrt(s);
            }
            double[] sorted = dist[a].clone();
            Arrays.sort(sorted);
            core[a] = sorted[minSamples - 1];
        }
        for (int a = 0; a < n; a++) {
            assertThat((double) model.coreDistances()[a]).isCloseTo(core[a], within(1e-5));
        }
        // Textbook O(n^2) Prim over the explicit mutual reachability matrix, in double.
        boolean[] in = new boolean[n];
        double[] best = new double[n];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        double total = 0;
        for (int step = 0; step < n; step++) {
            int u = -1;
            for (int v = 0; v < n; v++) {
                if (!in[v] && (u < 0 || best[v] < best[u])) {
                    u = v;
                }
            }
            in[u] = true;
            total += best[u];
            for (int v = 0; v < n; v++) {
                best[v] = Math.min(best[v], Math.max(dist[u][v], Math.max(core[u], core[v])));
            }
        }
        double ours = 0;
        for (float w : model.spanningTreeWeights()) {
            ours += w;
        }
        assertThat(model.spanningTreeEdges().length).isEqualTo(n - 1);
        assertThat(ours).isCloseTo(total, within(1e-4));
    }

    @Test
    void approximatePredictPlacesNewPointsInTheirBlobAndFarPointsInNoise() {
        Dataset data = ReferenceData.dataset("blobs4d", false);
        ClusteringResult r = Fits.fit(new HdbscanAlgorithm(), data, Map.of("min_cluster_size", 15), 1);
        HdbscanModel model = (HdbscanModel) r.model().orElseThrow();
        // Fitted points with full membership, predicted again, keep their label.
        int checked = 0;
        int same = 0;
        int[] again = model.predict(data, Fits.context(2));
        for (int i = 0; i < data.n(); i++) {
            if (model.probabilities()[i] == 1.0) {
                checked++;
                same += again[i] == r.labels()[i] ? 1 : 0;
            }
        }
        assertThat(checked).isPositive();
        assertThat(same).isEqualTo(checked);
        float[][] far = {{1000f, 1000f, 1000f, 1000f}};
        assertThat(model.predict(Dataset.of("far", far), Fits.context(1))).containsExactly(-1);
    }
}
