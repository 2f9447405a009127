package dev.clusterlab.plugins.density;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.UnionFind;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exact DBSCAN for Euclidean data of low dimension on a grid of cells of side just under
 * {@code eps / sqrt(d)} ({@link Grid}), whose work does not grow with {@code eps}: J. Gan and Y. Tao
 * (SIGMOD 2015, doi:10.1145/2723372.2737792) and Y. Wang, Y. Gu and J. Shun (SIGMOD 2020,
 * doi:10.1145/3318464.3380582).
 * <ol>
 *   <li>Core points: every point of a cell holding at least {@code min_samples} points is core (the cell's
 *       diameter is below {@code eps}); in a sparser cell a point counts the points of its own cell, then
 *       those of the neighbouring cells nearest first, a whole cell at once when the cell's box lies within
 *       {@code eps}, and stops at {@code min_samples}.</li>
 *   <li>Clusters: the core points of one cell are one component; two neighbouring cells join when some
 *       pair of their core points is within {@code eps} (a bichromatic closest-pair test that stops at
 *       the first such pair, on the points near the other cell's box only), skipped when the cells are
 *       already connected. The union-find's roots are the smallest core rows.</li>
 *   <li>Border points (only in sparse cells): the smallest root among the cells holding a core point within
 *       {@code eps}: the same rule as the other strategies (see {@link DbscanAlgorithm}).</li>
 * </ol>
 * A pair is decided from its squared distance in double, and by the kernel's own
 * {@link Kernels#distance} when that is within a relative {@value #BAND} of {@code eps}, so every
 * decision is the one a range query makes and the labels are those of the other strategies. Memory: the
 * grid's O(n) and a few arrays of n; no neighbour list at all.
 */
final class GridDbscan {
    /** Highest dimension the grid serves: the neighbouring cells number 25 at d = 2, 125 at d = 3, 2401 at d = 4. */
    static final int MAX_DIM = 3;
    /** Relative margin on squared distances around {@code eps^2} within which the kernel decides. */
    private static final double BAND = 1e-5;
    /**
     * The grid declines when its neighbouring cells per point ({@code cells to visit x cells / n}) exceed
     * this: a kd-tree query visits about as many nodes. Measured on 100,000 blobs: in 3-d at one point per
     * cell (eps 0.05) the grid took 2.4x the range queries' time, at 1.6 per cell (eps 0.3) 0.6x; in 2-d it
     * won even at one point per cell (25 cells to visit).
     */
    private static final long SPARSE = 100;
    /** Cells per parallel task (fixed: the results never depend on it anyway). */
    private static final int CELL_CHUNK = 256;

    private final Grid grid;
    private final float[] x;
    private final double eps;
    private final int minSamples;
    private final Kernels kernels;
    private final ExecutionContext context;
    private final int[] offsets;
    /** How many cells around a cell (itself included) may hold a neighbour of its points. */
    private final int nearby;
    private final double inner;
    private final double outer;
    private final AtomicLong distances = new AtomicLong();
    /** Per position, whether core; positions are reordered core first within each cell before the clusters. */
    private final boolean[] core;
    /** Per cell, the end of its core positions (after the reordering). */
    private final int[] coreEnd;

    private GridDbscan(Grid grid, float[] x, double eps, int minSamples, ExecutionContext context) {
        this.grid = grid;
        this.x = x;
        this.eps = eps;
        this.minSamples = minSamples;
        this.kernels = context.kernels();
        this.context = context;
        this.offsets = Grid.neighbourOffsets(grid.d);
        this.nearby = offsets.length / grid.d;
        this.inner = eps * eps * (1 - BAND);
        this.outer = eps * eps * (1 + BAND);
        this.core = new boolean[grid.n];
        this.coreEnd = new int[grid.cells];
    }

    /** @return whether the grid may serve these data and parameters (it still may decline, see {@link #run}) */
    static boolean applies(int d, Distance metric, float[] weights, double eps) {
        // eps at least 1e-15 keeps the squares of the differences that matter far from float underflow,
        // where the kernel's float distance and the double one would part.
        return d <= MAX_DIM && metric.kind() == Distance.Kind.EUCLIDEAN && weights == null && eps >= 1e-15;
    }

    /**
     * @return the clustering, or {@code null} when the grid would be too fine to key, or so sparse that a
     *     tree's range queries cost less (then use another strategy)
     */
    static DbscanCore run(float[] x, int n, int d, double eps, int minSamples, ExecutionContext context) {
        Grid grid = Grid.of(x, n, d, eps);
        if (grid == null || Grid.neighbourOffsets(d).length / d * (long) grid.cells > SPARSE * n) {
            return null;
        }
        return on(grid, x, eps, minSamples, context);
    }

    /** @return the clustering on a grid of {@code x} built for {@code eps}, however sparse */
    static DbscanCore on(Grid grid, float[] x, double eps, int minSamples, ExecutionContext context) {
        return new GridDbscan(grid, x, eps, minSamples, context).cluster();
    }

    private DbscanCore cluster() {
        int cells = grid.cells;
        context.parallel().forEachChunk(cells, CELL_CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            int[] near = new int[nearby];
            long computed = 0;
            for (int c = from; c < to; c++) {
                computed += coreFlags(c, near);
            }
            distances.addAndGet(computed);
        });
        // A second pass: other cells' counts read this cell's positions, so none may move before all are counted.
        context.parallel().forEachChunk(cells, CELL_CHUNK, (chunk, from, to) -> {
            for (int c = from; c < to; c++) {
                coreFirst(c);
            }
        });
        context.progress().progress(1.0 / 3, "dbscan: core points found (grid)");

        UnionFind components = new UnionFind(grid.n);
        context.parallel().forEachChunk(cells, CELL_CHUNK, (chunk, from, to) -> {
            for (int c = from; c < to; c++) {
                for (int p = grid.cellStart[c] + 1; p < coreEnd[c]; p++) {
                    components.union(grid.order[grid.cellStart[c]], grid.order[p]);
                }
            }
        });
        context.parallel().forEachChunk(cells, CELL_CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            long computed = 0;
            for (int c = from; c < to; c++) {
                if (coreEnd[c] > grid.cellStart[c]) {
                    for (int o = 1; o < nearby; o++) {
                        int b = grid.neighbour(c, offsets, o * grid.d);
                        if (b > c && coreEnd[b] > grid.cellStart[b]) {
                            computed += connect(c, b, components);
                        }
                    }
                }
            }
            distances.addAndGet(computed);
        });
        context.progress().progress(2.0 / 3, "dbscan: core points connected (grid)");

        int[] cellRoot = new int[cells];
        int[] root = new int[grid.n];
        context.parallel().forEachChunk(cells, CELL_CHUNK, (chunk, from, to) -> {
            for (int c = from; c < to; c++) {
                cellRoot[c] = coreEnd[c] > grid.cellStart[c] ? components.find(grid.order[grid.cellStart[c]]) : -1;
            }
        });
        context.parallel().forEachChunk(cells, CELL_CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            int[] near = new int[nearby];
            long[] computed = new long[1];
            for (int c = from; c < to; c++) {
                for (int p = grid.cellStart[c]; p < coreEnd[c]; p++) {
                    root[grid.order[p]] = cellRoot[c];
                }
                if (coreEnd[c] < grid.cellStart[c + 1]) {
                    int count = neighbours(c, near);
                    for (int p = coreEnd[c]; p < grid.cellStart[c + 1]; p++) {
                        root[grid.order[p]] = border(p, near, count, cellRoot, computed);
                    }
                }
            }
            distances.addAndGet(computed[0]);
        });
        boolean[] coreByRow = new boolean[grid.n];
        for (int p = 0; p < grid.n; p++) {
            coreByRow[grid.order[p]] = core[p];
        }
        return new DbscanCore(coreByRow, root, "grid " + grid.d + "-d, " + cells + " cells", distances.get());
    }

    /** Fills {@code near} with the existing cells around {@code c}, nearest first ({@code c} itself first); @return how many */
    private int neighbours(int c, int[] near) {
        int count = 0;
        for (int o = 0; o < nearby; o++) {
            int b = grid.neighbour(c, offsets, o * grid.d);
            if (b >= 0) {
                near[count++] = b;
            }
        }
        return count;
    }

    /** Core flags of cell {@code c}'s points; @return the pair distances computed */
    private long coreFlags(int c, int[] near) {
        int from = grid.cellStart[c];
        int to = grid.cellStart[c + 1];
        if (to - from >= minSamples) {
            for (int p = from; p < to; p++) {
                core[p] = true;
            }
            return 0;
        }
        int count = neighbours(c, near);
        long computed = 0;
        for (int p = from; p < to; p++) {
            int found = to - from;
            for (int t = 1; t < count && found < minSamples; t++) {
                int b = near[t];
                if (grid.minSquared(p, b) > outer) {
                    continue;
                }
                if (grid.maxSquared(p, b) <= inner) {
                    found += grid.size(b);
                    continue;
                }
                for (int q = grid.cellStart[b]; q < grid.cellStart[b + 1] && found < minSamples; q++) {
                    computed++;
                    if (within(p, q)) {
                        found++;
                    }
                }
            }
            core[p] = found >= minSamples;
        }
        return computed;
    }

    /** Reorders cell {@code c}'s positions core first (each part in row order) and records where its cores end. */
    private void coreFirst(int c) {
        int from = grid.cellStart[c];
        int to = grid.cellStart[c + 1];
        int cores = 0;
        for (int p = from; p < to; p++) {
            cores += core[p] ? 1 : 0;
        }
        coreEnd[c] = from + cores;
        if (cores == 0 || cores == to - from) {
            return;
        }
        int d = grid.d;
        int[] rows = new int[to - from];
        float[] coords = new float[(to - from) * d];
        int head = 0;
        int tail = cores;
        for (int p = from; p < to; p++) {
            int slot = core[p] ? head++ : tail++;
            rows[slot] = grid.order[p];
            System.arraycopy(grid.xs, p * d, coords, slot * d, d);
        }
        System.arraycopy(rows, 0, grid.order, from, to - from);
        System.arraycopy(coords, 0, grid.xs, from * d, (to - from) * d);
        for (int p = from; p < to; p++) {
            core[p] = p < from + cores;
        }
    }

    /**
     * Joins cells {@code a} and {@code b} when some core point of one is within eps of a core point of the
     * other. @return the pair distances computed
     */
    private long connect(int a, int b, UnionFind components) {
        int rowA = grid.order[grid.cellStart[a]];
        int rowB = grid.order[grid.cellStart[b]];
        if (components.find(rowA) == components.find(rowB)) {
            return 0;
        }
        long computed = 0;
        for (int p = grid.cellStart[a]; p < coreEnd[a]; p++) {
            if (grid.minSquared(p, b) > outer) {
                continue;
            }
            for (int q = grid.cellStart[b]; q < coreEnd[b]; q++) {
                computed++;
                if (within(p, q)) {
                    components.union(rowA, rowB);
                    return computed;
                }
            }
        }
        return computed;
    }

    /**
     * @return the smallest root among the cells with a core point within eps of position {@code p}, or -1
     *     (the pair distances computed are added to {@code computed[0]})
     */
    private int border(int p, int[] near, int count, int[] cellRoot, long[] computed) {
        int best = -1;
        for (int t = 0; t < count; t++) {
            int b = near[t];
            int r = cellRoot[b];
            if (r < 0 || (best >= 0 && r >= best) || grid.minSquared(p, b) > outer) {
                continue;
            }
            if (t == 0 || grid.maxSquared(p, b) <= inner) { // near[0] is p's own cell: all within eps
                best = r;
                continue;
            }
            for (int q = grid.cellStart[b]; q < coreEnd[b]; q++) {
                computed[0]++;
                if (within(p, q)) {
                    best = r;
                    break;
                }
            }
        }
        return best;
    }

    /** Whether positions {@code p} and {@code q} are within eps, exactly as the kernel decides. */
    private boolean within(int p, int q) {
        double s = grid.squared(p, q);
        if (s <= inner) {
            return true;
        }
        if (s > outer) {
            return false;
        }
        int d = grid.d;
        return kernels.distance(Distance.EUCLIDEAN, x, grid.order[p] * d, x, grid.order[q] * d, d) <= eps;
    }
}
