package dev.clusterlab.engine;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.NeighborIndex;
import dev.clusterlab.api.kernel.NeighborSink;
import java.util.Arrays;

/**
 * A kd-tree for low dimensions (Bentley 1975, doi:10.1145/361002.361007), giving exactly the answers of
 * {@link ScanNeighborIndex}: the tree only prunes, and every candidate is decided by {@link Kernels#distance}
 * (direct differences), so a point is a neighbour exactly when that value is {@code <= eps}.
 *
 * <p>Pruning is conservative: a node is skipped only when the largest coordinate gap between the query and
 * the node's bounding box exceeds the radius (in coordinate units) by a relative margin far above float
 * rounding. Every supported distance is at least that gap (Chebyshev is equal to it; Euclidean, Manhattan and
 * Minkowski p >= 1 are larger; squared Euclidean is at least its square), so no point with distance
 * {@code <= eps} is ever skipped. Cosine and inner product have no such bound and use the scan.
 *
 * <p>Build: the engine's one {@link KdTree} (O(n log n), the widest side split at the median, leaves of at
 * most {@value #LEAF} points). Memory: O(n d) (a reordered copy of the rows, and per node a box and a range).
 * Range queries collect each query's
 * neighbours into a buffer that grows to the largest neighbourhood, then sort them by row; kNN keeps a bounded
 * heap ordered by (distance, row) and visits the nearer child first.
 */
final class KdTreeIndex implements NeighborIndex {
    static final int LEAF = 24;
    /** Relative slack on the pruning radius: far above float rounding of any distance at d <= 8. */
    private static final double SLACK = 1e-4;

    private final Kernels kernels;
    private final float[] data;
    private final int n;
    private final int d;
    private final Distance distance;
    private final boolean squared;
    /** The shared kd-tree (also Boruvka's): leaves are read from its reordered rows, for locality. */
    private final KdTree tree;
    private final QueryScratch.PerThread scratch = new QueryScratch.PerThread();

    KdTreeIndex(Kernels kernels, float[] data, int n, int d, Distance distance) {
        if ((long) n * d > data.length) {
            throw new IllegalArgumentException("data holds " + data.length + " values, fewer than n*d = " + ((long) n * d));
        }
        if (!supports(distance)) {
            throw new IllegalArgumentException("a kd-tree cannot prune " + distance);
        }
        this.kernels = kernels;
        this.data = data;
        this.n = n;
        this.d = d;
        this.distance = distance;
        this.squared = distance.kind() == Distance.Kind.SQUARED_EUCLIDEAN;
        this.tree = KdTree.of(data, n, d, LEAF);
    }

    /** @return whether every distance value of this kind bounds the largest coordinate gap */
    static boolean supports(Distance distance) {
        return KdTree.supports(distance);
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public int d() {
        return d;
    }

    @Override
    public Distance distance() {
        return distance;
    }

    @Override
    public String structure() {
        return "kd-tree " + d + "-d";
    }

    @Override
    public Kind kind() {
        return Kind.TREE;
    }

    /** The largest coordinate gap from the query to a node's box (0 inside). */
    private double gap(float[] q, int qo, int node) {
        int bo = node * d;
        double g = 0;
        for (int j = 0; j < d; j++) {
            double v = q[qo + j];
            double lo = tree.lo[bo + j];
            double hi = tree.hi[bo + j];
            double t = v < lo ? lo - v : v > hi ? v - hi : 0;
            if (t > g) {
                g = t;
            }
        }
        return g;
    }

    /** The radius in coordinate units that a distance bound {@code r} allows, with slack. */
    private double coordinateRadius(double r) {
        double c = squared ? Math.sqrt(Math.max(0, r)) : r;
        // The absolute term covers squares that underflow to zero in float (differences below ~1e-22).
        return c * (1 + SLACK) + 1e-20;
    }

    @Override
    public void rangeQuery(int fromQuery, int toQuery, double eps, NeighborSink sink) {
        range(data, fromQuery, toQuery, eps, sink);
    }

    @Override
    public void rangeQuery(float[] queries, int fromRow, int toRow, double eps, NeighborSink sink) {
        range(queries, fromRow, toRow, eps, sink);
    }

    private void range(float[] queries, int fromRow, int toRow, double eps, NeighborSink sink) {
        QueryScratch s = scratch.acquire();
        try {
            rangeWith(s, queries, fromRow, toRow, eps, sink);
        } finally {
            s.release();
        }
    }

    private void rangeWith(QueryScratch s, float[] queries, int fromRow, int toRow, double eps, NeighborSink sink) {
        double radius = coordinateRadius(eps);
        int[] stack = s.stack;
        long[] found = s.found;
        int[] ids = s.ids;
        float[] dists = s.dists;
        for (int q = fromRow; q < toRow; q++) {
            int qo = q * d;
            int count = 0;
            int top = 0;
            stack[top++] = 0;
            while (top > 0) {
                int node = stack[--top];
                if (!(gap(queries, qo, node) <= radius) && !Double.isNaN(radius)) {
                    continue;
                }
                if (tree.left[node] < 0) {
                    for (int i = tree.start[node]; i < tree.end[node]; i++) {
                        int p = tree.perm[i];
                        float dist = kernels.distance(distance, queries, qo, tree.rows, i * d, d);
                        if (dist <= eps) {
                            if (count == found.length) {
                                found = Arrays.copyOf(found, 2 * count);
                            }
                            // row in the high half, distance bits in the low half: sorting sorts by row
                            found[count++] = ((long) p << 32) | (Float.floatToRawIntBits(dist) & 0xffffffffL);
                        }
                    }
                } else {
                    if (top + 2 > stack.length) {
                        stack = Arrays.copyOf(stack, 2 * stack.length);
                    }
                    stack[top++] = tree.right[node];
                    stack[top++] = tree.left[node];
                }
            }
            Arrays.sort(found, 0, count);
            if (ids.length < count) {
                ids = new int[found.length];
                dists = new float[found.length];
            }
            for (int t = 0; t < count; t++) {
                ids[t] = (int) (found[t] >>> 32);
                dists[t] = Float.intBitsToFloat((int) found[t]);
            }
            // keep what grew for the next query and the next call (the sink may query again: not stored yet)
            s.stack = stack;
            s.found = found;
            s.ids = ids;
            s.dists = dists;
            sink.accept(q, ids, dists, count);
        }
    }

    @Override
    public void knn(int fromQuery, int toQuery, int k, int[] ids, float[] distances) {
        knn(data, fromQuery, toQuery, k, ids, distances);
    }

    @Override
    public void knn(float[] queries, int fromRow, int toRow, int k, int[] ids, float[] distances) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, n=" + n + "]; got " + k);
        }
        QueryScratch s = scratch.acquire();
        try {
            knnWith(s, queries, fromRow, toRow, k, ids, distances);
        } finally {
            s.release();
        }
    }

    private void knnWith(QueryScratch s, float[] queries, int fromRow, int toRow, int k, int[] ids, float[] distances) {
        TopK top = s.top(k);
        int[] stack = s.stack;
        for (int q = fromRow; q < toRow; q++) {
            int qo = q * d;
            top.clear();
            int sp = 0;
            stack[sp++] = 0;
            while (sp > 0) {
                int node = stack[--sp];
                // Prune only when the heap is full and the node's bound is clearly beyond its worst: a node at
                // exactly that distance may hold a tie with a smaller row.
                if (top.full() && gap(queries, qo, node) > coordinateRadius(top.worst())) {
                    continue;
                }
                if (tree.left[node] < 0) {
                    for (int i = tree.start[node]; i < tree.end[node]; i++) {
                        top.offer(tree.perm[i], kernels.distance(distance, queries, qo, tree.rows, i * d, d));
                    }
                } else {
                    if (sp + 2 > stack.length) {
                        stack = Arrays.copyOf(stack, 2 * stack.length);
                    }
                    // push the farther child first, so the nearer one is searched first and tightens the bound
                    int l = tree.left[node];
                    int r = tree.right[node];
                    if (gap(queries, qo, l) <= gap(queries, qo, r)) {
                        stack[sp++] = r;
                        stack[sp++] = l;
                    } else {
                        stack[sp++] = l;
                        stack[sp++] = r;
                    }
                }
            }
            top.drainSorted(ids, distances, (q - fromRow) * k);
        }
        s.stack = stack;
    }
}
