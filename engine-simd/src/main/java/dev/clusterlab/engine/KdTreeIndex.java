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
 * <p>Build: O(n log n), splitting the widest dimension at the median, leaves of at most {@value #LEAF} points.
 * Memory: O(n) (a permutation, and per node a box and a range). Range queries collect each query's
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
    private final int[] perm;
    /** Per node: start and end in {@link #perm}, and children (-1 for a leaf). */
    private final int[] start;
    private final int[] end;
    private final int[] left;
    private final int[] right;
    /** Per node: {@code d} lower then {@code d} upper bounds of its points. */
    private final float[] box;
    private final QueryScratch.PerThread scratch = new QueryScratch.PerThread();
    private int nodes;

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
        this.perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int cap = Math.max(1, 4 * (n / LEAF + 1));
        start = new int[cap];
        end = new int[cap];
        left = new int[cap];
        right = new int[cap];
        box = new float[cap * 2 * d];
        build(0, n);
    }

    /** @return whether every distance value of this kind bounds the largest coordinate gap */
    static boolean supports(Distance distance) {
        return distance.kind() != Distance.Kind.COSINE && distance.kind() != Distance.Kind.INNER_PRODUCT;
    }

    private int build(int from, int to) {
        int node = nodes++;
        start[node] = from;
        end[node] = to;
        int bo = node * 2 * d;
        for (int j = 0; j < d; j++) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                float v = data[perm[i] * d + j];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            box[bo + j] = lo;
            box[bo + d + j] = hi;
        }
        if (to - from <= LEAF) {
            left[node] = -1;
            right[node] = -1;
            return node;
        }
        int dim = 0;
        float width = -1;
        for (int j = 0; j < d; j++) {
            float w = box[bo + d + j] - box[bo + j];
            if (w > width) {
                width = w;
                dim = j;
            }
        }
        if (!(width > 0)) { // all points equal (or NaN): one leaf
            left[node] = -1;
            right[node] = -1;
            return node;
        }
        int mid = (from + to) >>> 1;
        select(from, to - 1, mid, dim);
        left[node] = build(from, mid);
        right[node] = build(mid, to);
        return node;
    }

    /** Quickselect on {@link #perm}[lo..hi] by coordinate {@code dim}, so that position k holds the k-th. */
    private void select(int lo, int hi, int k, int dim) {
        while (hi > lo) {
            float pivot = data[perm[(lo + hi) >>> 1] * d + dim];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (data[perm[i] * d + dim] < pivot) {
                    i++;
                }
                while (data[perm[j] * d + dim] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
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

    /** The largest coordinate gap from the query to a node's box (0 inside). */
    private double gap(float[] q, int qo, int node) {
        int bo = node * 2 * d;
        double g = 0;
        for (int j = 0; j < d; j++) {
            double v = q[qo + j];
            double lo = box[bo + j];
            double hi = box[bo + d + j];
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
                if (left[node] < 0) {
                    for (int i = start[node]; i < end[node]; i++) {
                        int p = perm[i];
                        float dist = kernels.distance(distance, queries, qo, data, p * d, d);
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
                    stack[top++] = right[node];
                    stack[top++] = left[node];
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
                if (left[node] < 0) {
                    for (int i = start[node]; i < end[node]; i++) {
                        int p = perm[i];
                        top.offer(p, kernels.distance(distance, queries, qo, data, p * d, d));
                    }
                } else {
                    if (sp + 2 > stack.length) {
                        stack = Arrays.copyOf(stack, 2 * stack.length);
                    }
                    // push the farther child first, so the nearer one is searched first and tightens the bound
                    int l = left[node];
                    int r = right[node];
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
