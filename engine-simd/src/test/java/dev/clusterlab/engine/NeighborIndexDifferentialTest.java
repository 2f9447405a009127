package dev.clusterlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.NeighborIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Range and kNN queries of every index the engine builds (whatever {@link Kernels#neighborIndex} chooses, and
 * the reference scan), for every distance kind and both implementations:
 * <ul>
 *   <li>range results are exactly the points whose {@link Kernels#distance} is {@code <= eps} (the api's
 *       contract), ascending, with those distances' bits; and, as sets, those of a double-precision brute
 *       force except points within float rounding of {@code eps};</li>
 *   <li>the query itself is included for metric-like kinds;</li>
 *   <li>kNN is sorted by (distance, id), self included, equal to a brute-force sort of the kernel's distances;</li>
 *   <li>external-query variants agree with the indexed ones for the same points.</li>
 * </ul>
 * Data: uniform, clustered with exact duplicates, and small integers where many points lie exactly at
 * {@code eps}.
 */
class NeighborIndexDifferentialTest {
    static final Kernels SCALAR = new ScalarKernels();
    static final Kernels VECTOR = new VectorKernels();
    /** Every kind; Minkowski once (p = 1 and 1.5 differ from it only in the exponent, covered elsewhere). */
    static final List<Distance> KINDS = List.of(Distance.SQUARED_EUCLIDEAN, Distance.EUCLIDEAN, Distance.MANHATTAN,
            Distance.CHEBYSHEV, Distance.minkowski(3), Distance.COSINE, Distance.INNER_PRODUCT);

    enum Data { UNIFORM, DUPLICATES, INTEGERS }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        int[][] nd = {{1, 2}, {2, 1}, {3, 3}, {7, 2}, {17, 1}, {100, 2}, {207, 3}, {700, 2}, {150, 4}, {100, 7},
            {120, 16}, {90, 17}, {70, 33}, {40, 100}};
        for (int[] x : nd) {
            for (Data data : Data.values()) {
                out.add(Arguments.of(x[0], x[1], data));
            }
        }
        return out.stream();
    }

    static float[] data(Data kind, int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = switch (kind) {
                    case UNIFORM -> (float) rnd.nextDouble(-1, 1);
                    case DUPLICATES -> i % 3 == 2 ? x[(i - 1) * d + j] : (float) (rnd.nextInt(4) + 0.05 * rnd.nextGaussian());
                    case INTEGERS -> rnd.nextInt(-3, 4);
                };
            }
        }
        return x;
    }

    /** A radius giving a few to a few dozen neighbours; integral for integer data so that ties at eps occur. */
    static double eps(Distance distance, Data data, int d) {
        double base = switch (distance.kind()) {
            case SQUARED_EUCLIDEAN -> 0.4 * d;
            case EUCLIDEAN, MINKOWSKI -> Math.sqrt(0.4 * d);
            case MANHATTAN -> 0.6 * d;
            case CHEBYSHEV -> 0.8;
            case COSINE -> 0.2;
            case INNER_PRODUCT -> -0.3 * d;
        };
        if (data == Data.INTEGERS && distance.kind() != Distance.Kind.COSINE) {
            return Math.rint(base);
        }
        return base;
    }

    static double doubleDistance(Distance distance, float[] a, int ao, float[] b, int bo, int d) {
        return DistanceKindsDifferentialTest.reference(distance, a, ao, b, bo, d).value();
    }

    static double tolerance(Distance distance, float[] a, int ao, float[] b, int bo, int d) {
        return DistanceKindsDifferentialTest.reference(distance, a, ao, b, bo, d).tol();
    }

    @ParameterizedTest(name = "n={0} d={1} {2}")
    @MethodSource("cases")
    void rangeAndKnnMatchBruteForce(int n, int d, Data dataKind) {
        float[] data = data(dataKind, n, d, 1000L * n + d + dataKind.ordinal());
        // External queries: a few indexed rows (copied at an offset) plus fresh points, NaN-padded.
        int extra = 5;
        int qn = extra + Math.min(n, 4);
        float[] fresh = data(dataKind, extra, d, 7L * n + d);
        float[] queries = new float[(qn + 2) * d];
        Arrays.fill(queries, Float.NaN);
        int qFrom = 1;
        System.arraycopy(fresh, 0, queries, qFrom * d, extra * d);
        System.arraycopy(data, 0, queries, (qFrom + extra) * d, Math.min(n, 4) * d);
        for (Kernels kernels : new Kernels[] {SCALAR, VECTOR}) {
            for (Distance distance : KINDS) {
                double eps = eps(distance, dataKind, d);
                List<NeighborIndex> indexes = List.of(kernels.neighborIndex(data, n, d, distance),
                        new ScanNeighborIndex(kernels, data, n, d, distance));
                for (NeighborIndex index : indexes) {
                    String what = kernels.implementation() + " " + distance + " " + index.structure() + " n=" + n + " d=" + d
                            + " " + dataKind + " eps=" + eps;
                    assertThat(index.n()).isEqualTo(n);
                    assertThat(index.d()).isEqualTo(d);
                    assertThat(index.distance()).isEqualTo(distance);
                    // a window of queries (brute-force checking is O(queries x n) per kind)
                    int from = n > 3 ? Math.min(n / 3, n - 1) : 0;
                    int to = Math.min(n, from + 16);
                    checkRange(kernels, distance, data, n, d, eps, data, from, to, what, true,
                            sink -> index.rangeQuery(from, to, eps, sink));
                    checkRange(kernels, distance, data, n, d, eps, queries, qFrom, qFrom + qn, what + " external", false,
                            sink -> index.rangeQuery(queries, qFrom, qFrom + qn, eps, sink));
                    for (int k : n <= 40 ? new int[] {1, Math.min(n, 3), n} : new int[] {1, 7, 40}) {
                        checkKnn(kernels, distance, data, n, d, k, data, from, to, what + " k=" + k, true,
                                (ids, dists) -> index.knn(from, to, k, ids, dists));
                        checkKnn(kernels, distance, data, n, d, k, queries, qFrom, qFrom + qn, what + " external k=" + k, false,
                                (ids, dists) -> index.knn(queries, qFrom, qFrom + qn, k, ids, dists));
                    }
                    assertThatThrownBy(() -> index.knn(0, 1, n + 1, new int[n + 1], new float[n + 1]))
                            .isInstanceOf(IllegalArgumentException.class);
                }
            }
        }
    }

    interface RangeCall {
        void run(dev.clusterlab.api.kernel.NeighborSink sink);
    }

    interface KnnCall {
        void run(int[] ids, float[] dists);
    }

    static boolean metricLike(Distance distance) {
        return distance.kind() != Distance.Kind.COSINE && distance.kind() != Distance.Kind.INNER_PRODUCT;
    }

    static void checkRange(Kernels kernels, Distance distance, float[] data, int n, int d, double eps, float[] queries,
                           int from, int to, String what, boolean indexed, RangeCall call) {
        List<Integer> seen = new ArrayList<>();
        call.run((q, ids, dists, count) -> {
            seen.add(q);
            String at = what + " query " + q;
            List<Integer> expected = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                float dist = kernels.distance(distance, queries, q * d, data, p * d, d);
                if (dist <= eps) {
                    expected.add(p);
                }
            }
            int[] got = Arrays.copyOf(ids, count);
            assertThat(got).as("exactly the points with Kernels.distance <= eps, ascending, %s", at)
                    .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
            for (int t = 0; t < count; t++) {
                float expect = kernels.distance(distance, queries, q * d, data, ids[t] * d, d);
                if (Float.floatToRawIntBits(dists[t]) != Float.floatToRawIntBits(expect)) {
                    throw new AssertionError("distance bits of " + ids[t] + ", " + at + ": " + dists[t] + " vs " + expect);
                }
            }
            if (indexed && metricLike(distance)) {
                assertThat(got).as("query itself included, %s", at).contains(q);
            }
            // as sets, the double brute force, except points within float rounding of eps
            for (int p = 0; p < n; p++) {
                double exact = doubleDistance(distance, queries, q * d, data, p * d, d);
                double tol = tolerance(distance, queries, q * d, data, p * d, d);
                if (Math.abs(exact - eps) <= tol) {
                    continue;
                }
                boolean in = Arrays.binarySearch(got, p) >= 0;
                if (in != (exact <= eps)) {
                    throw new AssertionError("point " + p + " at " + (exact - eps) + " from eps, " + at + ": reported " + in);
                }
            }
        });
        List<Integer> order = new ArrayList<>();
        for (int q = from; q < to; q++) {
            order.add(q);
        }
        assertThat(seen).as("queries delivered once each, ascending, %s", what).containsExactlyElementsOf(order);
    }

    static void checkKnn(Kernels kernels, Distance distance, float[] data, int n, int d, int k, float[] queries,
                         int from, int to, String what, boolean indexed, KnnCall call) {
        int rows = to - from;
        int[] ids = new int[rows * k + 2];
        float[] dists = new float[rows * k + 2];
        Arrays.fill(ids, -7);
        Arrays.fill(dists, -7f);
        call.run(ids, dists);
        assertThat(ids[rows * k]).as("untouched %s", what).isEqualTo(-7);
        assertThat(dists[rows * k + 1]).as("untouched %s", what).isEqualTo(-7f);
        long[] keys = new long[n];
        float[] all = new float[n];
        int[] order = new int[n];
        for (int q = from; q < to; q++) {
            String at = what + " query " + q;
            for (int p = 0; p < n; p++) {
                all[p] = kernels.distance(distance, queries, q * d, data, p * d, d);
                float v = all[p] == 0f ? 0f : all[p]; // -0 ties with +0, as in TopK
                int bits = Float.floatToRawIntBits(v);
                bits ^= (bits >> 31) & 0x7fffffff; // float order as signed int order
                keys[p] = ((long) bits << 32) | p;
            }
            Arrays.sort(keys);
            for (int p = 0; p < n; p++) {
                order[p] = (int) keys[p];
            }
            int base = (q - from) * k;
            for (int t = 0; t < k; t++) {
                if (ids[base + t] != order[t] || Float.floatToRawIntBits(dists[base + t]) != Float.floatToRawIntBits(all[order[t]])) {
                    throw new AssertionError("neighbour " + t + ", " + at + ": got " + ids[base + t] + " at " + dists[base + t]
                            + ", expected " + order[t] + " at " + all[order[t]]);
                }
            }
            if (indexed && metricLike(distance)) {
                assertThat(dists[base]).as("nearest is at distance 0 (itself or a duplicate), %s", at).isZero();
                boolean self = false;
                for (int t = 0; t < k; t++) {
                    self |= ids[base + t] == q;
                }
                // the query is among the k nearest unless k duplicates with smaller ids precede it
                if (k == n) {
                    assertThat(self).as("self included, %s", at).isTrue();
                }
            }
        }
    }

    /** The structure follows the documented rule: a tree for low d and metric-like kinds, else the scan. */
    @Test
    void structureIsChosenByDimensionSizeAndKind() {
        float[] low = data(Data.UNIFORM, 500, 2, 1);
        float[] high = data(Data.UNIFORM, 500, 33, 2);
        for (Kernels kernels : new Kernels[] {SCALAR, VECTOR}) {
            assertThat(kernels.neighborIndex(low, 500, 2, Distance.EUCLIDEAN).structure()).startsWith("kd-tree");
            assertThat(kernels.neighborIndex(low, 500, 2, Distance.CHEBYSHEV).structure()).startsWith("kd-tree");
            assertThat(kernels.neighborIndex(low, 500, 2, Distance.COSINE).structure()).isEqualTo("blocked scan");
            assertThat(kernels.neighborIndex(low, 20, 2, Distance.EUCLIDEAN).structure()).isEqualTo("blocked scan");
            assertThat(kernels.neighborIndex(high, 500, 33, Distance.EUCLIDEAN).structure()).isEqualTo("blocked scan");
        }
    }

    /** Memory: a range query over 20,000 points with a tiny eps must not allocate anything like n x n. */
    @Test
    void rangeQueryStreamsWithoutQuadraticMemory() {
        int n = 20_000;
        int d = 2;
        float[] data = data(Data.UNIFORM, n, d, 5);
        for (Kernels kernels : new Kernels[] {SCALAR, VECTOR}) {
            NeighborIndex index = kernels.neighborIndex(data, n, d, Distance.EUCLIDEAN);
            long[] total = new long[1];
            index.rangeQuery(0, n, 0.01, (q, ids, dists, count) -> {
                assertThat(ids.length).isLessThan(n / 4 + 64);
                total[0] += count;
            });
            assertThat(total[0]).isGreaterThanOrEqualTo(n);
        }
    }
}
