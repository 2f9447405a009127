package dev.clusterlab.plugins.density;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.CompactBlocks;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.UnionFind;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DBSCAN by blocked scans, for data where the engine's index would scan anyway (high dimensions, cosine,
 * ...): the rows laid out in spatially compact blocks of {@value #TILE} with a ball each
 * ({@link Kernels#compactBlocks}, metric distances only), every row scanned against the blocks its ball
 * test cannot rule out. Three passes, none keeping a neighbour list beyond one block of rows:
 * <ol>
 *   <li>core flags: each row counts its neighbours block by block, the blocks nearest its own first, and
 *       stops at {@code min_samples} (a core row in a dense region reads one or two blocks). With sample
 *       weights each block of rows gathers its neighbourhoods instead, so that the weights are summed in
 *       ascending row order;</li>
 *   <li>clusters: core pairs within {@code eps} joined in the union-find (block pairs {@code I <= J}, the
 *       nearest first), a row not scanned against a block whose core rows are all in its component;</li>
 *   <li>border rows: each takes the smallest root among its core neighbours (a block whose core rows form
 *       one component is skipped once its root cannot lower the row's best).</li>
 * </ol>
 * For Euclidean the scan runs through {@link Kernels#squaredEuclideanToColumns} on a column-major copy of
 * each block (vectorised across rows: no horizontal sums), and a squared value within a relative
 * {@code band} of {@code eps^2} is decided again by {@link Kernels#distance}, as a range query decides it;
 * other distances use {@link Kernels#distances}, the scan index's own kernel. Skipped work never changes a
 * result: a row's count only stops once it decides the flag, and unions are order-free.
 */
final class TiledDbscan {
    /** Rows per block: a block's columns (d x 128 floats) stay in L1/L2 while its rows are scanned. */
    static final int TILE = 128;

    private final float[] x;
    private final int n;
    private final int d;
    private final Distance metric;
    private final double eps;
    private final int minSamples;
    private final Kernels kernels;
    private final ExecutionContext context;
    private final int[] perm;
    private final float[] rows;
    private final CompactBlocks layout;
    private final int blocks;
    private final boolean euclidean;
    /** Per block, its rows column by column (stride {@value #TILE}), for Euclidean. */
    private final float[][] columns;
    private final double inner;
    private final double outer;
    private final AtomicLong distances = new AtomicLong();
    /** Per position, whether core. */
    private final boolean[] core;
    /** Per block, the blocks its ball test cannot rule out, nearest centre first (itself first). */
    private final int[][] candidates;

    private TiledDbscan(float[] x, int n, int d, Distance metric, double eps, int minSamples, ExecutionContext context) {
        this.x = x;
        this.n = n;
        this.d = d;
        this.metric = metric;
        this.eps = eps;
        this.minSamples = minSamples;
        this.kernels = context.kernels();
        this.context = context;
        this.layout = metric.isMetric() ? kernels.compactBlocks(x, n, d, metric, TILE) : null;
        this.perm = layout != null ? layout.perm() : identity(n);
        this.rows = layout != null ? layout.rows() : x;
        this.blocks = (n + TILE - 1) / TILE;
        this.euclidean = metric.kind() == Distance.Kind.EUCLIDEAN;
        this.columns = euclidean ? new float[blocks][] : null;
        // Direct differences: each squared term and each partial sum rounds by half an ulp, so a float sum of
        // d terms is within (d + 2) ulps of the exact value; the band is far wider.
        double band = 1e-4 + 4e-7 * d;
        this.inner = eps * eps * (1 - band);
        this.outer = eps * eps * (1 + band);
        this.core = new boolean[n];
        this.candidates = new int[blocks][];
    }

    static DbscanCore run(float[] x, int n, int d, Distance metric, double eps, int minSamples, float[] weights,
                          ExecutionContext context) {
        return new TiledDbscan(x, n, d, metric, eps, minSamples, context).cluster(weights);
    }

    private DbscanCore cluster(float[] weights) {
        context.parallel().forEachChunk(blocks, 1, (b, from, to) -> {
            candidates[b] = candidatesOf(b);
            if (euclidean) {
                columns[b] = columnsOf(b);
            }
        });
        if (weights == null) {
            countNeighbours();
        } else {
            weighNeighbourhoods(weights);
        }
        context.progress().progress(1.0 / 3, "dbscan: core points found (tiled scan)");
        UnionFind components = new UnionFind(n);
        connect(components);
        context.progress().progress(2.0 / 3, "dbscan: core points connected (tiled scan)");
        int[] best = borders(components);
        boolean[] coreByRow = new boolean[n];
        int[] root = new int[n];
        for (int p = 0; p < n; p++) {
            coreByRow[perm[p]] = core[p];
            root[perm[p]] = core[p] ? components.find(perm[p]) : best[p];
        }
        String structure = layout != null ? "compact blocks of " + TILE : "blocks of " + TILE + ", no pruning";
        return new DbscanCore(coreByRow, root, "tiled scan (" + structure + ")", distances.get());
    }

    private float[] columnsOf(int b) {
        int from = b * TILE;
        int width = Math.min(n, from + TILE) - from;
        float[] c = new float[TILE * d];
        for (int r = 0; r < width; r++) {
            for (int k = 0; k < d; k++) {
                c[k * TILE + r] = rows[(from + r) * d + k];
            }
        }
        return c;
    }

    /**
     * Pass 1 without weights: each row counts its neighbours (itself included) block by block, nearest
     * block first, and stops at {@code min_samples}: a core row in a dense region reads a block or two.
     */
    private void countNeighbours() {
        context.parallel().forEachChunk(blocks, 1, (bi, unused, unused2) -> {
            context.checkCancelled();
            Scan scan = new Scan();
            for (int i = bi * TILE; i < end(bi); i++) {
                int count = 0;
                for (int t = 0; t < candidates[bi].length && count < minSamples; t++) {
                    int bj = candidates[bi][t];
                    count += scan.row(i, bj, bj * TILE);
                }
                core[i] = count >= minSamples;
            }
            distances.addAndGet(scan.computed);
        });
    }

    /** @return the blocks that may hold a row within eps of a row of block {@code b}, nearest centre first */
    private int[] candidatesOf(int b) {
        long[] ranked = new long[blocks];
        int kept = 0;
        for (int c = 0; c < blocks; c++) {
            double between = layout == null || c == b ? 0
                    : kernels.distance(metric, layout.centres(), b * d, layout.centres(), c * d, d);
            if (layout == null || !apart(b, c, between)) {
                // non-negative doubles order as their bits; the block breaks ties (it fits in the low bits lost)
                ranked[kept++] = (Double.doubleToLongBits(between) & ~0xfffffL) | c;
            }
        }
        Arrays.sort(ranked, 0, kept);
        int[] out = new int[kept];
        for (int i = 0; i < kept; i++) {
            out[i] = (int) (ranked[i] & 0xfffff);
        }
        return out;
    }

    /** Pass 1 with weights: each block's neighbourhoods gathered (one block at a time), summed in row order. */
    private void weighNeighbourhoods(float[] weights) {
        context.parallel().forEachChunk(blocks, 1, (bi, unused, unused2) -> {
            context.checkCancelled();
            Scan scan = new Scan();
            int from = bi * TILE;
            int[][] ids = new int[end(bi) - from][];
            int[] sizes = new int[end(bi) - from];
            for (int bj : candidates[bi]) {
                for (int i = from; i < end(bi); i++) {
                    int hits = scan.row(i, bj, bj * TILE);
                    int s = i - from;
                    if (ids[s] == null) {
                        ids[s] = new int[Math.max(16, hits)];
                    } else if (sizes[s] + hits > ids[s].length) {
                        ids[s] = Arrays.copyOf(ids[s], Math.max(2 * ids[s].length, sizes[s] + hits));
                    }
                    for (int h = 0; h < hits; h++) {
                        ids[s][sizes[s]++] = perm[scan.hits[h]];
                    }
                }
            }
            for (int i = from; i < end(bi); i++) {
                int s = i - from;
                Arrays.sort(ids[s], 0, sizes[s]);
                core[i] = QueryDbscan.mass(perm[i], ids[s], sizes[s], weights) >= minSamples;
            }
            distances.addAndGet(scan.computed);
        });
    }

    /** Pass 2: unions of core pairs within eps. */
    private void connect(UnionFind components) {
        context.parallel().forEachChunk(blocks, 1, (bi, unused, unused2) -> {
            context.checkCancelled();
            Scan scan = new Scan();
            for (int bj : candidates[bi]) {
                if (bj < bi) {
                    continue;
                }
                int rj = uniformRoot(bj, components);
                if (rj == -1) {
                    continue; // no core row in bj
                }
                for (int i = bi * TILE; i < end(bi); i++) {
                    if (!core[i] || (rj >= 0 && components.find(perm[i]) == rj)) {
                        continue; // not core, or already joined to every core row of bj
                    }
                    int hits = scan.row(i, bj, bi == bj ? i + 1 : bj * TILE);
                    for (int h = 0; h < hits; h++) {
                        int j = scan.hits[h];
                        if (core[j]) {
                            components.union(perm[i], perm[j]);
                        }
                    }
                }
            }
            distances.addAndGet(scan.computed);
        });
    }

    /** Pass 3: per non-core position, the smallest root among its core neighbours, or -1. */
    private int[] borders(UnionFind components) {
        int[] best = new int[n];
        Arrays.fill(best, -1);
        int[] blockRoot = new int[blocks];
        context.parallel().forEachChunk(blocks, 1, (b, unused, unused2) -> blockRoot[b] = uniformRoot(b, components));
        context.parallel().forEachChunk(blocks, 1, (bi, unused, unused2) -> {
            context.checkCancelled();
            Scan scan = new Scan();
            boolean any = false;
            for (int i = bi * TILE; i < end(bi); i++) {
                any |= !core[i];
            }
            for (int t = 0; any && t < candidates[bi].length; t++) {
                int bj = candidates[bi][t];
                if (blockRoot[bj] == -1) {
                    continue;
                }
                int r = blockRoot[bj];
                for (int i = bi * TILE; i < end(bi); i++) {
                    if (core[i] || (r >= 0 && best[i] >= 0 && best[i] <= r)) {
                        continue;
                    }
                    int hits = scan.row(i, bj, bj * TILE);
                    for (int h = 0; h < hits; h++) {
                        int j = scan.hits[h];
                        if (core[j]) {
                            int root = components.find(perm[j]);
                            best[i] = best[i] < 0 ? root : Math.min(best[i], root);
                        }
                    }
                }
            }
            distances.addAndGet(scan.computed);
        });
        return best;
    }

    /** @return -1 if block {@code b} has no core row, its core rows' common root if they have one, else -2 */
    private int uniformRoot(int b, UnionFind components) {
        int root = -1;
        for (int j = b * TILE; j < end(b); j++) {
            if (core[j]) {
                int r = components.find(perm[j]);
                if (root == -1) {
                    root = r;
                } else if (r != root) {
                    return -2;
                }
            }
        }
        return root;
    }

    private int end(int b) {
        return Math.min(n, (b + 1) * TILE);
    }

    /** Whether no row of block {@code a} can be within eps of a row of block {@code b}, their centres {@code between} apart. */
    private boolean apart(int a, int b, double between) {
        double ra = layout.radii()[a];
        double rb = layout.radii()[b];
        // Slack far above the rounding of the ball distances (relative to them, not to eps).
        return between - ra - rb > eps * (1 + 1e-4) + 1e-5 * (between + ra + rb) + 1e-30;
    }

    /** One thread's scan of rows against blocks, with its buffers. */
    private final class Scan {
        final float[] values = new float[TILE];
        int[] hits = new int[TILE];
        long computed;

        /** @return how many positions of block {@code b} from {@code from} on are within eps of position {@code i}; they go to {@link #hits} */
        int row(int i, int b, int from) {
            int to = end(b);
            if (from >= to) {
                return 0;
            }
            if (layout != null && b != i / TILE) {
                double toCentre = kernels.distance(metric, rows, i * d, layout.centres(), b * d, d);
                if (layout.lowerBound(toCentre, b) > eps * (1 + 1e-4)) {
                    return 0;
                }
            }
            computed += to - from;
            int found = 0;
            if (euclidean) {
                int base = b * TILE;
                kernels.squaredEuclideanToColumns(rows, i * d, columns[b], TILE, from - base, to - base, d, values, 0);
                for (int j = from; j < to; j++) {
                    float s = values[j - from];
                    if (s <= outer && (s <= inner
                            || kernels.distance(metric, x, perm[i] * d, x, perm[j] * d, d) <= eps)) {
                        hits[found++] = j;
                    }
                }
            } else {
                kernels.distances(metric, rows, i * d, rows, from, to, d, values, 0);
                for (int j = from; j < to; j++) {
                    if (values[j - from] <= eps) {
                        hits[found++] = j;
                    }
                }
            }
            return found;
        }
    }

    private static int[] identity(int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        return perm;
    }
}
