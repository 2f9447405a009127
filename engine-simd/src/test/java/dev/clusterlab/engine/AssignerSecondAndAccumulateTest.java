package dev.clusterlab.engine;

import static dev.clusterlab.engine.CentroidAssignerDifferentialTest.NEAR_TIE;
import static dev.clusterlab.engine.CentroidAssignerDifferentialTest.SCALAR;
import static dev.clusterlab.engine.CentroidAssignerDifferentialTest.VECTOR;
import static dev.clusterlab.engine.CentroidAssignerDifferentialTest.blobs;
import static dev.clusterlab.engine.CentroidAssignerDifferentialTest.normsTrickBound;
import static dev.clusterlab.engine.CentroidAssignerDifferentialTest.squaredDistance;
import static dev.clusterlab.engine.CentroidAssignerDifferentialTest.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.kernel.CentroidAssigner;
import dev.clusterlab.api.kernel.Kernels;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CentroidAssigner#assignWithSecond} and {@link CentroidAssigner#assignAndAccumulate} of both
 * implementations, against double references and against {@code assign}; k spans one partial panel, exactly
 * one and several panels of the vector tile (64 centroids with 16 lanes, 32 with 8), d the awkward sizes.
 */
class AssignerSecondAndAccumulateTest {
    static final int[] KS = {1, 2, 3, 17, 31, 32, 33, 64, 65, 130};
    static final int[] DS = {1, 2, 3, 7, 15, 16, 17, 31, 33, 100, 207};

    static Stream<Arguments> sizes() {
        return IntStream.of(KS).boxed().flatMap(k -> IntStream.of(DS).mapToObj(d -> Arguments.of(k, d)));
    }

    /** n covers every remainder modulo the tile heights (4 and 2), plus one larger run. */
    static final int[] NS = {1, 2, 3, 4, 5, 7, 67};

    @ParameterizedTest(name = "k={0} d={1}")
    @MethodSource("sizes")
    void secondNearestMatchesReference(int k, int d) {
        SplittableRandom rnd = new SplittableRandom(31337L * k + d);
        float[] centroids = uniform(rnd, k * d);
        for (int n : NS) {
            float[] points = blobs(rnd, centroids, k, d, n);
            for (Kernels kernels : new Kernels[] {SCALAR, VECTOR}) {
                CentroidAssigner assigner = kernels.centroidAssigner(centroids, k, d);
                int[] labels = new int[n];
                float[] best = new float[n];
                float[] second = new float[n];
                assigner.assignWithSecond(points, 0, n, labels, best, second);
                int[] plain = new int[n];
                float[] plainDist = new float[n];
                assigner.assign(points, 0, n, plain, plainDist);
                for (int i = 0; i < n; i++) {
                    String what = kernels.implementation() + " k=" + k + " d=" + d + " n=" + n + " point " + i;
                    assertThat(labels[i]).as("same label as assign, %s", what).isEqualTo(plain[i]);
                    assertThat(best[i]).as("same distance as assign, %s", what).isEqualTo(plainDist[i]);
                    double[] dist = new double[k];
                    for (int c = 0; c < k; c++) {
                        dist[c] = squaredDistance(points, i, centroids, c, d);
                    }
                    double[] sorted = dist.clone();
                    Arrays.sort(sorted);
                    if (k == 1) {
                        assertThat(second[i]).as("k = 1, %s", what).isEqualTo(Float.POSITIVE_INFINITY);
                        continue;
                    }
                    // the reported second is the second smallest distance, up to the kernel's own error
                    double tol = kernels == SCALAR ? FloatBounds.sumBound(d, sorted[1])
                            : maxBound(points, i, centroids, d, k);
                    assertThat((double) second[i]).as("second, %s", what).isCloseTo(sorted[1], within(tol + NEAR_TIE * sorted[1]));
                    assertThat(second[i]).as("second >= best, %s", what).isGreaterThanOrEqualTo(best[i]);
                }
            }
        }
    }

    private static double maxBound(float[] points, int i, float[] centroids, int d, int k) {
        double m = 0;
        for (int c = 0; c < k; c++) {
            m = Math.max(m, normsTrickBound(points, i, centroids, c, d));
        }
        return m;
    }

    /** A duplicated nearest centroid: the second distance equals the best, and the label is the smaller index. */
    @Test
    void duplicateNearestGivesEqualSecond() {
        for (int d : DS) {
            for (int k : new int[] {2, 17, 65}) {
                SplittableRandom rnd = new SplittableRandom(d * 1000L + k);
                float[] centroids = uniform(rnd, k * d);
                int dup = k / 2;
                System.arraycopy(centroids, 0, centroids, dup * d, d); // centroid dup == centroid 0
                float[] points = new float[5 * d];
                for (int i = 0; i < 5; i++) {
                    System.arraycopy(centroids, 0, points, i * d, d);
                }
                for (Kernels kernels : new Kernels[] {SCALAR, VECTOR}) {
                    int[] labels = new int[5];
                    float[] best = new float[5];
                    float[] second = new float[5];
                    kernels.centroidAssigner(centroids, k, d).assignWithSecond(points, 0, 5, labels, best, second);
                    for (int i = 0; i < 5; i++) {
                        String what = kernels.implementation() + " d=" + d + " k=" + k;
                        assertThat(labels[i]).as(what).isZero();
                        assertThat(second[i]).as(what).isEqualTo(best[i]);
                    }
                }
            }
        }
    }

    /**
     * Fused assign-and-accumulate gives the labels and distances of {@code assign} and sums bit-identical
     * to the api's reference (assign, then add in row order), with and without weights, added onto
     * existing sums.
     */
    @ParameterizedTest(name = "k={0} d={1}")
    @MethodSource("sizes")
    void accumulateMatchesAssignThenAdd(int k, int d) {
        SplittableRandom rnd = new SplittableRandom(65537L * k + d);
        float[] centroids = uniform(rnd, k * d);
        int n = 67;
        float[] points = blobs(rnd, centroids, k, d, n);
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            weights[i] = (float) rnd.nextDouble(0.1, 3);
        }
        for (Kernels kernels : new Kernels[] {SCALAR, VECTOR}) {
            CentroidAssigner assigner = kernels.centroidAssigner(centroids, k, d);
            CentroidAssigner reference = referenceOf(assigner);
            for (float[] w : Arrays.asList(null, weights)) {
                for (int[] range : new int[][] {{0, n}, {3, 10}, {5, 6}, {7, 7}}) {
                    String what = kernels.implementation() + " k=" + k + " d=" + d + " weights=" + (w != null)
                            + " rows " + Arrays.toString(range);
                    double[] sums = new double[k * d];
                    double[] tw = new double[k];
                    Arrays.fill(sums, 0.25);
                    Arrays.fill(tw, 1.5);
                    double[] refSums = sums.clone();
                    double[] refTw = tw.clone();
                    int[] labels = new int[n];
                    int[] refLabels = new int[n];
                    float[] dist = new float[n];
                    float[] refDist = new float[n];
                    assigner.assignAndAccumulate(points, w, range[0], range[1], labels, dist, sums, tw);
                    reference.assignAndAccumulate(points, w, range[0], range[1], refLabels, refDist, refSums, refTw);
                    assertThat(labels).as("labels %s", what).isEqualTo(refLabels);
                    assertThat(dist).as("distances %s", what).isEqualTo(refDist);
                    assertThat(sums).as("sums %s", what).isEqualTo(refSums);
                    assertThat(tw).as("weights %s", what).isEqualTo(refTw);
                    int[] noDist = new int[n];
                    assigner.assignAndAccumulate(points, w, range[0], range[1], noDist, null, sums.clone(), tw.clone());
                    assertThat(noDist).as("null distances %s", what).isEqualTo(refLabels);
                }
            }
        }
    }

    /** The api's default method, over the same assigner's {@code assign}. */
    static CentroidAssigner referenceOf(CentroidAssigner a) {
        return new CentroidAssigner() {
            @Override
            public int k() {
                return a.k();
            }

            @Override
            public int d() {
                return a.d();
            }

            @Override
            public void assign(float[] points, int fromRow, int toRow, int[] labels, float[] squaredDistances) {
                a.assign(points, fromRow, toRow, labels, squaredDistances);
            }

            @Override
            public void assignWithSecond(float[] points, int fromRow, int toRow, int[] labels, float[] squaredDistances,
                                         float[] secondSquaredDistances) {
                a.assignWithSecond(points, fromRow, toRow, labels, squaredDistances, secondSquaredDistances);
            }
        };
    }

    /**
     * Per-chunk accumulators merged in chunk order: labels, sums and objective bits are the same for 1, 2
     * and 3 threads (fixed chunk boundaries).
     */
    @Test
    void chunkedAccumulationDoesNotDependOnThreadCount() {
        int k = 65;
        int d = 33;
        int n = 5003;
        SplittableRandom rnd = new SplittableRandom(99);
        float[] centroids = uniform(rnd, k * d);
        float[] points = blobs(rnd, centroids, k, d, n);
        for (Kernels kernels : new Kernels[] {SCALAR, VECTOR}) {
            CentroidAssigner assigner = kernels.centroidAssigner(centroids, k, d);
            String first = null;
            for (int threads : new int[] {1, 2, 3}) {
                try (ChunkedExecutor ex = new ChunkedExecutor(threads)) {
                    int[] labels = new int[n];
                    float[] dist = new float[n];
                    List<double[]> parts = ex.mapChunks(n, 257, (chunk, from, to) -> {
                        double[] acc = new double[k * d + k];
                        double[] sums = new double[k * d];
                        double[] tw = new double[k];
                        assigner.assignAndAccumulate(points, null, from, to, labels, dist, sums, tw);
                        System.arraycopy(sums, 0, acc, 0, k * d);
                        System.arraycopy(tw, 0, acc, k * d, k);
                        return acc;
                    });
                    double[] total = new double[k * d + k];
                    for (double[] p : parts) {
                        for (int i = 0; i < total.length; i++) {
                            total[i] += p[i];
                        }
                    }
                    double objective = 0;
                    for (float x : dist) {
                        objective += x;
                    }
                    String fingerprint = Arrays.hashCode(labels) + " " + Arrays.hashCode(total) + " "
                            + Double.doubleToRawLongBits(objective);
                    if (first == null) {
                        first = fingerprint;
                    } else {
                        assertThat(fingerprint).as("%s threads=%d", kernels.implementation(), threads).isEqualTo(first);
                    }
                }
            }
        }
    }
}
