package dev.clusterlab.plugins.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.IterationStats;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.testkit.EasyBlobs;
import dev.clusterlab.engine.EngineContext;
import dev.clusterlab.engine.EngineContextFactory;
import dev.clusterlab.engine.KernelSelection;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Elkan, Hamerly, exponion and Yinyang are exact accelerations of Lloyd: the same labels and iteration counts (bit for bit
 * with the scalar kernel, up to float ties with the vector one) with fewer distance computations.
 */
class KMeansVariantsTest {
    private static final KMeansAlgorithm KMEANS = new KMeansAlgorithm();
    private static final KMeansParams.Variant[] ACCELERATED = {KMeansParams.Variant.ELKAN, KMeansParams.Variant.HAMERLY,
            KMeansParams.Variant.EXPONION, KMeansParams.Variant.YINYANG};

    static ExecutionContext with(String kernels, int threads, long seed) {
        Kernels k = KernelSelection.select(kernels).kernels();
        assertThat(k.implementation()).isEqualTo(kernels);
        return new EngineContext(k, EngineContextFactory.executor(threads), seed, ProgressListener.NONE, () -> false);
    }

    private static KMeansParams params(int k, KMeansParams.Variant variant, KMeansParams.Init init) {
        return new KMeansParams(k, init, 1, 300, 0, variant, "");
    }

    /** Gaussian blobs that overlap a little: many iterations, reassignments until late. */
    static Dataset blobs(int n, int d, int centres, double spread, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] mu = new float[centres * d];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = (float) (rnd.nextDouble() * 20 - 10);
        }
        float[] x = new float[n * d];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(centres);
            truth[i] = c;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (mu[c * d + j] + spread * gaussian(rnd));
            }
        }
        return Dataset.of("blobs", n, d, x, null, truth);
    }

    static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void scalarKernelGivesLloydsLabelsIterationsAndCentresExactly(long seed) {
        Dataset data = blobs(6_000, 7, 12, 3.0, seed);
        ClusteringResult lloyd = KMEANS.fit(data, params(12, KMeansParams.Variant.LLOYD, KMeansParams.Init.K_MEANS_PLUS_PLUS),
                with("scalar", 2, seed));
        assertThat(lloyd.iterations()).as("a real workout").isGreaterThan(5);
        for (KMeansParams.Variant v : ACCELERATED) {
            ClusteringResult r = KMEANS.fit(data, params(12, v, KMeansParams.Init.K_MEANS_PLUS_PLUS), with("scalar", 2, seed));
            assertThat(r.labels()).as("%s labels", v).isEqualTo(lloyd.labels());
            assertThat(r.iterations()).as("%s iterations", v).isEqualTo(lloyd.iterations());
            assertThat(r.centroids().orElseThrow()).as("%s centroids", v).isEqualTo(lloyd.centroids().orElseThrow());
            assertThat(r.objective()).as("%s inertia", v).isEqualTo(lloyd.objective());
            assertThat(r.iterationStats()).extracting(IterationStats::reassignments)
                    .isEqualTo(lloyd.iterationStats().stream().map(IterationStats::reassignments).toList());
        }
    }

    @Test
    void scalarExactnessHoldsWithSampleWeightsAndInHighDimension() {
        Dataset data = blobs(3_000, 70, 9, 12.0, 11);
        float[] w = new float[data.n()];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (0.1 + 3 * rnd.nextDouble());
        }
        Dataset weighted = data.withWeights(w);
        ClusteringResult lloyd = KMEANS.fit(weighted, params(9, KMeansParams.Variant.LLOYD, KMeansParams.Init.RANDOM), with("scalar", 1, 8));
        for (KMeansParams.Variant v : ACCELERATED) {
            ClusteringResult r = KMEANS.fit(weighted, params(9, v, KMeansParams.Init.RANDOM), with("scalar", 1, 8));
            assertThat(r.labels()).as("%s", v).isEqualTo(lloyd.labels());
            assertThat(r.iterations()).as("%s", v).isEqualTo(lloyd.iterations());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void vectorKernelGivesLloydsLabels(long seed) {
        Dataset data = blobs(6_000, 19, 10, 2.0, seed);
        ClusteringResult lloyd = KMEANS.fit(data, params(10, KMeansParams.Variant.LLOYD, KMeansParams.Init.K_MEANS_PLUS_PLUS),
                with("vector", 2, seed));
        for (KMeansParams.Variant v : ACCELERATED) {
            ClusteringResult r = KMEANS.fit(data, params(10, v, KMeansParams.Init.K_MEANS_PLUS_PLUS), with("vector", 2, seed));
            assertThat(r.labels()).as("%s", v).isEqualTo(lloyd.labels());
            assertThat(r.iterations()).as("%s", v).isEqualTo(lloyd.iterations());
        }
    }

    @Test
    void acceleratedVariantsComputeFewerThanNkDistancesAfterTheFirstIteration() {
        int n = 20_000;
        int k = 16;
        Dataset data = blobs(n, 5, k, 1.5, 7);
        ClusteringResult lloyd = KMEANS.fit(data, params(k, KMeansParams.Variant.LLOYD, KMeansParams.Init.K_MEANS_PLUS_PLUS), with("scalar", 2, 7));
        assertThat(lloyd.iterationStats()).allMatch(s -> s.distanceComputations() == (long) n * k);
        for (KMeansParams.Variant v : ACCELERATED) {
            ClusteringResult r = KMEANS.fit(data, params(k, v, KMeansParams.Init.K_MEANS_PLUS_PLUS), with("scalar", 2, 7));
            List<IterationStats> stats = r.iterationStats();
            assertThat(stats.size()).as("%s iterations", v).isGreaterThan(2);
            assertThat(stats.getFirst().distanceComputations()).isEqualTo((long) n * k);
            long total = 0;
            for (IterationStats s : stats.subList(1, stats.size())) {
                assertThat(s.distanceComputations()).as("%s iteration %d", v, s.iteration()).isLessThan((long) n * k);
                total += s.distanceComputations();
            }
            double saved = 1 - (double) total / ((long) n * k * (stats.size() - 1));
            System.out.printf("%s on %d x 5, k=%d: %d iterations, %.1f%% of Lloyd's distances saved after the first%n",
                    v, n, k, stats.size(), 100 * saved);
            assertThat(saved).as("%s saves most distances once clusters settle", v).isGreaterThan(0.5);
        }
    }

    /** The exponion's point: a rescan examines the ball around the centre, not all k, once k is large. */
    @Test
    void exponionRescansFewerCentresThanHamerlyWithManyClusters() {
        int n = 20_000;
        int k = 64;
        Dataset data = blobs(n, 3, k, 1.0, 9);
        long hamerly = laterDistances(KMEANS.fit(data, params(k, KMeansParams.Variant.HAMERLY, KMeansParams.Init.K_MEANS_PLUS_PLUS), with("scalar", 2, 9)));
        ClusteringResult exp = KMEANS.fit(data, params(k, KMeansParams.Variant.EXPONION, KMeansParams.Init.K_MEANS_PLUS_PLUS), with("scalar", 2, 9));
        long exponion = laterDistances(exp);
        System.out.printf("%d x 3, k=%d, %d iterations: distances after the first, Hamerly %d, exponion %d%n",
                n, k, exp.iterations(), hamerly, exponion);
        assertThat(exponion).isLessThan(hamerly / 2);
    }

    private static long laterDistances(ClusteringResult r) {
        return r.iterationStats().stream().skip(1).mapToLong(IterationStats::distanceComputations).sum();
    }

    @Test
    void autoFollowsItsDocumentedRule() {
        KMeansParams.Variant auto = KMeansParams.Variant.AUTO;
        assertThat(auto.resolve(1_000_000, 2, 16)).isEqualTo(KMeansParams.Variant.LLOYD);
        assertThat(auto.resolve(200_000, 32, 64)).isEqualTo(KMeansParams.Variant.LLOYD);
        assertThat(auto.resolve(50_000, 256, 256)).isEqualTo(KMeansParams.Variant.AUTO);
        assertThat(auto.resolve(50_000, 256, 19)).as("k < 20").isEqualTo(KMeansParams.Variant.LLOYD);
        assertThat(auto.resolve(15_000, 64, 64)).as("n k < 1e6").isEqualTo(KMeansParams.Variant.LLOYD);
        assertThat(auto.resolve(15_625, 64, 64)).isEqualTo(KMeansParams.Variant.AUTO);
        assertThat(auto.resolve(1_000_000, 63, 64)).as("d < 64").isEqualTo(KMeansParams.Variant.LLOYD);
        assertThat(KMeansParams.Variant.ELKAN.resolve(10, 2, 2)).isEqualTo(KMeansParams.Variant.ELKAN);
    }

    @Test
    void variantsKeepTheThreadCountOutOfTheResult() {
        Dataset data = EasyBlobs.generate(5, 900, 6, 2);
        for (KMeansParams.Variant v : ACCELERATED) {
            ClusteringResult one = KMEANS.fit(data, params(5, v, KMeansParams.Init.K_MEANS_PLUS_PLUS), with("vector", 1, 4));
            ClusteringResult three = KMEANS.fit(data, params(5, v, KMeansParams.Init.K_MEANS_PLUS_PLUS), with("vector", 3, 4));
            assertThat(three.labels()).isEqualTo(one.labels());
            assertThat(three.iterationStats()).isEqualTo(one.iterationStats());
        }
    }
}
