package dev.clusterlab.plugins.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.IterationStats;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Yinyang with enough centres for several groups ({@code t = k / 10 >= 4}), where the group and local
 * filters really decide: exactly Lloyd's run on the scalar kernel, whatever the thread count, with most
 * distances skipped and no allocation per iteration.
 */
class YinyangKMeansTest {
    private static final KMeansAlgorithm KMEANS = new KMeansAlgorithm();

    private static KMeansParams params(int k, KMeansParams.Variant variant, KMeansParams.Init init) {
        return new KMeansParams(k, init, 1, 300, 0, variant, "");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void scalarKernelGivesLloydsRunExactlyWithSeveralGroups(long seed) {
        Dataset data = KMeansVariantsTest.blobs(8_000, 6, 45, 1.2, seed);
        int k = 48;
        ClusteringResult lloyd = KMEANS.fit(data, params(k, KMeansParams.Variant.LLOYD, KMeansParams.Init.K_MEANS_PLUS_PLUS),
                KMeansVariantsTest.with("scalar", 2, seed));
        ClusteringResult yinyang = KMEANS.fit(data, params(k, KMeansParams.Variant.YINYANG, KMeansParams.Init.K_MEANS_PLUS_PLUS),
                KMeansVariantsTest.with("scalar", 2, seed));
        assertThat(lloyd.iterations()).as("a real workout").isGreaterThan(5);
        assertThat(yinyang.labels()).isEqualTo(lloyd.labels());
        assertThat(yinyang.iterations()).isEqualTo(lloyd.iterations());
        assertThat(yinyang.centroids().orElseThrow()).isEqualTo(lloyd.centroids().orElseThrow());
        assertThat(yinyang.objective()).isEqualTo(lloyd.objective());
        assertThat(yinyang.iterationStats()).extracting(IterationStats::reassignments)
                .isEqualTo(lloyd.iterationStats().stream().map(IterationStats::reassignments).toList());
        List<IterationStats> stats = yinyang.iterationStats();
        long after = stats.subList(1, stats.size()).stream().mapToLong(IterationStats::distanceComputations).sum();
        double saved = 1 - (double) after / ((long) data.n() * k * (stats.size() - 1));
        System.out.printf("YINYANG on 8000 x 6, k=%d (t=%d): %d iterations, %.1f%% of Lloyd's distances saved after the first%n",
                k, CentreGroups.recommended(k), stats.size(), 100 * saved);
        assertThat(saved).as("the filters skip most distances once clusters settle").isGreaterThan(0.7);
    }

    @Test
    void scalarExactnessHoldsWithSampleWeightsRandomInitAndHighDimension() {
        Dataset data = KMeansVariantsTest.blobs(3_000, 40, 30, 6.0, 5);
        float[] w = new float[data.n()];
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (0.1 + 3 * rnd.nextDouble());
        }
        Dataset weighted = data.withWeights(w);
        ClusteringResult lloyd = KMEANS.fit(weighted, params(33, KMeansParams.Variant.LLOYD, KMeansParams.Init.RANDOM),
                KMeansVariantsTest.with("scalar", 1, 8));
        ClusteringResult yinyang = KMEANS.fit(weighted, params(33, KMeansParams.Variant.YINYANG, KMeansParams.Init.RANDOM),
                KMeansVariantsTest.with("scalar", 1, 8));
        assertThat(lloyd.iterations()).isGreaterThan(3);
        assertThat(yinyang.labels()).isEqualTo(lloyd.labels());
        assertThat(yinyang.iterations()).isEqualTo(lloyd.iterations());
        assertThat(yinyang.objective()).isEqualTo(lloyd.objective());
    }

    @ParameterizedTest(name = "{0} kernel")
    @ValueSource(strings = {"scalar", "vector"})
    void oneAndTwoThreadsGiveTheSameRun(String kernels) {
        Dataset data = KMeansVariantsTest.blobs(10_000, 5, 40, 1.5, 4);
        KMeansParams p = params(40, KMeansParams.Variant.YINYANG, KMeansParams.Init.K_MEANS_PLUS_PLUS);
        ClusteringResult one = KMEANS.fit(data, p, KMeansVariantsTest.with(kernels, 1, 21));
        ClusteringResult two = KMEANS.fit(data, p, KMeansVariantsTest.with(kernels, 2, 21));
        assertThat(two.labels()).isEqualTo(one.labels());
        assertThat(two.iterationStats()).isEqualTo(one.iterationStats());
        assertThat(Double.doubleToLongBits(two.objective())).isEqualTo(Double.doubleToLongBits(one.objective()));
    }

    @Test
    void vectorKernelGivesLloydsLabels() {
        Dataset data = KMeansVariantsTest.blobs(6_000, 19, 40, 2.0, 3);
        ClusteringResult lloyd = KMEANS.fit(data, params(40, KMeansParams.Variant.LLOYD, KMeansParams.Init.K_MEANS_PLUS_PLUS),
                KMeansVariantsTest.with("vector", 2, 3));
        ClusteringResult yinyang = KMEANS.fit(data, params(40, KMeansParams.Variant.YINYANG, KMeansParams.Init.K_MEANS_PLUS_PLUS),
                KMeansVariantsTest.with("vector", 2, 3));
        assertThat(yinyang.labels()).isEqualTo(lloyd.labels());
        assertThat(yinyang.iterations()).isEqualTo(lloyd.iterations());
    }

    @Test
    void groupsPartitionTheCentres() {
        Dataset data = KMeansVariantsTest.blobs(500, 3, 8, 3.0, 2);
        int k = 57;
        float[] centres = Arrays.copyOf(data.data(), k * 3);
        CentreGroups groups = CentreGroups.of(centres, k, 3, CentreGroups.recommended(k));
        assertThat(CentreGroups.recommended(k)).isEqualTo(5);
        assertThat(CentreGroups.recommended(7)).isEqualTo(1);
        assertThat(groups.count()).isBetween(1, 5);
        assertThat(groups.start()[0]).isZero();
        assertThat(groups.start()[groups.count()]).isEqualTo(k);
        int[] sorted = groups.members().clone();
        Arrays.sort(sorted);
        for (int c = 0; c < k; c++) {
            assertThat(sorted[c]).isEqualTo(c);
        }
        for (int g = 0; g < groups.count(); g++) {
            assertThat(groups.start()[g + 1]).as("group %d is not empty", g).isGreaterThan(groups.start()[g]);
            for (int m = groups.start()[g]; m < groups.start()[g + 1]; m++) {
                assertThat(groups.groupOf()[groups.members()[m]]).isEqualTo(g);
            }
        }
    }

    /**
     * After the first iteration, an E-step and its bound update allocate no more than a few small
     * objects (the chunk tasks), whatever {@code n}: every array lives for the whole run. Measured over
     * all threads with the JVM's per-thread allocation counters.
     */
    @Test
    void iterationsAllocateNothingThatGrowsWithTheData() {
        int n = 40_000;
        int k = 40;
        int d = 4;
        Dataset data = KMeansVariantsTest.blobs(n, d, k, 1.5, 6);
        Points points = Points.of(data);
        ExecutionContext context = KMeansVariantsTest.with("scalar", 2, 1);
        float[] a = new KMeansPlusPlus().centres(points, k, new SplittableRandom(1), context);
        float[] b = a.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] += 0.01f * ((i % 5) - 2);
        }
        int chunks = Parallel.chunkCount(n, KMeansLoop.CHUNK);
        KMeansLoop.ChunkSums sums = new KMeansLoop.ChunkSums(new double[chunks][k * d], new double[chunks][k]);
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        YinyangKMeans step = new YinyangKMeans(points, k, context);
        step.assign(a, 1, labels, sums);
        float[][] centres = {a, b};
        for (int warm = 0; warm < 20; warm++) {
            step.centresMoved(centres[warm % 2], centres[(warm + 1) % 2], labels);
            step.assign(centres[(warm + 1) % 2], warm + 2, labels, sums);
        }
        int iterations = 20;
        long before = allocatedByAllThreads();
        for (int it = 0; it < iterations; it++) {
            step.centresMoved(centres[it % 2], centres[(it + 1) % 2], labels);
            step.assign(centres[(it + 1) % 2], it + 22, labels, sums);
        }
        long perIteration = (allocatedByAllThreads() - before) / iterations;
        System.out.printf("YINYANG on %d x %d, k=%d: %d bytes allocated per iteration%n", n, d, k, perIteration);
        assertThat(perIteration).as("bytes per iteration, against %d for one float per point", 4L * n).isLessThan(4_096);
    }

    private static long allocatedByAllThreads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }
}
