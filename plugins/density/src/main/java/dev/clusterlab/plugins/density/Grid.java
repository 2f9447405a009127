package dev.clusterlab.plugins.density;

import java.util.Arrays;

/**
 * The points of a low-dimensional dataset bucketed into the cells of a grid whose side is just under
 * {@code eps / sqrt(d)}, so that any two points of one cell are within {@code eps} of each other. Cells
 * exist only where points are (sorted by cell, then by row), and are found by their key through an
 * open-addressing table. Memory: O(n) whatever {@code eps}: the rows in cell order, a copy of their
 * coordinates in that order (for locality), and a few ints per non-empty cell.
 *
 * <p>Cell membership is computed in double from the float coordinates. The side is shrunk by a relative
 * {@value #SHRINK}, far above the rounding of that division (the grid is refused past {@value #MAX_EXTENT}
 * cells per axis, where the rounding of {@code (x - origin) / side} could move a point by more than a
 * millionth of a side), so every pair of points in one cell is within {@code eps (1 - 1e-5)}, well inside
 * the kernel's own rounding. A grid serves one fit: {@link GridDbscan} reorders the positions within each
 * cell (core points first).
 */
final class Grid {
    /** Relative shrink of the side below {@code eps / sqrt(d)}. */
    static final double SHRINK = 1e-5;
    /** Most cells along one axis: keeps the rounding of cell coordinates tiny against the side. */
    static final double MAX_EXTENT = 1L << 31;

    final int n;
    final int d;
    final double side;
    final double[] origin;
    /** Position (cell order) to row. */
    final int[] order;
    /** Coordinates by position, row-major. */
    final float[] xs;
    /** Per cell, its first position; {@code cellStart[cells]} is {@code n}. */
    final int[] cellStart;
    /** Per cell, its integer coordinates, {@code d} each. */
    final int[] cellCoord;
    final int cells;
    private final long[] extent;
    private final long[] stride;
    private final long[] cellKey;
    private final long[] tableKeys;
    private final int[] tableCells;
    private final int tableMask;

    private Grid(int n, int d, double side, double[] origin, long[] extent, long[] stride, int[] order, float[] xs,
                 int[] cellStart, long[] cellKey, int[] cellCoord, int cells) {
        this.n = n;
        this.d = d;
        this.side = side;
        this.origin = origin;
        this.extent = extent;
        this.stride = stride;
        this.order = order;
        this.xs = xs;
        this.cellStart = cellStart;
        this.cellKey = cellKey;
        this.cellCoord = cellCoord;
        this.cells = cells;
        int capacity = Integer.highestOneBit(Math.max(4, cells * 2 - 1)) << 1;
        tableKeys = new long[capacity];
        tableCells = new int[capacity];
        Arrays.fill(tableCells, -1);
        tableMask = capacity - 1;
        for (int c = 0; c < cells; c++) {
            int slot = slot(cellKey[c]);
            while (tableCells[slot] >= 0) {
                slot = (slot + 1) & tableMask;
            }
            tableKeys[slot] = cellKey[c];
            tableCells[slot] = c;
        }
    }

    /**
     * Buckets the rows, or returns {@code null} when such a grid would have too many cells to key them
     * (an {@code eps} tiny against the spread of the data, where a tree does as well) or the coordinates
     * span so much that squared differences could overflow a float.
     */
    static Grid of(float[] x, int n, int d, double eps) {
        double side = eps / Math.sqrt(d) * (1 - SHRINK);
        double[] origin = new double[d];
        double[] top = new double[d];
        Arrays.fill(origin, Double.POSITIVE_INFINITY);
        Arrays.fill(top, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                double v = x[i * d + k];
                origin[k] = Math.min(origin[k], v);
                top[k] = Math.max(top[k], v);
            }
        }
        int rowBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
        double keySpace = Math.pow(2, 62 - rowBits);
        long[] extent = new long[d];
        long[] stride = new long[d];
        double total = 1;
        for (int k = d - 1; k >= 0; k--) {
            double span = top[k] - origin[k];
            double cellsOnAxis = Math.floor(span / side) + 1;
            if (span > 1e15 || cellsOnAxis > MAX_EXTENT || total * cellsOnAxis > keySpace) {
                return null;
            }
            extent[k] = (long) cellsOnAxis;
            stride[k] = (long) total;
            total *= cellsOnAxis;
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            long key = 0;
            for (int k = 0; k < d; k++) {
                long c = (long) Math.floor((x[i * d + k] - origin[k]) / side);
                key += Math.min(extent[k] - 1, Math.max(0, c)) * stride[k];
            }
            packed[i] = (key << rowBits) | i;
        }
        Arrays.sort(packed); // by cell, then by row
        int[] order = new int[n];
        float[] xs = new float[n * d];
        int[] start = new int[n + 1];
        long[] keys = new long[n];
        int cells = 0;
        long rowMask = (1L << rowBits) - 1;
        for (int p = 0; p < n; p++) {
            int row = (int) (packed[p] & rowMask);
            long key = packed[p] >>> rowBits;
            if (p == 0 || key != keys[cells - 1]) {
                keys[cells] = key;
                start[cells++] = p;
            }
            order[p] = row;
            System.arraycopy(x, row * d, xs, p * d, d);
        }
        start[cells] = n;
        int[] coord = new int[cells * d];
        for (int c = 0; c < cells; c++) {
            long key = keys[c];
            for (int k = 0; k < d; k++) {
                coord[c * d + k] = (int) (key / stride[k]);
                key %= stride[k];
            }
        }
        return new Grid(n, d, side, origin, extent, stride, order, xs, Arrays.copyOf(start, cells + 1),
                Arrays.copyOf(keys, cells), coord, cells);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & tableMask;
    }

    /** @return the cell at {@code offset} (in cells, {@code d} values from {@code offsets[at]}) of cell {@code c}, or -1 if empty */
    int neighbour(int c, int[] offsets, int at) {
        long key = cellKey[c];
        for (int k = 0; k < d; k++) {
            long v = cellCoord[c * d + k] + (long) offsets[at + k];
            if (v < 0 || v >= extent[k]) {
                return -1;
            }
            key += offsets[at + k] * stride[k];
        }
        int slot = slot(key);
        while (true) {
            int cell = tableCells[slot];
            if (cell < 0 || tableKeys[slot] == key) {
                return cell;
            }
            slot = (slot + 1) & tableMask;
        }
    }

    /**
     * The offsets of every cell that may hold a point within {@code eps} of a point of cell 0 (its own
     * included, first), nearest first: those whose per-axis gaps {@code g_k = max(|o_k| - 1, 0)} cells
     * satisfy {@code sum g_k^2 <= d}, since {@code d} sides squared are just under {@code eps^2}.
     */
    static int[] neighbourOffsets(int d) {
        int reach = 1 + (int) Math.floor(Math.sqrt(d));
        int width = 2 * reach + 1;
        int all = (int) Math.pow(width, d);
        long[] ranked = new long[all];
        int kept = 0;
        for (int code = 0; code < all; code++) {
            int gaps = 0;
            for (int k = 0, rest = code; k < d; k++, rest /= width) {
                int g = Math.max(Math.abs(rest % width - reach) - 1, 0);
                gaps += g * g;
            }
            int far = 0;
            for (int k = 0, rest = code; k < d; k++, rest /= width) {
                far += Math.abs(rest % width - reach);
            }
            if (gaps <= d) {
                ranked[kept++] = ((long) gaps << 40) | ((long) far << 20) | code;
            }
        }
        Arrays.sort(ranked, 0, kept);
        int[] offsets = new int[kept * d];
        for (int i = 0; i < kept; i++) {
            int code = (int) (ranked[i] & 0xfffff);
            for (int k = 0, rest = code; k < d; k++, rest /= width) {
                offsets[i * d + k] = rest % width - reach;
            }
        }
        return offsets;
    }

    /** @return the squared distance (in double) from the point at position {@code p} to the nearest point of cell {@code c}'s box */
    double minSquared(int p, int c) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double v = xs[p * d + k];
            double lo = origin[k] + cellCoord[c * d + k] * side;
            double gap = Math.max(0, Math.max(lo - v, v - (lo + side)));
            sum += gap * gap;
        }
        return sum;
    }

    /** @return the squared distance (in double) from the point at position {@code p} to the farthest corner of cell {@code c}'s box */
    double maxSquared(int p, int c) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double v = xs[p * d + k];
            double lo = origin[k] + cellCoord[c * d + k] * side;
            double far = Math.max(v - lo, lo + side - v);
            sum += far * far;
        }
        return sum;
    }

    /** @return the squared distance (in double) between the points at positions {@code p} and {@code q} */
    double squared(int p, int q) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double diff = (double) xs[p * d + k] - xs[q * d + k];
            sum += diff * diff;
        }
        return sum;
    }

    /** @return the number of points in cell {@code c} */
    int size(int c) {
        return cellStart[c + 1] - cellStart[c];
    }
}
