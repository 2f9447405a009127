package dev.clusterlab.engine;

import dev.clusterlab.api.kernel.Distance;

/**
 * The engine's static kd-tree over the rows, shared by the neighbour index ({@link KdTreeIndex}) and the
 * Boruvka spanning tree ({@link BoruvkaMst}): the rows reordered so that every node
 * covers a contiguous range of positions, with each node's bounding box. Nodes split the widest side of
 * their box at the median position (ties by row, so the tree is deterministic) down to at most
 * {@code leafSize} rows; a node's children always have larger ids than the node, so a pass over ids in
 * reverse order is bottom-up. Memory: a reordered copy of the data plus two boxes per {@code leafSize}
 * rows or so.
 */
final class KdTree {
    /** Position to original row. */
    final int[] perm;
    /** The rows in position order, row-major. */
    final float[] rows;
    /** Per node, its first position (inclusive) and its last (exclusive). */
    final int[] start;
    final int[] end;
    /** Per node, its children, or -1 for a leaf. */
    final int[] left;
    final int[] right;
    /** Per node, the box: {@code lo[node * d + k] <= coordinate k <= hi[node * d + k]}. */
    final float[] lo;
    final float[] hi;
    final int nodes;
    final int d;

    private KdTree(int[] perm, float[] rows, int[] start, int[] end, int[] left, int[] right, float[] lo, float[] hi,
                   int nodes, int d) {
        this.perm = perm;
        this.rows = rows;
        this.start = start;
        this.end = end;
        this.left = left;
        this.right = right;
        this.lo = lo;
        this.hi = hi;
        this.nodes = nodes;
        this.d = d;
    }

    static KdTree of(float[] x, int n, int d, int leafSize) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int capacity = 2 * Math.max(1, (n + leafSize - 1) / leafSize * 2) + 1;
        Builder b = new Builder(x, d, leafSize, perm, capacity);
        b.build(0, n);
        float[] rows = new float[n * d];
        for (int k = 0; k < n; k++) {
            System.arraycopy(x, perm[k] * d, rows, k * d, d);
        }
        int m = b.count;
        return new KdTree(perm, rows, java.util.Arrays.copyOf(b.start, m), java.util.Arrays.copyOf(b.end, m),
                java.util.Arrays.copyOf(b.left, m), java.util.Arrays.copyOf(b.right, m),
                java.util.Arrays.copyOf(b.lo, m * d), java.util.Arrays.copyOf(b.hi, m * d), m, d);
    }

    /**
     * A lower bound on the distance from the query at {@code q[offset, offset + d)} to any point in the
     * box of {@code node}: the distance to the box's nearest point, in double, lowered by a relative
     * {@code 1e-5} so that it stays below the kernel's float values. Valid for every Minkowski-type
     * distance (Euclidean and its square, Manhattan, Chebyshev, Minkowski), which grow with each
     * coordinate's absolute difference.
     */
    double lowerBound(Distance metric, float[] q, int offset, int node) {
        int base = node * d;
        double sum = 0;
        double max = 0;
        Distance.Kind kind = metric.kind();
        for (int k = 0; k < d; k++) {
            double v = q[offset + k];
            double gap = Math.max(0, Math.max(lo[base + k] - v, v - hi[base + k]));
            switch (kind) {
                case EUCLIDEAN, SQUARED_EUCLIDEAN -> sum += gap * gap;
                case MANHATTAN -> sum += gap;
                case CHEBYSHEV -> max = Math.max(max, gap);
                default -> sum += Math.pow(gap, metric.p());
            }
        }
        double bound = switch (kind) {
            case EUCLIDEAN -> Math.sqrt(sum);
            case SQUARED_EUCLIDEAN, MANHATTAN -> sum;
            case CHEBYSHEV -> max;
            default -> Math.pow(sum, 1 / metric.p());
        };
        return bound * (1 - 1e-5);
    }

    /** @return whether {@link #lowerBound} holds for the distance */
    static boolean supports(Distance metric) {
        return switch (metric.kind()) {
            case EUCLIDEAN, SQUARED_EUCLIDEAN, MANHATTAN, CHEBYSHEV, MINKOWSKI -> true;
            case COSINE, INNER_PRODUCT -> false;
        };
    }

    private static final class Builder {
        private final float[] x;
        private final int d;
        private final int leafSize;
        private final int[] perm;
        private final long[] keys;
        int[] start;
        int[] end;
        int[] left;
        int[] right;
        float[] lo;
        float[] hi;
        int count;

        Builder(float[] x, int d, int leafSize, int[] perm, int capacity) {
            this.x = x;
            this.d = d;
            this.leafSize = leafSize;
            this.perm = perm;
            this.keys = new long[perm.length];
            start = new int[capacity];
            end = new int[capacity];
            left = new int[capacity];
            right = new int[capacity];
            lo = new float[capacity * d];
            hi = new float[capacity * d];
        }

        int build(int from, int to) {
            int node = count++;
            start[node] = from;
            end[node] = to;
            left[node] = -1;
            right[node] = -1;
            int base = node * d;
            for (int k = 0; k < d; k++) {
                lo[base + k] = Float.POSITIVE_INFINITY;
                hi[base + k] = Float.NEGATIVE_INFINITY;
            }
            for (int i = from; i < to; i++) {
                int row = perm[i] * d;
                for (int k = 0; k < d; k++) {
                    float v = x[row + k];
                    lo[base + k] = Math.min(lo[base + k], v);
                    hi[base + k] = Math.max(hi[base + k], v);
                }
            }
            if (to - from <= leafSize) {
                return node;
            }
            int axis = 0;
            float widest = -1;
            for (int k = 0; k < d; k++) {
                float w = hi[base + k] - lo[base + k];
                if (w > widest) {
                    widest = w;
                    axis = k;
                }
            }
            for (int i = from; i < to; i++) {
                int bits = Float.floatToIntBits(x[perm[i] * d + axis] + 0f); // -0 as 0
                bits ^= (bits >> 31) & 0x7fffffff; // order-preserving for negative floats
                keys[i] = ((long) bits << 32) | perm[i]; // then by row: a total order
            }
            int mid = (from + to) >>> 1;
            Quickselect.select(keys, from, to - 1, mid);
            for (int i = from; i < to; i++) {
                perm[i] = (int) keys[i];
            }
            int l = build(from, mid);
            int r = build(mid, to);
            left[node] = l;
            right[node] = r;
            return node;
        }
    }
}
