package dev.clusterlab.plugins.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.NeighborIndex;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Boruvka kd-tree spanning tree against plain Prim: same weights, a spanning tree, same labels. */
class BoruvkaMstTest {

    private static final String[] METRICS = {"euclidean", "sqeuclidean", "manhattan", "chebyshev", "minkowski:3"};

    /** Uniform points; with {@code grid > 0}, coordinates rounded to a grid of that many steps (ties, duplicates). */
    private static float[] uniform(int n, int d, long seed, int grid) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            double v = rnd.nextDouble() * 10;
            x[i] = grid > 0 ? (float) (Math.floor(v * grid / 10) * 10 / grid) : (float) v;
        }
        if (n > 10) {
            // exact duplicates of earlier rows as well
            for (int i = n - n / 10; i < n; i++) {
                System.arraycopy(x, rnd.nextInt(n / 2) * d, x, i * d, d);
            }
        }
        return x;
    }

    private static float[] core(float[] x, int n, int d, Distance metric, int k, ExecutionContext context) {
        NeighborIndex index = context.kernels().neighborIndex(x, n, d, metric);
        int[] ids = new int[n * k];
        float[] dist = new float[n * k];
        index.knn(0, n, k, ids, dist);
        float[] core = new float[n];
        for (int i = 0; i < n; i++) {
            core[i] = dist[i * k + k - 1];
        }
        return core;
    }

    private static double total(float[] w) {
        double s = 0;
        for (float v : w) {
            s += v;
        }
        return s;
    }

    private static float[] sorted(float[] w) {
        float[] s = w.clone();
        Arrays.sort(s);
        return s;
    }

    /** Checks that the edges connect all {@code n} rows and that each weight is the mutual reachability distance. */
    private static void assertSpanningTree(PrimMst.Edges t, float[] x, int n, int d, Distance metric, float[] core,
                                           ExecutionContext context, String as) {
        assertThat(t.source()).as(as).hasSize(n - 1);
        UnionFind uf = new UnionFind(n);
        for (int e = 0; e < n - 1; e++) {
            int a = t.source()[e];
            int b = t.target()[e];
            assertThat(uf.find(a)).as("%s: edge %d closes a cycle", as, e).isNotEqualTo(uf.find(b));
            uf.union(a, b);
            float dist = context.kernels().distance(metric, x, a * d, x, b * d, d);
            assertThat(t.weight()[e]).as("%s: weight of edge %d", as, e).isEqualTo(Math.max(dist, Math.max(core[a], core[b])));
        }
        for (int i = 0; i < n; i++) {
            assertThat(uf.find(i)).as(as).isZero();
        }
    }

    @Test
    void weightsEqualPlainPrimsOnRandomDataWithTiesAndDuplicates() {
        ExecutionContext context = Fits.context(2);
        int cases = 0;
        for (int n : new int[] {2, 3, 40, 333, 1100}) {
            for (int d : new int[] {1, 2, 3, 6, 10}) {
                for (int grid : new int[] {0, 6}) {
                    for (String id : METRICS) {
                        Distance metric = Distance.byId(id);
                        float[] x = uniform(n, d, 31L * n + d + grid, grid);
                        int k = Math.min(n, 4);
                        float[] core = core(x, n, d, metric, k, context);
                        PrimMst.Edges plain = PrimMst.plain(x, n, d, metric, core, context);
                        PrimMst.Edges boruvka = BoruvkaMst.build(x, n, d, metric, core, context);
                        String as = String.format("n=%d d=%d grid=%d %s", n, d, grid, id);
                        assertThat(boruvka).as(as).isNotNull();
                        assertSpanningTree(boruvka, x, n, d, metric, core, context, as);
                        assertThat(sorted(boruvka.weight())).as(as).isEqualTo(sorted(plain.weight()));
                        assertThat(total(boruvka.weight())).as(as).isCloseTo(total(plain.weight()), within(1e-6 * (1 + total(plain.weight()))));
                        cases++;
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(5 * 5 * 2 * METRICS.length);
    }

    @Test
    void withoutTiesTheEdgesArePrimsInPrimsOrder() {
        // Continuous blobs and min_samples = 1 (core distance 0): all weights are distinct distances, so
        // the tree is unique and Boruvka, reordered, must give plain Prim's edges one for one.
        ExecutionContext context = Fits.context(2);
        for (int d : new int[] {2, 4, 8}) {
            int n = 900;
            float[] x = Dataset.of("blobs", FastPathsTest.blobs(n, d, 5, 70 + d)).data();
            float[] core = new float[n];
            PrimMst.Edges plain = PrimMst.plain(x, n, d, Distance.EUCLIDEAN, core, context);
            PrimMst.Edges boruvka = BoruvkaMst.build(x, n, d, Distance.EUCLIDEAN, core, context);
            assertThat(boruvka.source()).as("d=%d", d).isEqualTo(plain.source());
            assertThat(boruvka.target()).as("d=%d", d).isEqualTo(plain.target());
            assertThat(boruvka.weight()).as("d=%d", d).isEqualTo(plain.weight());
        }
    }

    @Test
    void labelsEqualPrimsOnBlobs() {
        ExecutionContext context = Fits.context(2);
        for (int d : new int[] {2, 3, 5}) {
            for (int minSamples : new int[] {5, 10}) {
                int n = 2000;
                float[] x = Dataset.of("blobs", FastPathsTest.blobs(n, d, 6, 90 + d)).data();
                float[] core = core(x, n, d, Distance.EUCLIDEAN, minSamples, context);
                HdbscanParams params = new HdbscanParams(15, minSamples, 0, HdbscanParams.SelectionMethod.EOM, false,
                        Distance.EUCLIDEAN);
                PrimMst.Edges prim = PrimMst.blocked(x, n, d, Distance.EUCLIDEAN, core, context);
                PrimMst.Edges boruvka = BoruvkaMst.build(x, n, d, Distance.EUCLIDEAN, core, context);
                ClusterSelection.Outcome a = ClusterSelection.select(CondensedTree.of(prim, n, 15), params);
                ClusterSelection.Outcome b = ClusterSelection.select(CondensedTree.of(boruvka, n, 15), params);
                String as = String.format("d=%d min_samples=%d", d, minSamples);
                assertThat(Arrays.stream(a.labels()).max().orElseThrow()).as(as).isGreaterThanOrEqualTo(2);
                assertThat(b.labels()).as(as).isEqualTo(a.labels());
                assertThat(b.probabilities()).as(as).isEqualTo(a.probabilities());
            }
        }
    }

    @Test
    void withTiesTheTreeIsKruskalsUnderWeightThenRows() {
        // Heavy ties (coarse grid, duplicates): the tree must be the unique minimum of the order
        // (weight, lower row, higher row), found here by Kruskal over all pairs.
        ExecutionContext context = Fits.context(2);
        for (int n : new int[] {260, 700}) {
        for (int d : new int[] {1, 2, 4}) {
            for (String id : new String[] {"euclidean", "chebyshev"}) {
                Distance metric = Distance.byId(id);
                float[] x = uniform(n, d, 100 + d, 5);
                float[] core = core(x, n, d, metric, 3, context);
                long[] keys = new long[n * (n - 1) / 2];
                float[] weightOf = new float[n * n];
                int k = 0;
                for (int a = 0; a < n; a++) {
                    for (int b = a + 1; b < n; b++) {
                        float w = Math.max(context.kernels().distance(metric, x, a * d, x, b * d, d), Math.max(core[a], core[b]));
                        weightOf[a * n + b] = w;
                        keys[k++] = (long) a * n + b;
                    }
                }
                Long[] order = Arrays.stream(keys).boxed().toArray(Long[]::new);
                Arrays.sort(order, (p, q) -> {
                    int c = Float.compare(weightOf[(int) (long) p], weightOf[(int) (long) q]);
                    return c != 0 ? c : Long.compare(p, q); // a * n + b orders by lower row, then higher row
                });
                UnionFind uf = new UnionFind(n);
                java.util.Set<Long> expected = new java.util.HashSet<>();
                for (Long e : order) {
                    int a = (int) (e / n);
                    int b = (int) (e % n);
                    if (uf.find(a) != uf.find(b)) {
                        uf.union(a, b);
                        expected.add(e);
                    }
                }
                PrimMst.Edges t = BoruvkaMst.build(x, n, d, metric, core, context);
                java.util.Set<Long> actual = new java.util.HashSet<>();
                for (int e = 0; e < n - 1; e++) {
                    int a = Math.min(t.source()[e], t.target()[e]);
                    int b = Math.max(t.source()[e], t.target()[e]);
                    actual.add((long) a * n + b);
                }
                assertThat(actual).as("n=%d d=%d %s", n, d, id).isEqualTo(expected);
            }
        }
        }
    }

    @Test
    void sameTreeWithOneAndTwoThreads() {
        int n = 5000;
        int d = 3;
        // Coarse grid: many equal weights, so the row tie-break decides.
        float[] x = uniform(n, d, 17, 20);
        for (String id : new String[] {"euclidean", "manhattan"}) {
            Distance metric = Distance.byId(id);
            ExecutionContext one = Fits.context(1);
            ExecutionContext two = Fits.context(2);
            float[] core = core(x, n, d, metric, 5, one);
            PrimMst.Edges a = BoruvkaMst.build(x, n, d, metric, core, one);
            PrimMst.Edges b = BoruvkaMst.build(x, n, d, metric, core, two);
            assertThat(b.source()).as(id).isEqualTo(a.source());
            assertThat(b.target()).as(id).isEqualTo(a.target());
            assertThat(b.weight()).as(id).isEqualTo(a.weight());
        }
    }

    @Test
    void buildDispatchesToBoruvkaOnlyForLowDimensionsAndCoordinateDistances() {
        assertThat(BoruvkaMst.applies(Distance.EUCLIDEAN, 10_000, 2)).isTrue();
        assertThat(BoruvkaMst.applies(Distance.SQUARED_EUCLIDEAN, 10_000, BoruvkaMst.MAX_DIM)).isTrue();
        assertThat(BoruvkaMst.applies(Distance.minkowski(3), 10_000, 4)).isTrue();
        assertThat(BoruvkaMst.applies(Distance.EUCLIDEAN, 10_000, BoruvkaMst.MAX_DIM + 1)).isFalse();
        assertThat(BoruvkaMst.applies(Distance.COSINE, 10_000, 2)).isFalse();
        assertThat(BoruvkaMst.applies(Distance.INNER_PRODUCT, 10_000, 2)).isFalse();
        // Through build: the tree of a low-dimensional Euclidean set is Boruvka's (Prim's order, same edges).
        ExecutionContext context = Fits.context(1);
        int n = 600;
        float[] x = uniform(n, 2, 3, 0);
        float[] core = core(x, n, 2, Distance.EUCLIDEAN, 5, context);
        PrimMst.Edges viaBuild = PrimMst.build(x, n, 2, Distance.EUCLIDEAN, core, context);
        PrimMst.Edges boruvka = BoruvkaMst.build(x, n, 2, Distance.EUCLIDEAN, core, context);
        assertThat(viaBuild.source()).isEqualTo(boruvka.source());
        assertThat(viaBuild.target()).isEqualTo(boruvka.target());
    }

    @Test
    void primOrderListsATreeFromRowZeroCheapestFirst() {
        // 0 -(3)- 1 -(1)- 2, 0 -(2)- 3, 3 -(2)- 4: from 0, the cheapest edges are 0-3 (2), then 3-4 (2, row 4
        // before row 1 at 3), then 0-1 (3), then 1-2 (1).
        PrimMst.Edges t = PrimOrder.of(5, new int[] {1, 2, 0, 4}, new int[] {0, 1, 3, 3}, new float[] {3, 1, 2, 2});
        assertThat(t.source()).containsExactly(0, 3, 0, 1);
        assertThat(t.target()).containsExactly(3, 4, 1, 2);
        assertThat(t.weight()).containsExactly(2f, 2f, 3f, 1f);
    }
}
