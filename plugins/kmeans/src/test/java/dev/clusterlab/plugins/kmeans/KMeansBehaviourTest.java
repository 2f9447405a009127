package dev.clusterlab.plugins.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.IterationStats;
import dev.clusterlab.api.algorithm.Labels;
import dev.clusterlab.api.exec.CancelledException;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.testkit.EasyBlobs;
import dev.clusterlab.engine.EngineContext;
import dev.clusterlab.engine.EngineContextFactory;
import dev.clusterlab.engine.KernelSelection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Determinism, empty clusters, kernels, data errors, statistics, progress and cancellation. */
class KMeansBehaviourTest {
    private static final KMeansAlgorithm KMEANS = new KMeansAlgorithm();

    private static KMeansParams params(int k, KMeansParams.Init init, int nInit) {
        return new KMeansParams(k, init, nInit, 300, 1e-4);
    }

    private static ExecutionContext context(int threads, long seed) {
        return ExecutionContextFactory.load().create(threads, seed);
    }

    /** Twelve heavily overlapping Gaussian blobs: many iterations, many reassignments. */
    private static Dataset overlapping(int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(12);
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (((c * 7 + j * 3) % 11) + 2.5 * gaussian(rnd));
            }
        }
        return Dataset.of("overlapping", n, d, x, null, null);
    }

    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @Test
    void oneAndThreeThreadsGiveTheSameLabelsAndObjectiveBitsOnTwentyThousandPoints() {
        Dataset data = overlapping(20_000, 5, 1);
        ClusteringResult one = KMEANS.fit(data, params(12, KMeansParams.Init.K_MEANS_PLUS_PLUS, 2), context(1, 99));
        ClusteringResult three = KMEANS.fit(data, params(12, KMeansParams.Init.K_MEANS_PLUS_PLUS, 2), context(3, 99));
        assertThat(one.iterations()).as("a real workout, not an instant convergence").isGreaterThan(5);
        assertThat(three.labels()).isEqualTo(one.labels());
        assertThat(Double.doubleToLongBits(three.objective())).isEqualTo(Double.doubleToLongBits(one.objective()));
        assertThat(three.centroids().orElseThrow()).isEqualTo(one.centroids().orElseThrow());
        assertThat(three.iterationStats()).isEqualTo(one.iterationStats());
    }

    @Test
    void randomInitOnDuplicatesRelocatesEmptyClustersAndNeverGivesNaN() {
        float[][] rows = new float[12][];
        for (int i = 0; i < 10; i++) {
            rows[i] = new float[] {1f, 1f};
        }
        rows[10] = new float[] {5f, 1f};
        rows[11] = new float[] {1f, 9f};
        Dataset data = Dataset.of("duplicates", rows);
        int duplicateStarts = 0;
        for (long seed = 0; seed < 40; seed++) {
            // The same draw as the fit's single restart: seed -> SplittableRandom -> nextLong.
            float[] start = new RandomRows().centres(Points.of(data), 3,
                    new SplittableRandom(new SplittableRandom(seed).nextLong()), context(1, seed));
            if (centresAt(start, 1f, 1f) >= 2) {
                duplicateStarts++;
            }
            ClusteringResult r = KMEANS.fit(data, params(3, KMeansParams.Init.RANDOM, 1), context(1, seed));
            assertThat(r.centroids().orElseThrow()).as("seed %d", seed).doesNotContain(Float.NaN);
            assertThat(r.clusterCount()).as("seed %d", seed).isEqualTo(3);
            assertThat(Labels.checkContract(r.labels(), 12)).isNull();
            assertThat(r.objective()).isZero();
        }
        assertThat(duplicateStarts).as("seeds whose random start holds a duplicated centre").isPositive();
    }

    private static int centresAt(float[] centres, float x, float y) {
        int count = 0;
        for (int c = 0; c < centres.length; c += 2) {
            if (centres[c] == x && centres[c + 1] == y) {
                count++;
            }
        }
        return count;
    }

    @Test
    void fewerDistinctPointsThanClustersGiveFewerClustersButKeepTheLabelContract() {
        float[][] rows = new float[11][];
        for (int i = 0; i < 10; i++) {
            rows[i] = new float[] {2f, 3f};
        }
        rows[10] = new float[] {4f, 3f};
        ClusteringResult r = KMEANS.fit(Dataset.of("two-distinct", rows), params(3, KMeansParams.Init.RANDOM, 1), context(1, 3));
        assertThat(Labels.checkContract(r.labels(), 11)).isNull();
        assertThat(r.clusterCount()).isEqualTo(2);
        assertThat(r.centroidCount()).isEqualTo(2);
        assertThat(r.centroids().orElseThrow()).doesNotContain(Float.NaN).hasSize(4);
    }

    /**
     * scikit-learn's own {@code test_relocate_empty_clusters} (sklearn/cluster/tests/test_k_means.py,
     * 1.2.1): the two points farthest from the only centre move to the two empty clusters.
     */
    @Test
    void relocationMatchesScikitLearnsUnitTest() {
        float[] x = {-10f, -9.5f, -9f, -8.5f, -8f, -1f, 1f, 9f, 9.5f, 10f};
        float[] centresOld = {-10f, -10f, -10f};
        double[] sums = {-16.5, 0, 0};
        double[] counts = {10, 0, 0};
        boolean relocated = EmptyClusters.relocate(new Points(x, 10, 1, null), 3, centresOld, new int[10], sums, counts);
        assertThat(relocated).isTrue();
        assertThat(counts).containsExactly(8, 1, 1);
        assertThat(sums).containsExactly(-36, 10, 9.5);
    }

    @Test
    void scalarAndVectorKernelsGiveTheSameLabelsOnSeparatedBlobs() {
        Dataset data = EasyBlobs.generate(6, 700, 19, 4);
        ClusteringResult scalar = KMEANS.fit(data, params(6, KMeansParams.Init.K_MEANS_PLUS_PLUS, 3), with("scalar", 8));
        ClusteringResult vector = KMEANS.fit(data, params(6, KMeansParams.Init.K_MEANS_PLUS_PLUS, 3), with("vector", 8));
        assertThat(vector.labels()).isEqualTo(scalar.labels());
        assertThat(vector.objective()).isCloseTo(scalar.objective(), withinPercentage(1e-6));
    }

    private static ExecutionContext with(String kernels, long seed) {
        Kernels k = KernelSelection.select(kernels).kernels();
        assertThat(k.implementation()).isEqualTo(kernels);
        return new EngineContext(k, EngineContextFactory.executor(1), seed, ProgressListener.NONE, () -> false);
    }

    @Test
    void moreClustersThanPointsNamesBoth() {
        Dataset four = Dataset.of("x", new float[][] {{0f}, {1f}, {2f}, {3f}});
        assertThatThrownBy(() -> KMEANS.fit(four, params(5, KMeansParams.Init.K_MEANS_PLUS_PLUS, 1), context(1, 1)))
                .isInstanceOf(DataException.class)
                .hasMessage("kmeans: k=5 clusters requested but the dataset 'x' has only 4 points");
    }

    @Test
    void emptyDataIsNamedEmpty() {
        Dataset none = Dataset.of("none", 0, 2, new float[0], null, null);
        assertThatThrownBy(() -> KMEANS.fit(none, params(2, KMeansParams.Init.K_MEANS_PLUS_PLUS, 1), context(1, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("empty")
                .hasMessageContaining("'none'");
    }

    @Test
    void iterationStatisticsDescribeEveryIteration() {
        Dataset data = overlapping(3_000, 4, 2);
        ClusteringResult r = KMEANS.fit(data, params(5, KMeansParams.Init.K_MEANS_PLUS_PLUS, 1), context(2, 4));
        List<IterationStats> stats = r.iterationStats();
        assertThat(stats).hasSize(r.iterations());
        assertThat(stats.getFirst().reassignments()).isEqualTo(3_000);
        for (int i = 0; i < stats.size(); i++) {
            assertThat(stats.get(i).iteration()).isEqualTo(i + 1);
            assertThat(stats.get(i).distanceComputations()).isEqualTo(3_000L * 5);
            if (i > 0) {
                // The per-iteration objective is summed from the kernel's float distances: exact up to ~1e-6.
                assertThat(stats.get(i).objective()).as("Lloyd never increases inertia")
                        .isLessThanOrEqualTo(stats.get(i - 1).objective() * (1 + 1e-6));
            }
        }
        assertThat(r.converged()).isTrue();
        assertThat(r.objective()).isLessThanOrEqualTo(stats.getLast().objective() * (1 + 1e-6));
    }

    @Test
    void maxIterStopsTheRunUnconverged() {
        Dataset data = overlapping(3_000, 4, 2);
        ClusteringResult r = KMEANS.fit(data, new KMeansParams(8, KMeansParams.Init.RANDOM, 1, 1, 0), context(1, 4));
        assertThat(r.iterations()).isEqualTo(1);
        assertThat(r.converged()).isFalse();
        // Labels were recomputed against the final centres.
        assertThat(r.model().orElseThrow().predict(data, context(1, 4))).isEqualTo(r.labels());
    }

    @Test
    void progressIsReportedAndCancellationStopsTheFit() {
        Dataset data = EasyBlobs.generate(3, 50, 2, 1);
        List<String> messages = new CopyOnWriteArrayList<>();
        ExecutionContext reporting = new EngineContext(KernelSelection.current().kernels(), EngineContextFactory.executor(1),
                1, (fraction, message) -> messages.add(message), () -> false);
        KMEANS.fit(data, params(3, KMeansParams.Init.K_MEANS_PLUS_PLUS, 2), reporting);
        assertThat(messages).isNotEmpty().allMatch(m -> m.startsWith("init "));
        assertThat(messages.getLast()).startsWith("init 2/2");

        ExecutionContext cancelled = new EngineContext(KernelSelection.current().kernels(), EngineContextFactory.executor(1),
                1, ProgressListener.NONE, () -> true);
        assertThatThrownBy(() -> KMEANS.fit(data, params(3, KMeansParams.Init.K_MEANS_PLUS_PLUS, 1), cancelled))
                .isInstanceOf(CancelledException.class);
    }
}
