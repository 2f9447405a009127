package dev.clusterlab.engine;

import dev.clusterlab.api.exec.CancelledException;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.NeighborIndex;
import dev.clusterlab.api.kernel.SpanningTree;
import dev.clusterlab.api.kernel.UnionFind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The engine's spanning trees: Boruvka over the kd-tree and the blocked Prim against plain Prim (same
 * weights, a spanning tree, the same edges in the same order when the tree is unique), Kruskal's tree
 * under ties, independence of the thread count and of the kernels, and the public service
 * ({@link Kernels#spanningTree}): single linkage without core distances, progress, cancellation.
 */
class SpanningTreeTest {
    private static final Kernels KERNELS = KernelSelection.current().kernels();

    private static ExecutionContext context(int threads) {
        return new EngineContext(KERNELS, EngineContextFactory.executor(threads), 1, ProgressListener.NONE, () -> false);
    }

    private static SpanningTree plain(float[] x, int n, int d, Distance metric, float[] core, ExecutionContext c) {
        return PrimMst.plain(c.kernels(), x, n, d, metric, core, c, ProgressListener.NONE);
    }

    private static SpanningTree blocked(float[] x, int n, int d, Distance metric, float[] core, ExecutionContext c) {
        return PrimMst.blocked(c.kernels(), x, n, d, metric, core, c, ProgressListener.NONE);
    }

    private static SpanningTree boruvka(float[] x, int n, int d, Distance metric, float[] core, ExecutionContext c) {
        return BoruvkaMst.build(c.kernels(), x, n, d, metric, core, c, ProgressListener.NONE);
    }

    /** Gaussian blobs plus one point in ten of uniform noise, row-major. */
    static float[] blobs(int n, int d, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] centres = new float[k][d];
        for (float[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = (float) (rnd.nextDouble() * 20 - 10);
            }
        }
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            boolean noise = i % 10 == 0;
            float[] c = centres[rnd.nextInt(k)];
            for (int j = 0; j < d; j++) {
                x[i * d + j] = noise ? (float) (rnd.nextDouble() * 24 - 12) : (float) (c[j] + rnd.nextGaussian());
            }
        }
        return x;
    }

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
    private static void assertSpanningTree(SpanningTree t, float[] x, int n, int d, Distance metric, float[] core,
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
        ExecutionContext context = context(2);
        int cases = 0;
        for (int n : new int[] {2, 3, 40, 333, 1100}) {
            for (int d : new int[] {1, 2, 3, 6, 10}) {
                for (int grid : new int[] {0, 6}) {
                    for (String id : METRICS) {
                        Distance metric = Distance.byId(id);
                        float[] x = uniform(n, d, 31L * n + d + grid, grid);
                        int k = Math.min(n, 4);
                        float[] core = core(x, n, d, metric, k, context);
                        SpanningTree plain = plain(x, n, d, metric, core, context);
                        SpanningTree boruvka = boruvka(x, n, d, metric, core, context);
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
        ExecutionContext context = context(2);
        for (int d : new int[] {2, 4, 8}) {
            int n = 900;
            float[] x = blobs(n, d, 5, 70 + d);
            float[] core = new float[n];
            SpanningTree plain = plain(x, n, d, Distance.EUCLIDEAN, core, context);
            SpanningTree boruvka = boruvka(x, n, d, Distance.EUCLIDEAN, core, context);
            assertThat(boruvka.source()).as("d=%d", d).isEqualTo(plain.source());
            assertThat(boruvka.target()).as("d=%d", d).isEqualTo(plain.target());
            assertThat(boruvka.weight()).as("d=%d", d).isEqualTo(plain.weight());
        }
    }

    @Test
    void boruvkaAndBlockedPrimGiveTheSameWeightsOnBlobs() {
        ExecutionContext context = context(2);
        for (int d : new int[] {2, 3, 5}) {
            for (int minSamples : new int[] {5, 10}) {
                int n = 2000;
                float[] x = blobs(n, d, 6, 90 + d);
                float[] core = core(x, n, d, Distance.EUCLIDEAN, minSamples, context);
                SpanningTree prim = blocked(x, n, d, Distance.EUCLIDEAN, core, context);
                SpanningTree tree = boruvka(x, n, d, Distance.EUCLIDEAN, core, context);
                String as = String.format("d=%d min_samples=%d", d, minSamples);
                assertSpanningTree(tree, x, n, d, Distance.EUCLIDEAN, core, context, as);
                assertThat(sorted(tree.weight())).as(as).isEqualTo(sorted(prim.weight()));
            }
        }
    }

    @Test
    void blockedPrimGivesPlainPrimsEdgesInTheSameOrder() {
        for (int d : new int[] {2, 4, 20}) {
            int n = 1200;
            float[] x = blobs(n, d, 6, 13 + d);
            for (String id : new String[] {"euclidean", "manhattan"}) {
                Distance metric = Distance.byId(id);
                ExecutionContext context = context(2);
                float[] core = core(x, n, d, metric, 5, context);
                SpanningTree p = plain(x, n, d, metric, core, context);
                SpanningTree b = blocked(x, n, d, metric, core, context);
                assertThat(b.source()).as("d=%d %s", d, id).isEqualTo(p.source());
                assertThat(b.target()).as("d=%d %s", d, id).isEqualTo(p.target());
                assertThat(b.weight()).as("d=%d %s", d, id).isEqualTo(p.weight());
            }
        }
    }

    @Test
    void withTiesTheTreeIsKruskalsUnderWeightThenRows() {
        // Heavy ties (coarse grid, duplicates): the tree must be the unique minimum of the order
        // (weight, lower row, higher row), found here by Kruskal over all pairs.
        ExecutionContext context = context(2);
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
                SpanningTree t = boruvka(x, n, d, metric, core, context);
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
            ExecutionContext one = context(1);
            ExecutionContext two = context(2);
            float[] core = core(x, n, d, metric, 5, one);
            SpanningTree a = boruvka(x, n, d, metric, core, one);
            SpanningTree b = boruvka(x, n, d, metric, core, two);
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
        assertThat(SpanningTrees.method(Distance.EUCLIDEAN, 10_000, 2)).isEqualTo(SpanningTrees.Method.BORUVKA);
        assertThat(SpanningTrees.method(Distance.EUCLIDEAN, 10_000, 20)).isEqualTo(SpanningTrees.Method.BLOCKED_PRIM);
        assertThat(SpanningTrees.method(Distance.COSINE, 10_000, 2)).isEqualTo(SpanningTrees.Method.PRIM);
        assertThat(SpanningTrees.method(Distance.EUCLIDEAN, 100, 2)).isEqualTo(SpanningTrees.Method.PRIM);
        // Through the public service: a low-dimensional Euclidean set gets Boruvka's tree, in Prim's order.
        ExecutionContext context = context(1);
        int n = 600;
        float[] x = uniform(n, 2, 3, 0);
        float[] core = core(x, n, 2, Distance.EUCLIDEAN, 5, context);
        SpanningTree viaService = KERNELS.spanningTree(x, n, 2, Distance.EUCLIDEAN, core, context, ProgressListener.NONE);
        SpanningTree direct = boruvka(x, n, 2, Distance.EUCLIDEAN, core, context);
        assertThat(viaService.source()).isEqualTo(direct.source());
        assertThat(viaService.target()).isEqualTo(direct.target());
    }

    @Test
    void withoutCoreDistancesTheTreeIsSingleLinkagesOfThePlainDistance() {
        // core = null: every weight is the plain distance of its edge, and the total is Kruskal's minimum.
        ExecutionContext context = context(2);
        for (int d : new int[] {2, 16}) {
            int n = 400;
            float[] x = blobs(n, d, 4, 5 + d);
            SpanningTree t = KERNELS.spanningTree(x, n, d, Distance.EUCLIDEAN, null, context, ProgressListener.NONE);
            assertSpanningTree(t, x, n, d, Distance.EUCLIDEAN, new float[n], context, "d=" + d);
            SpanningTree reference = plain(x, n, d, Distance.EUCLIDEAN, new float[n], context);
            assertThat(sorted(t.weight())).as("d=%d", d).isEqualTo(sorted(reference.weight()));
        }
    }

    @Test
    void scalarAndVectorKernelsGiveTheSameTree() {
        int n = 1500;
        for (int d : new int[] {3, 24}) {
            float[] x = blobs(n, d, 5, 40 + d);
            ExecutionContext scalar = new EngineContext(new ScalarKernels(), EngineContextFactory.executor(2), 1,
                    ProgressListener.NONE, () -> false);
            // Plain distances of continuous data: no ties, one tree (core distances would tie edges whose
            // order the kernels' last bits could decide); the kernels' float sums may differ in the last bit.
            SpanningTree a = scalar.kernels().spanningTree(x, n, d, Distance.EUCLIDEAN, null, scalar, ProgressListener.NONE);
            SpanningTree b = KERNELS.spanningTree(x, n, d, Distance.EUCLIDEAN, null, context(2), ProgressListener.NONE);
            assertThat(b.source()).as("d=%d", d).isEqualTo(a.source());
            assertThat(b.target()).as("d=%d", d).isEqualTo(a.target());
            for (int e = 0; e < n - 1; e++) {
                assertThat(b.weight()[e]).as("d=%d edge %d", d, e).isCloseTo(a.weight()[e], within(1e-5f * (1 + a.weight()[e])));
            }
        }
    }

    @Test
    void progressGrowsFromZeroToOneAndCancellationStopsTheTree() {
        for (int d : new int[] {2, 20}) {
            int n = 3000;
            float[] x = blobs(n, d, 5, 3 + d);
            List<Double> seen = new ArrayList<>();
            KERNELS.spanningTree(x, n, d, Distance.EUCLIDEAN, null, context(2), (f, m) -> {
                synchronized (seen) {
                    seen.add(f);
                }
            });
            assertThat(seen).as("d=%d", d).isNotEmpty();
            assertThat(seen).as("d=%d", d).allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
            assertThat(seen).as("d=%d", d).isSorted();
            AtomicInteger polls = new AtomicInteger();
            ExecutionContext stopping = new EngineContext(KERNELS, EngineContextFactory.executor(2), 1,
                    ProgressListener.NONE, () -> polls.incrementAndGet() > 1);
            assertThatThrownBy(() -> KERNELS.spanningTree(x, n, d, Distance.EUCLIDEAN, null, stopping, ProgressListener.NONE))
                    .as("d=%d", d).isInstanceOf(CancelledException.class);
        }
    }

    @Test
    void primOrderListsATreeFromRowZeroCheapestFirst() {
        // 0 -(3)- 1 -(1)- 2, 0 -(2)- 3, 3 -(2)- 4: from 0, the cheapest edges are 0-3 (2), then 3-4 (2, row 4
        // before row 1 at 3), then 0-1 (3), then 1-2 (1).
        SpanningTree t = PrimOrder.of(5, new int[] {1, 2, 0, 4}, new int[] {0, 1, 3, 3}, new float[] {3, 1, 2, 2});
        assertThat(t.source()).containsExactly(0, 3, 0, 1);
        assertThat(t.target()).containsExactly(3, 4, 1, 2);
        assertThat(t.weight()).containsExactly(2f, 2f, 3f, 1f);
    }
}
