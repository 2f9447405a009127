package dev.clusterlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.kernel.CentroidAssigner;
import dev.clusterlab.api.kernel.Kernels;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector assigner (norms trick, four points per centroid load) against the scalar one and against
 * distances computed in double here.
 *
 * <p>Data are blobs around centroids drawn in [-1, 1]^d, i.e. centred near the origin. The norms trick
 * computes {@code |x|^2 - 2 x.c + |c|^2}, whose rounding error scales with {@code |x|^2 + |c|^2}, not with
 * the distance: on data far from the origin its labels are only as good as that bound (the api says the
 * distances are "good for choosing the nearest, not for decisions at a threshold").
 */
class CentroidAssignerDifferentialTest {
    static final Kernels SCALAR = new ScalarKernels();
    static final Kernels VECTOR = new VectorKernels();
    static final int[] KS = {1, 2, 3, 17, 64};
    static final int[] DS = {1, 2, 3, 7, 16, 17, 33, 100};
    /** Two best squared distances closer than this (relative) are a near-tie: either label is right. */
    static final double NEAR_TIE = 1e-5;

    static Stream<Arguments> sizes() {
        return IntStream.of(KS).boxed().flatMap(k -> IntStream.of(DS).mapToObj(d -> Arguments.of(k, d)));
    }

    static float[] uniform(SplittableRandom rnd, int count) {
        float[] x = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }

    /** Blobs: each point is a random centroid plus Gaussian noise; every eighth point is uniform. */
    static float[] blobs(SplittableRandom rnd, float[] centroids, int k, int d, int n) {
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(k);
            for (int j = 0; j < d; j++) {
                x[i * d + j] = i % 8 == 7 ? (float) rnd.nextDouble(-1, 1)
                        : centroids[c * d + j] + (float) (0.3 * rnd.nextGaussian());
            }
        }
        return x;
    }

    static double squaredDistance(float[] points, int i, float[] centroids, int c, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double diff = (double) points[i * d + j] - centroids[c * d + j];
            s += diff * diff;
        }
        return s;
    }

    /**
     * Norms-trick error bound for the vector assigner's reported distance, in the spirit of
     * {@link FloatBounds}: each of {@code |x|^2}, {@code |c|^2} and {@code x.c} is off by
     * {@code (d + SLACK) u} times its sum of absolute terms, and the combination adds a few roundings.
     */
    static double normsTrickBound(float[] points, int i, float[] centroids, int c, int d) {
        double xx = 0;
        double cc = 0;
        double xc = 0;
        for (int j = 0; j < d; j++) {
            double x = points[i * d + j];
            double y = centroids[c * d + j];
            xx += x * x;
            cc += y * y;
            xc += Math.abs(x * y);
        }
        return FloatBounds.sumBound(d + 4, xx + cc + 2 * xc);
    }

    @ParameterizedTest(name = "k={0} d={1}")
    @MethodSource("sizes")
    void vectorLabelsMatchScalarExceptNearTies(int k, int d) {
        SplittableRandom rnd = new SplittableRandom(7919L * k + d);
        float[] centroids = uniform(rnd, k * d);
        for (int n : new int[] {1, 2, 3, 5, 203}) {
            float[] points = blobs(rnd, centroids, k, d, n);
            int[] ls = new int[n];
            int[] lv = new int[n];
            float[] ds = new float[n];
            float[] dv = new float[n];
            SCALAR.centroidAssigner(centroids, k, d).assign(points, 0, n, ls, ds);
            VECTOR.centroidAssigner(centroids, k, d).assign(points, 0, n, lv, dv);
            int decisive = 0;
            for (int i = 0; i < n; i++) {
                double[] dist = new double[k];
                int best = 0;
                for (int c = 0; c < k; c++) {
                    dist[c] = squaredDistance(points, i, centroids, c, d);
                    if (dist[c] < dist[best]) {
                        best = c;
                    }
                }
                double second = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    if (c != best) {
                        second = Math.min(second, dist[c]);
                    }
                }
                String what = "k=" + k + " d=" + d + " n=" + n + " point " + i;
                if (second - dist[best] > NEAR_TIE * second) {
                    decisive++;
                    assertThat(ls[i]).as("scalar label, %s", what).isEqualTo(best);
                    assertThat(lv[i]).as("vector label, %s", what).isEqualTo(best);
                } else {
                    double accept = dist[best] + NEAR_TIE * second;
                    assertThat(dist[ls[i]]).as("scalar picks one of the near-tied, %s", what).isLessThanOrEqualTo(accept);
                    assertThat(dist[lv[i]]).as("vector picks one of the near-tied, %s", what).isLessThanOrEqualTo(accept);
                }
                double scalarTol = FloatBounds.sumBound(d, dist[ls[i]]);
                assertThat((double) ds[i]).as("scalar distance, %s", what).isCloseTo(dist[ls[i]], within(scalarTol));
                assertThat(dv[i]).as("vector distance is clamped at 0, %s", what).isGreaterThanOrEqualTo(0f);
                assertThat((double) dv[i]).as("vector distance, %s", what)
                        .isCloseTo(dist[lv[i]], within(normsTrickBound(points, i, centroids, lv[i], d)));
            }
            if (n > 100 && k > 1) {
                assertThat(decisive).as("the test must not be vacuous").isGreaterThan(n * 9 / 10);
            }
        }
    }

    /**
     * Rows {@code [fromRow, toRow)} only: sentinels outside stay, and every point gets the same label and
     * the same distance bits as in a full-range call, whatever its position relative to the groups of four.
     */
    @ParameterizedTest(name = "k={0} d={1}")
    @MethodSource("sizes")
    void subRangesWriteOnlyTheirRowsAndAgreeWithTheFullRange(int k, int d) {
        SplittableRandom rnd = new SplittableRandom(104729L * k + d);
        float[] centroids = uniform(rnd, k * d);
        int n = 23;
        float[] points = blobs(rnd, centroids, k, d, n);
        for (Kernels kernels : new Kernels[] {SCALAR, VECTOR}) {
            CentroidAssigner assigner = kernels.centroidAssigner(centroids, k, d);
            assertThat(assigner.k()).isEqualTo(k);
            assertThat(assigner.d()).isEqualTo(d);
            int[] fullLabels = new int[n];
            float[] fullDist = new float[n];
            assigner.assign(points, 0, n, fullLabels, fullDist);
            int[][] ranges = {{0, 0}, {0, 1}, {1, 4}, {3, 10}, {5, 6}, {2, 23}, {17, 23}, {22, 23}};
            for (int[] range : ranges) {
                String what = kernels.implementation() + " k=" + k + " d=" + d + " rows " + Arrays.toString(range);
                int[] labels = new int[n];
                float[] dist = new float[n];
                Arrays.fill(labels, -7);
                Arrays.fill(dist, -7f);
                assigner.assign(points, range[0], range[1], labels, dist);
                for (int i = 0; i < n; i++) {
                    if (i >= range[0] && i < range[1]) {
                        assertThat(labels[i]).as("label %d, %s", i, what).isEqualTo(fullLabels[i]);
                        assertThat(Float.floatToRawIntBits(dist[i])).as("distance bits %d, %s", i, what)
                                .isEqualTo(Float.floatToRawIntBits(fullDist[i]));
                    } else {
                        assertThat(labels[i]).as("untouched label %d, %s", i, what).isEqualTo(-7);
                        assertThat(dist[i]).as("untouched distance %d, %s", i, what).isEqualTo(-7f);
                    }
                }
                int[] labelsOnly = new int[n];
                assigner.assign(points, range[0], range[1], labelsOnly, null);
                assertThat(Arrays.copyOfRange(labelsOnly, range[0], range[1])).as("null distances, %s", what)
                        .containsExactly(Arrays.copyOfRange(fullLabels, range[0], range[1]));
            }
        }
    }

    /**
     * Duplicate centroids: a point nearest to a duplicated centroid must get the smaller index, in both
     * implementations (the duplicates' distances are computed by the same operations, so they tie exactly).
     */
    @ParameterizedTest(name = "k={0} d={1}")
    @MethodSource("sizes")
    void exactTiesGoToTheSmallestIndex(int k, int d) {
        SplittableRandom rnd = new SplittableRandom(15485863L * k + d);
        int kk = k + 3;
        float[] centroids = uniform(rnd, kk * d);
        // Centroid kk-1 duplicates 0, kk-2 duplicates k/2, kk-3 duplicates k-1.
        System.arraycopy(centroids, 0, centroids, (kk - 1) * d, d);
        System.arraycopy(centroids, (k / 2) * d, centroids, (kk - 2) * d, d);
        System.arraycopy(centroids, (k - 1) * d, centroids, (kk - 3) * d, d);
        int n = 101;
        float[] points = blobs(rnd, centroids, kk, d, n);
        System.arraycopy(centroids, (kk - 1) * d, points, 0, d); // a point exactly on a duplicated centroid
        for (Kernels kernels : new Kernels[] {SCALAR, VECTOR}) {
            int[] labels = new int[n];
            kernels.centroidAssigner(centroids, kk, d).assign(points, 0, n, labels, null);
            assertThat(labels).as("%s never picks a later duplicate, k=%d d=%d", kernels.implementation(), kk, d)
                    .doesNotContain(kk - 1, kk - 2, kk - 3);
            assertThat(labels[0]).as("%s point on centroid 0 and its duplicate", kernels.implementation()).isEqualTo(0);
        }
    }

    @Test
    void allCentroidsEqualGivesLabelZero() {
        int k = 17;
        int d = 33;
        SplittableRandom rnd = new SplittableRandom(3);
        float[] one = uniform(rnd, d);
        float[] centroids = new float[k * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(one, 0, centroids, c * d, d);
        }
        float[] points = uniform(rnd, 37 * d);
        for (Kernels kernels : new Kernels[] {SCALAR, VECTOR}) {
            int[] labels = new int[37];
            Arrays.fill(labels, -1);
            kernels.centroidAssigner(centroids, k, d).assign(points, 0, 37, labels, null);
            assertThat(labels).as(kernels.implementation()).containsOnly(0);
        }
    }

    /**
     * Symmetric ties on small integers, where every operation of both methods is exact: a point midway
     * between two centroids goes to the smaller index, whichever of the two comes first.
     */
    @Test
    void symmetricExactTiesGoToTheSmallestIndex() {
        for (int d : DS) {
            SplittableRandom rnd = new SplittableRandom(d);
            int n = 13;
            float[] points = new float[n * d];
            for (int i = 0; i < points.length; i++) {
                points[i] = rnd.nextInt(-4, 5);
            }
            for (int i = 0; i < n; i++) {
                // centroids: a far decoy, x + v, x - v  (or x - v first for odd points)
                float[] centroids = new float[3 * d];
                for (int j = 0; j < d; j++) {
                    float x = points[i * d + j];
                    float v = rnd.nextInt(-3, 4);
                    centroids[j] = 100f;
                    centroids[d + j] = x + (i % 2 == 0 ? v : -v);
                    centroids[2 * d + j] = x - (i % 2 == 0 ? v : -v);
                }
                for (Kernels kernels : new Kernels[] {SCALAR, VECTOR}) {
                    int[] labels = new int[n];
                    kernels.centroidAssigner(centroids, 3, d).assign(points, i, i + 1, labels, null);
                    assertThat(labels[i]).as("%s d=%d point %d", kernels.implementation(), d, i).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void singleCentroidLabelsEverythingZeroWithExactishDistances() {
        int d = 17;
        SplittableRandom rnd = new SplittableRandom(11);
        float[] centroid = uniform(rnd, d);
        float[] points = uniform(rnd, 7 * d);
        for (Kernels kernels : new Kernels[] {SCALAR, VECTOR}) {
            int[] labels = new int[7];
            float[] dist = new float[7];
            Arrays.fill(labels, -1);
            kernels.centroidAssigner(centroid, 1, d).assign(points, 0, 7, labels, dist);
            assertThat(labels).containsOnly(0);
            for (int i = 0; i < 7; i++) {
                assertThat((double) dist[i]).isCloseTo(squaredDistance(points, i, centroid, 0, d),
                        within(normsTrickBound(points, i, centroid, 0, d)));
            }
        }
    }

    @Test
    void centroidsAreCopied() {
        int d = 5;
        float[] centroids = {0, 0, 0, 0, 0, 10, 10, 10, 10, 10};
        float[] points = {9, 9, 9, 9, 9};
        for (Kernels kernels : new Kernels[] {SCALAR, VECTOR}) {
            float[] mine = centroids.clone();
            CentroidAssigner assigner = kernels.centroidAssigner(mine, 2, d);
            Arrays.fill(mine, 0f);
            int[] labels = new int[1];
            assigner.assign(points, 0, 1, labels, null);
            assertThat(labels[0]).as(kernels.implementation()).isEqualTo(1);
        }
    }
}
