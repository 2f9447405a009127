package dev.clusterlab.plugins.density;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.kernel.CompactBlocks;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.NeighborIndex;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded cache of eps-neighbourhoods for DBSCAN, per chunk of {@link Streams#CHUNK} rows, as
 * compressed rows (the point itself left out, ids ascending). A chunk is cached only while the total
 * stays within {@link #BUDGET_PER_POINT} ids per point, so memory stays O(n) whatever {@code eps}:
 * with small neighbourhoods (the usual case) one range-query pass serves all of DBSCAN's passes; with
 * large ones the uncached chunks are queried again (streamed). Whether a chunk is cached never changes
 * a result, only the time.
 */
final class Neighbourhoods {
    /** Cached neighbour ids per point at most (4 bytes each): 128 bytes per point. */
    static final long BUDGET_PER_POINT = 32;

    private final int n;
    private final int[][] offsets;
    private final int[][] ids;

    private Neighbourhoods(int n, int[][] offsets, int[][] ids) {
        this.n = n;
        this.offsets = offsets;
        this.ids = ids;
    }

    static long budget(int n) {
        return BUDGET_PER_POINT * n + 4096;
    }

    /** An empty cache: every chunk streamed. */
    static Neighbourhoods none(int n) {
        int chunks = Parallel.chunkCount(n, Streams.CHUNK);
        return new Neighbourhoods(n, new int[chunks][], new int[chunks][]);
    }

    boolean cached(int chunk) {
        return ids[chunk] != null;
    }

    int[] ids(int chunk) {
        return ids[chunk];
    }

    int[] offsets(int chunk) {
        return offsets[chunk];
    }

    /** Records the neighbourhoods of one chunk gathered by the caller, if the budget allows. */
    void offer(int chunk, int[] chunkOffsets, IntList chunkIds, AtomicLong reserved, long budget) {
        if (reserved.addAndGet(chunkIds.size()) <= budget) {
            offsets[chunk] = chunkOffsets;
            ids[chunk] = chunkIds.toArray();
        }
    }

    /**
     * The neighbourhoods of every row by a symmetric tiled scan through {@code kernels.pairwise}: each
     * pair of rows is computed at most once (blocks {@code I <= J}), from direct differences; a value
     * within a relative {@code 1e-4} of {@code eps} is recomputed with {@code kernels.distance}, so a
     * point is a neighbour exactly when the range query would say so. For a metric distance the rows are
     * first laid out in spatially compact blocks ({@link Kernels#compactBlocks}) and a tile is skipped when the
     * balls of its two blocks are more than {@code eps} apart (triangle inequality), so clustered data
     * costs far less than {@code n^2 / 2} distances. Returns {@code null} (and stops early) when the pairs
     * exceed the budget. Tasks pair row blocks {@code t} and {@code nb - 1 - t}, to even out their work.
     */
    static Neighbourhoods tiled(float[] x, int n, int d, Distance metric, double eps, ExecutionContext context) {
        final int tileRows = 128;
        int blocks = Parallel.chunkCount(n, tileRows);
        int tasks = (blocks + 1) / 2;
        long budget = budget(n);
        AtomicLong reserved = new AtomicLong();
        AtomicBoolean overflow = new AtomicBoolean();
        double lo = eps * (1 - 1e-4);
        double hi = eps * (1 + 1e-4);
        // With the triangle inequality: rows reordered so that each block of tileRows rows is spatially compact
        // (recursive halving along the axis of two far-apart rows), and a tile skipped when the balls around
        // its two blocks' means are more than eps apart.
        boolean prune = metric.isMetric();
        CompactBlocks layout = prune ? context.kernels().compactBlocks(x, n, d, metric, tileRows) : null;
        int[] perm = prune ? layout.perm() : identity(n);
        float[] xs = prune ? layout.rows() : x;
        float[] centre = prune ? layout.centres() : null;
        float[] radius = prune ? layout.radii() : null;
        float[] rows = xs;
        float[] centres = centre;
        float[] radii = radius;
        List<IntList> pairLists = context.parallel().mapChunks(tasks, 1, (t, unused, unused2) -> {
            IntList pairs = new IntList(1024);
            float[] tile = new float[tileRows * tileRows];
            int[] rowBlocks = t == blocks - 1 - t ? new int[] {t} : new int[] {t, blocks - 1 - t};
            for (int bi : rowBlocks) {
                int i0 = bi * tileRows;
                int i1 = Math.min(n, i0 + tileRows);
                for (int bj = bi; bj < blocks; bj++) {
                    if (overflow.get()) {
                        return null;
                    }
                    context.checkCancelled();
                    int j0 = bj * tileRows;
                    int j1 = Math.min(n, j0 + tileRows);
                    if (prune) {
                        double between = context.kernels().distance(metric, centres, bi * d, centres, bj * d, d);
                        double gap = between - radii[bi] - radii[bj];
                        // Slack far above the rounding of the ball distances (relative to them, not to eps).
                        if (gap > eps * (1 + 1e-4) + 1e-5 * (between + radii[bi] + radii[bj]) + 1e-30) {
                            continue;
                        }
                    }
                    int width = j1 - j0;
                    int before = pairs.size();
                    context.kernels().pairwise(metric, rows, i0, i1, rows, j0, j1, d, tile);
                    for (int i = i0; i < i1; i++) {
                        int base = (i - i0) * width - j0;
                        int pi = perm[i];
                        for (int j = bi == bj ? i + 1 : j0; j < j1; j++) {
                            float v = tile[base + j];
                            if (v <= hi) {
                                if (v > lo) {
                                    v = context.kernels().distance(metric, x, pi * d, x, perm[j] * d, d);
                                }
                                if (v <= eps) {
                                    pairs.add(pi, perm[j]);
                                }
                            }
                        }
                    }
                    if (reserved.addAndGet(pairs.size() - before) > budget) {
                        overflow.set(true);
                        return null;
                    }
                }
            }
            return pairs;
        });
        if (overflow.get()) {
            return null;
        }
        // Compressed rows per chunk: count, place, then sort each row.
        int[] degree = new int[n];
        for (IntList pairs : pairLists) {
            for (int p = 0; p < pairs.size(); p++) {
                degree[pairs.get(p)]++;
            }
        }
        int chunks = Parallel.chunkCount(n, Streams.CHUNK);
        int[][] offsets = new int[chunks][];
        int[][] ids = new int[chunks][];
        int[] cursor = new int[n];
        for (int c = 0; c < chunks; c++) {
            int from = c * Streams.CHUNK;
            int to = Math.min(n, from + Streams.CHUNK);
            int[] off = new int[to - from + 1];
            for (int i = from; i < to; i++) {
                cursor[i] = off[i - from];
                off[i - from + 1] = off[i - from] + degree[i];
            }
            offsets[c] = off;
            ids[c] = new int[off[to - from]];
        }
        for (IntList pairs : pairLists) {
            for (int p = 0; p < pairs.size(); p += 2) {
                int a = pairs.get(p);
                int b = pairs.get(p + 1);
                ids[a / Streams.CHUNK][cursor[a]++] = b;
                ids[b / Streams.CHUNK][cursor[b]++] = a;
            }
        }
        context.parallel().forEachChunk(n, Streams.CHUNK, (c, from, to) -> {
            int[] off = offsets[c];
            for (int i = 0; i < to - from; i++) {
                java.util.Arrays.sort(ids[c], off[i], off[i + 1]);
            }
        });
        return new Neighbourhoods(n, offsets, ids);
    }

    private static int[] identity(int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        return perm;
    }

    /** Receives one row's neighbours: {@code ids[from, to)}, ascending; may include the row itself. */
    @FunctionalInterface
    interface RowSink {
        void accept(int query, int[] ids, int from, int to);
    }

    /**
     * Calls {@code sink} for every row of {@code [from, to)} of chunk {@code chunk} whose flag equals
     * {@code wanted}, with its neighbours from the cache (without itself), or from the index when the
     * chunk is not cached (then with itself).
     */
    void forEach(int chunk, int from, int to, boolean[] flags, boolean wanted, NeighborIndex index, double eps,
                 RowSink sink) {
        if (!cached(chunk)) {
            Streams.rangeQueries(index, from, to, flags, wanted, eps, (q, ids, dist, count) -> sink.accept(q, ids, 0, count));
            return;
        }
        int[] off = offsets[chunk];
        int[] list = ids[chunk];
        for (int q = from; q < to; q++) {
            if (flags[q] == wanted) {
                sink.accept(q, list, off[q - from], off[q - from + 1]);
            }
        }
    }
}
