package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;

/**
 * The pairwise distances of the rows for the linkages that need every pair (complete, average,
 * weighted): the upper triangle only, as SciPy's condensed matrix, in float, stored in
 * {@value #B} x {@value #B} tiles (the tiles of the upper triangle of tiles, each row by row). A row of the
 * symmetric matrix is half a row and half a column of the triangle; in tiles the column half walks a
 * 16 KB tile at a fixed stride instead of striding over the whole matrix, which the caches and the
 * prefetcher follow (the nearest-neighbour chain reads one such row per step). Refuses, before
 * allocating, a matrix that does not fit the heap.
 */
final class CondensedMatrix {
    /** Tile side: a power of two. */
    static final int B = 64;
    private static final int SHIFT = 6;
    private static final int MASK = B - 1;
    /** Rows per parallel chunk when filling: fixed, and the values never depend on the split. */
    private static final int CHUNK = 64;

    private final float[] values;
    /** Tiles per side. */
    private final int t;
    /** The current number of rows. */
    final int n;

    private CondensedMatrix(int n) {
        this.n = n;
        this.t = (n + MASK) >> SHIFT;
        this.values = new float[(int) tileCount(t) * B * B];
    }

    private static long tileCount(int t) {
        return (long) t * (t + 1) / 2;
    }

    /** @return the offset of tile {@code (ti, tj)}, {@code ti <= tj} */
    private int tile(int ti, int tj) {
        return (ti * t - ti * (ti - 1) / 2 + (tj - ti)) << (2 * SHIFT);
    }

    /** @return the position of pair {@code (i, j)}, {@code i < j} */
    private int at(int i, int j) {
        return tile(i >> SHIFT, j >> SHIFT) + ((i & MASK) << SHIFT) + (j & MASK);
    }

    float get(int i, int j) {
        return i < j ? values[at(i, j)] : values[at(j, i)];
    }

    void set(int i, int j, float v) {
        if (i < j) {
            values[at(i, j)] = v;
        } else {
            values[at(j, i)] = v;
        }
    }

    /**
     * The first least distance from row {@code x} to the rows in {@code [from, to)} other than {@code x}
     * whose {@code active} entry is positive.
     *
     * @return the row, or -1, and the distance, in one {@link Least}
     */
    Least least(int x, int[] active, int from, int to) {
        int best = -1;
        float min = Float.POSITIVE_INFINITY;
        int tx = x >> SHIFT;
        int xr = x & MASK;
        // The column half: rows i < x, tile by tile, at stride B inside each tile.
        int upper = Math.min(to, x);
        for (int i = from; i < upper; ) {
            int ti = i >> SHIFT;
            int end = Math.min(upper, (ti + 1) << SHIFT);
            int base = tile(ti, tx) + xr;
            for (; i < end; i++) {
                float v = values[base + ((i & MASK) << SHIFT)];
                if (v < min && active[i] > 0) {
                    min = v;
                    best = i;
                }
            }
        }
        // The row half: rows j > x, contiguous inside each tile.
        int lower = Math.max(from, x + 1);
        for (int j = lower; j < to; ) {
            int tj = j >> SHIFT;
            int end = Math.min(to, (tj + 1) << SHIFT);
            int base = tile(tx, tj) + (xr << SHIFT) - (tj << SHIFT);
            for (; j < end; j++) {
                float v = values[base + j];
                if (v < min && active[j] > 0) {
                    min = v;
                    best = j;
                }
            }
        }
        return new Least(best, min);
    }

    /**
     * The Lance-Williams update after merging rows {@code x} and {@code y} into {@code y}: for every active
     * row {@code z} other than {@code x} and {@code y}, {@code d(z, y) = f(d(z, x), d(z, y))}, also written
     * to {@code fresh[z]}. Walks the two rows tile by tile, with one offset and stride per tile, instead of
     * locating each pair; long rows are split between the threads (each writes its own rows).
     */
    void update(int x, int y, int[] active, int rows, Combine f, float[] fresh, dev.clusterlab.api.exec.Parallel parallel) {
        if (rows < PARALLEL_ROWS || parallel.threads() < 2) {
            updateRange(x, y, active, 0, rows, f, fresh);
        } else {
            int half = ((rows + 1) / 2 + MASK) & ~MASK;
            parallel.forEachChunk(rows, half, (chunk, from, to) -> updateRange(x, y, active, from, to, f, fresh));
        }
    }

    /** Rows from which an update is split between threads. */
    private static final int PARALLEL_ROWS = 4096;

    private void updateRange(int x, int y, int[] active, int from, int to, Combine f, float[] fresh) {
        for (int z0 = from; z0 < to; z0 += B) {
            int z1 = Math.min(to, z0 + B);
            int tz = z0 >> SHIFT;
            if (tz == (x >> SHIFT) || tz == (y >> SHIFT)) {
                for (int z = z0; z < z1; z++) {
                    if (active[z] > 0 && z != x && z != y) {
                        float v = f.apply(get(z, x), get(z, y));
                        set(z, y, v);
                        fresh[z] = v;
                    }
                }
                continue;
            }
            // The whole block lies on one side of x and of y: pair (z, r) is at base + (z & MASK) * stride.
            int bx = rowBase(x, tz);
            int sx = z0 < x ? B : 1;
            int by = rowBase(y, tz);
            int sy = z0 < y ? B : 1;
            for (int z = z0; z < z1; z++) {
                if (active[z] > 0) {
                    int zr = z & MASK;
                    int py = by + zr * sy;
                    float v = f.apply(values[bx + zr * sx], values[py]);
                    values[py] = v;
                    fresh[z] = v;
                }
            }
        }
    }

    /** @return the offset of pair {@code (z, r)} for {@code z} of tile row {@code tz}, less {@code (z & MASK) * stride} */
    private int rowBase(int r, int tz) {
        int tr = r >> SHIFT;
        return tz < tr ? tile(tz, tr) + (r & MASK) : tile(tr, tz) + ((r & MASK) << SHIFT);
    }

    /** How two distances combine into the merged cluster's. */
    interface Combine {
        float apply(float dx, float dy);
    }

    /** The first least value of a part of a row: its row and value. */
    record Least(int row, float value) {
    }

    /**
     * @param keep rows to keep, ascending
     * @param count how many
     * @return a matrix of those rows only, in that order (the distances copied)
     */
    CondensedMatrix compacted(int[] keep, int count) {
        CondensedMatrix m = new CondensedMatrix(count);
        for (int a = 0; a < count; a++) {
            for (int b = a + 1; b < count; b++) {
                m.values[m.at(a, b)] = values[at(keep[a], keep[b])];
            }
        }
        return m;
    }

    /** @return the bytes a matrix of {@code n} rows takes */
    static long bytes(int n) {
        int t = (n + MASK) >> SHIFT;
        return 4L * tileCount(t) * B * B;
    }

    /**
     * @param owner who needs it, for the message (e.g. {@code "agglomerative linkage=complete"})
     * @param n rows
     * @throws DataException if the matrix cannot be held in one array or does not fit the free heap
     *     (with room for the quarter-size copy made when half the clusters are merged)
     */
    static void checkFits(String owner, int n) {
        long pairs = (long) n * (n - 1) / 2;
        long need = bytes(n) + bytes(n / 2);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        String advice = "; ward and single linkage (and genie) need no matrix, or raise the heap (-Xmx, in CLUSTERLAB_OPTS for clusterlab)";
        if (bytes(n) / 4 > Integer.MAX_VALUE - 8) {
            throw new DataException(owner + " keeps all n(n-1)/2 pairwise distances: " + pairs + " for n=" + n
                    + ", more than one Java array holds (at most n = 65,472)" + advice);
        }
        if (need > free) {
            throw new DataException(owner + " keeps all n(n-1)/2 pairwise distances: " + mb(need) + " for n=" + n
                    + ", but only " + mb(free) + " of the heap is free" + advice);
        }
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,d MB", (bytes + (1 << 20) - 1) >> 20);
    }

    static CondensedMatrix of(String owner, float[] x, int n, int d, Distance metric, ExecutionContext context) {
        checkFits(owner, n);
        CondensedMatrix m = new CondensedMatrix(n);
        context.parallel().forEachChunk(n, CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            for (int i = from; i < to; i++) {
                // Row i's part of each tile row is contiguous: one one-to-many call per tile.
                for (int j = i + 1; j < n; ) {
                    int end = Math.min(n, ((j >> SHIFT) + 1) << SHIFT);
                    context.kernels().distances(metric, x, i * d, x, j, end, d, m.values, m.at(i, j));
                    j = end;
                }
            }
        });
        return m;
    }
}
