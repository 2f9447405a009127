package dev.clusterlab.plugins.density;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.ArtifactTable;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.NeighborIndex;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * DBSCAN's strategies (grid, tiled scan, range queries) give the same core points and the same roots,
 * hence the same labels, on data built to catch them out: ties at exactly eps (integer lattices), duplicate
 * rows, border points between clusters, and eps from so small that almost every point is noise to so large
 * that every point neighbours every other. The range queries are the reference (they are the engine's own
 * decisions); a brute-force DBSCAN checks them in turn on the smaller sets.
 */
class DbscanStrategiesTest {

    /** Blobs with uniform noise, snapped to a lattice of step 0.25 (ties) with every 17th row duplicated. */
    static float[] awkward(int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n * d];
        float[][] centres = new float[4][d];
        for (float[] c : centres) {
            for (int k = 0; k < d; k++) {
                c[k] = (float) (rnd.nextDouble() * 16 - 8);
            }
        }
        for (int i = 0; i < n; i++) {
            if (i % 17 == 16) {
                System.arraycopy(x, (i - 1) * d, x, i * d, d);
                continue;
            }
            float[] c = centres[rnd.nextInt(4)];
            boolean noise = i % 9 == 0;
            boolean snap = i % 3 == 0;
            for (int k = 0; k < d; k++) {
                double v = noise ? rnd.nextDouble() * 24 - 12 : c[k] + rnd.nextGaussian();
                x[i * d + k] = snap ? (float) (Math.rint(v * 4) / 4) : (float) v;
            }
        }
        return x;
    }

    private static DbscanCore queries(float[] x, int n, int d, double eps, int minSamples, ExecutionContext context) {
        NeighborIndex index = context.kernels().neighborIndex(x, n, d, Distance.EUCLIDEAN);
        return QueryDbscan.run(index, n, eps, minSamples, null, context);
    }

    private static void assertSame(DbscanCore actual, DbscanCore expected, String what) {
        assertThat(actual.core()).as("core points, " + what).isEqualTo(expected.core());
        assertThat(actual.root()).as("roots, " + what).isEqualTo(expected.root());
    }

    @Test
    void theGridDecidesAsTheRangeQueriesInOneToThreeDimensionsAtEveryEps() {
        ExecutionContext one = Fits.context(1);
        ExecutionContext three = Fits.context(3);
        for (int d = 1; d <= GridDbscan.MAX_DIM; d++) {
            int n = 600;
            float[] x = awkward(n, d, 40 + d);
            for (double eps : new double[] {1e-3, 0.1, 0.25, 0.25 * Math.sqrt(2), 1.0, 3.0, 1e6}) {
                for (int minSamples : new int[] {1, 4, 12}) {
                    DbscanCore expected = queries(x, n, d, eps, minSamples, one);
                    for (ExecutionContext context : new ExecutionContext[] {one, three}) {
                        int threads = context == one ? 1 : 3;
                        Grid cells = Grid.of(x, n, d, eps);
                        assertThat(cells).as("a grid at eps %s", eps).isNotNull();
                        DbscanCore grid = GridDbscan.on(cells, x, eps, minSamples, context);
                        assertSame(grid, expected, "d " + d + ", eps " + eps + ", min_samples " + minSamples + ", "
                                + threads + " threads");
                    }
                }
            }
        }
    }

    @Test
    void theGridMatchesBruteForceOnAnIntegerLatticeWithTiesAtEps() {
        // A 12 x 12 lattice with step 1 plus a few duplicates: at eps 1 every point has its 4 axis neighbours
        // exactly at eps; at eps sqrt(2) the diagonals too (the float of sqrt(2) against the kernel's value).
        int side = 12;
        int n = side * side + 6;
        float[] x = new float[n * 2];
        for (int i = 0; i < side * side; i++) {
            x[2 * i] = i % side;
            x[2 * i + 1] = i / side;
        }
        for (int i = side * side; i < n; i++) {
            x[2 * i] = (i * 5) % side;
            x[2 * i + 1] = (i * 7) % side;
        }
        ExecutionContext two = Fits.context(2);
        for (double eps : new double[] {1.0, Math.sqrt(2), 2.0, 0.999}) {
            for (int minSamples : new int[] {3, 5, 6, 9}) {
                int[] expected = FastPathsTest.bruteForce(x, n, 2, eps, minSamples, Distance.EUCLIDEAN);
                DbscanCore grid = GridDbscan.on(Grid.of(x, n, 2, eps), x, eps, minSamples, two);
                int[] labels = DbscanAlgorithm.renumberByFirstAppearance(grid.root().clone());
                assertThat(labels).as("eps %s, min_samples %d", eps, minSamples).isEqualTo(expected);
            }
        }
    }

    @Test
    void theTiledScanDecidesAsTheRangeQueries() {
        int n = 700;
        int d = 10;
        ExecutionContext one = Fits.context(1);
        ExecutionContext three = Fits.context(3);
        float[] x = awkward(n, d, 7);
        for (double eps : new double[] {0.5, 2.0, 3.5, 100.0}) {
            DbscanCore expected = queries(x, n, d, eps, 6, one);
            assertSame(TiledDbscan.run(x, n, d, Distance.EUCLIDEAN, eps, 6, null, one), expected, "eps " + eps + ", 1 thread");
            assertSame(TiledDbscan.run(x, n, d, Distance.EUCLIDEAN, eps, 6, null, three), expected, "eps " + eps + ", 3 threads");
        }
    }

    @Test
    void theStrategyIsChosenFromTheDataAndRecorded() {
        SplittableRandom rnd = new SplittableRandom(3);
        String[] expected = {"grid", "range queries", "tiled scan"};
        int[] dims = {2, 5, 20};
        for (int t = 0; t < dims.length; t++) {
            int d = dims[t];
            float[][] rows = new float[400][d];
            for (float[] r : rows) {
                for (int k = 0; k < d; k++) {
                    r[k] = (float) rnd.nextGaussian();
                }
            }
            ClusteringResult r = Fits.fit(new DbscanAlgorithm(), Dataset.of("g" + d, rows), Map.of("eps", 1.0), 1);
            assertThat(((DbscanModel) r.model().orElseThrow()).strategy()).as("d = %d", d).startsWith(expected[t]);
            ArtifactTable table = r.artifacts().get("strategy").table();
            assertThat(table.ints(expected[t].replace(' ', '_')))
                    .containsExactly(1);
        }
        // Manhattan in 2-d is not the grid's: the kd-tree's range queries serve it.
        ClusteringResult manhattan = Fits.fit(new DbscanAlgorithm(), Dataset.of("m", new float[][] {{0, 0}, {1, 1}}),
                Map.of("eps", 1.0, "metric", "manhattan", "min_samples", 1), 1);
        assertThat(((DbscanModel) manhattan.model().orElseThrow()).strategy()).doesNotStartWith("grid");
    }

    @Test
    void aGridSoSparseThatATreeCostsLessIsDeclined() {
        // 3-d at about one point per cell: the kd-tree's range queries serve.
        float[] x = awkward(2000, 3, 5);
        assertThat(GridDbscan.run(x, 2000, 3, 1e-3, 5, Fits.context(1))).isNull();
        assertThat(GridDbscan.run(x, 2000, 3, 1.0, 5, Fits.context(1))).isNotNull();
        assertThat(GridDbscan.run(x, 2000, 2, 1e-3, 5, Fits.context(1))).as("2-d: the grid still wins").isNotNull();
    }

    @Test
    void aGridTooFineToKeyIsDeclinedAndAnotherStrategyServes() {
        // Spread 1e6 at eps 1e-9: 1e15 cells per axis, beyond the grid's keys.
        float[][] rows = {{0, 0}, {1e6f, 1e6f}, {1e6f, 1e6f}, {5, 5}};
        assertThat(Grid.of(Dataset.of("far", rows).data(), 4, 2, 1e-9)).isNull();
        ClusteringResult r = Fits.fit(new DbscanAlgorithm(), Dataset.of("far", rows), Map.of("eps", 1e-9, "min_samples", 2), 1);
        assertThat(r.labels()).containsExactly(-1, 0, 0, -1);
        assertThat(((DbscanModel) r.model().orElseThrow()).strategy()).doesNotStartWith("grid");
    }
}
