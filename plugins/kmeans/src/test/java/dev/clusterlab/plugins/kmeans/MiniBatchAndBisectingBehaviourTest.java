package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.testkit.AdjustedRand;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.IterationStats;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.param.ParamBinder;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Early stopping and statistics of mini-batch k-means; split choice of bisecting k-means. */
class MiniBatchAndBisectingBehaviourTest {
    private static final MiniBatchKMeansAlgorithm MINIBATCH = new MiniBatchKMeansAlgorithm();
    private static final BisectingKMeansAlgorithm BISECTING = new BisectingKMeansAlgorithm();

    private static ExecutionContext context(long seed) {
        return ExecutionContextFactory.load().create(2, seed);
    }

    private static ClusteringResult miniBatch(Dataset data, Map<String, Object> params, long seed) {
        return MINIBATCH.fit(data, ParamBinder.bind("minibatch_kmeans", MINIBATCH.descriptor().params(), params), context(seed));
    }

    @Test
    void lackOfImprovementStopsLongBeforeMaxIter() {
        Dataset data = KMeansVariantsTest.blobs(20_000, 4, 8, 0.5, 3);
        ClusteringResult r = miniBatch(data, Map.of("k", 8, "batch_size", 256), 1);
        long planned = 100L * 20_000 / 256;
        assertThat(r.converged()).isTrue();
        assertThat((long) r.iterationStats().size()).isLessThan(planned / 4);
        assertThat(AdjustedRand.of(data.truth().orElseThrow(), r.labels())).isGreaterThan(0.95);
        ClusteringResult all = miniBatch(data, Map.of("k", 8, "batch_size", 256, "max_no_improvement", 0, "max_iter", 2), 1);
        assertThat((long) all.iterationStats().size()).as("0 disables early stopping").isEqualTo(2L * 20_000 / 256);
        assertThat(all.iterations()).isEqualTo(2);
    }

    @Test
    void aPositiveTolStopsWhenTheCentresSettle() {
        Dataset data = KMeansVariantsTest.blobs(20_000, 4, 8, 0.5, 3);
        ClusteringResult r = miniBatch(data, Map.of("k", 8, "batch_size", 2048, "tol", 0.01, "max_no_improvement", 0), 2);
        assertThat(r.converged()).isTrue();
        assertThat(r.iterationStats().size()).isLessThan(100 * 20_000 / 2048);
    }

    @Test
    void kMeansPlusPlusSeedingFindsSeparatedBlobsForEverySeed() {
        Dataset data = KMeansVariantsTest.blobs(3_000, 2, 3, 0.05, 4);
        for (long seed = 0; seed < 10; seed++) {
            ClusteringResult r = miniBatch(data, Map.of("k", 3, "batch_size", 100), seed);
            assertThat(AdjustedRand.of(data.truth().orElseThrow(), r.labels())).as("seed %d", seed).isEqualTo(1.0);
        }
    }

    @Test
    void statisticsHaveOneEntryPerStepWithTheBatchDistances() {
        Dataset data = KMeansVariantsTest.blobs(4_000, 3, 4, 1.0, 5);
        ClusteringResult r = miniBatch(data, Map.of("k", 4, "batch_size", 500), 3);
        assertThat(r.iterationStats()).allMatch(s -> s.distanceComputations() == 500L * 4);
        assertThat(r.iterationStats()).extracting(IterationStats::iteration)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, r.iterationStats().size()).boxed().toList());
    }

    @Test
    void bisectingSplitsTheBiggestInertiaOrTheLargestCluster() {
        // A wide cluster of 100 points (big inertia) and a tight one of 400 (many points), far apart.
        int n = 500;
        float[] x = new float[n * 2];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            boolean wide = i < 100;
            x[2 * i] = (float) ((wide ? 0 : 1000) + (wide ? 40 : 1) * KMeansVariantsTest.gaussian(rnd));
            x[2 * i + 1] = (float) ((wide ? 40 : 1) * KMeansVariantsTest.gaussian(rnd));
        }
        Dataset data = Dataset.of("two", n, 2, x, null, null);
        int[] inertia = sizes(bisect(data, "biggest_inertia"));
        int[] largest = sizes(bisect(data, "largest_cluster"));
        assertThat(inertia).as("the wide cluster was split").contains(400);
        assertThat(largest).as("the large cluster was split").contains(100);
    }

    private static ClusteringResult bisect(Dataset data, String strategy) {
        return BISECTING.fit(data, ParamBinder.bind("bisecting_kmeans", BISECTING.descriptor().params(),
                Map.of("k", 3, "bisecting_strategy", strategy)), context(7));
    }

    private static int[] sizes(ClusteringResult r) {
        int[] s = new int[r.clusterCount()];
        for (int l : r.labels()) {
            s[l]++;
        }
        Arrays.sort(s);
        return s;
    }
}
