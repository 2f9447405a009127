package dev.clusterlab.engine;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.SpanningTree;
import dev.clusterlab.api.kernel.UnionFind;
import java.util.Arrays;
import java.util.List;

/**
 * The minimum spanning tree of the mutual reachability graph by Boruvka's algorithm over a kd-tree, as
 * the hdbscan package's {@code boruvka_kdtree} (McInnes and Healy 2017), for low dimensions. Each round
 * finds, for every component, its cheapest edge to another component, and adds them all; the number of
 * components at least halves per round.
 *
 * <p>Edges are ordered totally by {@code (weight, lower row, higher row)}, so the tree is the unique
 * minimum of that order whatever the threads: with distinct weights it is the minimum spanning tree,
 * and with ties one of them chosen by rows. A component's cheapest edge comes from a search per point:
 * a depth-first walk of the kd-tree, nearer child first, that skips a node when all its points are in
 * the query's component, or when {@code max(core(query), least core in the node, box distance)} (a lower
 * bound on every mutual reachability distance into the node) exceeds the best edge found so far for the
 * component (on equal weights, a node is searched only if its smallest row may still win). Two bounds
 * carry over between rounds, since a point's outside only shrinks: per point a floor (the best weight
 * it was searched against: none of its edges is lighter), which skips the point when above its
 * component's best; and per component the cheapest still-outgoing edge that its points' own searches
 * found, which starts the component's best. Points are searched in fixed chunks of positions
 * (spatially compact), in parallel; a chunk shares bounds among its own points only, the bounds kept
 * between rounds are computed sequentially, and the chunks' bests are merged in chunk order, so results
 * never depend on the thread count. Leaf distances come from the one-to-many kernel, so weights are
 * bit-equal to Prim's.
 *
 * <p>The edges are returned in Prim's order ({@link PrimOrder}). Memory {@code O(n)} beyond a
 * reordered copy of the data.
 */
final class BoruvkaMst {
    /** Rows per kd-tree leaf. */
    static final int LEAF = 32;
    /** Positions per parallel chunk of one round: fixed, so results never depend on the thread count. */
    static final int CHUNK = 512;
    /**
     * Largest dimension for which {@link SpanningTrees} runs Boruvka rather than Prim. Measured on two cores,
     * spanning tree only: on 50,000 uniform points Boruvka takes half of blocked Prim's time at d = 12 and
     * the same at d = 16 (on 20,000, 0.55x and 1x); on well-separated blobs it stays ahead past d = 24.
     */
    static final int MAX_DIM = 12;

    private BoruvkaMst() {
    }

    /** @return whether {@link SpanningTrees} uses Boruvka for this shape and distance */
    static boolean applies(Distance metric, int n, int d) {
        return KdTree.supports(metric) && d <= MAX_DIM && n > 4 * PrimMst.BLOCK;
    }

    /**
     * @return the tree in Prim's order, or {@code null} when a round finds no edge (non-finite values),
     *     for the caller to fall back on Prim
     */
    static SpanningTree build(Kernels kernels, float[] x, int n, int d, Distance metric, float[] core,
                              ExecutionContext context, ProgressListener progress) {
        if (!KdTree.supports(metric)) {
            throw new IllegalArgumentException("no kd-tree bound for " + metric);
        }
        KdTree tree = KdTree.of(x, n, d, LEAF);
        Search search = new Search(kernels, tree, n, metric, core);
        UnionFind components = new UnionFind(n);
        int m = Math.max(0, n - 1);
        int[] a = new int[m];
        int[] b = new int[m];
        float[] w = new float[m];
        int count = 0;
        float[] bestW = new float[n];
        int[] bestA = new int[n];
        int[] bestB = new int[n];
        while (count < m) {
            context.checkCancelled();
            search.label(components);
            List<Search.Found> found = context.parallel().mapChunks(n, CHUNK, search::chunk);
            Arrays.fill(bestW, Float.POSITIVE_INFINITY);
            Arrays.fill(bestA, -1);
            for (Search.Found f : found) {
                for (int i = 0; i < f.size(); i++) {
                    int c = f.component()[i];
                    if (Search.less(f.weight()[i], f.low()[i], f.high()[i], bestW[c], bestA[c], bestB[c])) {
                        bestW[c] = f.weight()[i];
                        bestA[c] = f.low()[i];
                        bestB[c] = f.high()[i];
                    }
                }
            }
            int before = count;
            for (int c = 0; c < n; c++) {
                if (bestA[c] >= 0 && components.find(bestA[c]) != components.find(bestB[c])) {
                    components.union(bestA[c], bestB[c]);
                    a[count] = bestA[c];
                    b[count] = bestB[c];
                    w[count] = bestW[c];
                    count++;
                }
            }
            if (count == before) {
                return null;
            }
            progress.progress((double) count / Math.max(1, m), "spanning tree (Boruvka)");
        }
        return PrimOrder.of(n, a, b, w);
    }

    /** One round's searches: the per-position and per-node labels, and the search of one chunk. */
    private static final class Search {
        private final KdTree tree;
        private final int n;
        private final int d;
        private final Distance metric;
        private final Kernels kernels;
        private final float[] coreAt;
        private final float[] minCore;
        private final int[] minRow;
        private final int[] componentAt;
        private final int[] nodeComponent;
        /** Per position, a lower bound on the weight of its edges to other components (kept across rounds). */
        private final float[] floor;
        /** Per position, the partner (position) of its cheapest edge found by its own search, or -1, and its weight. */
        private final int[] partner;
        private final float[] partnerW;
        /** Per component (its smallest row), its cheapest edge known at the round's start: a valid upper bound. */
        private final float[] upperW;
        private final int[] upperLow;
        private final int[] upperHigh;
        private final ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[LEAF]);

        Search(Kernels kernels, KdTree tree, int n, Distance metric, float[] core) {
            this.tree = tree;
            this.n = n;
            this.d = tree.d;
            this.metric = metric;
            this.kernels = kernels;
            coreAt = new float[n];
            for (int p = 0; p < n; p++) {
                coreAt[p] = core[tree.perm[p]];
            }
            minCore = new float[tree.nodes];
            minRow = new int[tree.nodes];
            for (int node = tree.nodes - 1; node >= 0; node--) {
                if (tree.left[node] < 0) {
                    float min = Float.POSITIVE_INFINITY;
                    int first = Integer.MAX_VALUE;
                    for (int p = tree.start[node]; p < tree.end[node]; p++) {
                        min = Math.min(min, coreAt[p]);
                        first = Math.min(first, tree.perm[p]);
                    }
                    minCore[node] = min;
                    minRow[node] = first;
                } else {
                    minCore[node] = Math.min(minCore[tree.left[node]], minCore[tree.right[node]]);
                    minRow[node] = Math.min(minRow[tree.left[node]], minRow[tree.right[node]]);
                }
            }
            componentAt = new int[n];
            nodeComponent = new int[tree.nodes];
            floor = coreAt.clone();
            partner = new int[n];
            Arrays.fill(partner, -1);
            partnerW = new float[n];
            upperW = new float[n];
            upperLow = new int[n];
            upperHigh = new int[n];
        }

        /** Labels positions by component (its smallest row) and nodes by their single component, or -1. */
        void label(UnionFind components) {
            for (int p = 0; p < n; p++) {
                componentAt[p] = components.find(tree.perm[p]);
            }
            Arrays.fill(upperW, Float.POSITIVE_INFINITY);
            Arrays.fill(upperLow, Integer.MAX_VALUE);
            Arrays.fill(upperHigh, Integer.MAX_VALUE);
            for (int p = 0; p < n; p++) {
                int q = partner[p];
                int c = componentAt[p];
                if (q >= 0 && componentAt[q] != c) {
                    int lo = Math.min(tree.perm[p], tree.perm[q]);
                    int hi = Math.max(tree.perm[p], tree.perm[q]);
                    if (less(partnerW[p], lo, hi, upperW[c], upperLow[c], upperHigh[c])) {
                        upperW[c] = partnerW[p];
                        upperLow[c] = lo;
                        upperHigh[c] = hi;
                    }
                }
            }
            for (int node = tree.nodes - 1; node >= 0; node--) {
                int c;
                if (tree.left[node] < 0) {
                    c = componentAt[tree.start[node]];
                    for (int p = tree.start[node] + 1; p < tree.end[node] && c >= 0; p++) {
                        if (componentAt[p] != c) {
                            c = -1;
                        }
                    }
                } else {
                    c = nodeComponent[tree.left[node]];
                    if (c != nodeComponent[tree.right[node]]) {
                        c = -1;
                    }
                }
                nodeComponent[node] = c;
            }
        }

        /** The cheapest edges found by one chunk, one per component met, as {@code (component, weight, low, high)}. */
        record Found(int size, int[] component, float[] weight, int[] low, int[] high) {
        }

        /** The best edge of the query being searched, and of each component in the chunk. */
        private static final class Best {
            float w;
            int low;
            int high;
            /** The partner's position when the query's own search found the edge, else -1. */
            int partner;
        }

        Found chunk(int chunk, int from, int to) {
            // A small open-addressing table: component -> slot, for the components of this chunk's positions.
            int capacity = Integer.highestOneBit(Math.max(4, 2 * (to - from))) * 2;
            int[] keys = new int[capacity];
            Arrays.fill(keys, -1);
            int[] slot = new int[capacity];
            int[] component = new int[to - from];
            float[] weight = new float[to - from];
            int[] low = new int[to - from];
            int[] high = new int[to - from];
            int size = 0;
            Best best = new Best();
            float[] dist = buffers.get();
            for (int p = from; p < to; p++) {
                int c = componentAt[p];
                if (nodeComponent[0] == c) {
                    break; // a single component: nothing to find
                }
                int h = (c * 0x9E3779B1) >>> 1 & (capacity - 1);
                while (keys[h] >= 0 && keys[h] != c) {
                    h = (h + 1) & (capacity - 1);
                }
                int s;
                if (keys[h] < 0) {
                    keys[h] = c;
                    s = size++;
                    slot[h] = s;
                    component[s] = c;
                    // Start from the component's cheapest edge known from earlier rounds, if any.
                    weight[s] = upperW[c];
                    low[s] = upperLow[c];
                    high[s] = upperHigh[c];
                } else {
                    s = slot[h];
                }
                if (floor[p] > weight[s]) {
                    continue; // every edge from p to another component weighs at least floor(p)
                }
                best.w = weight[s];
                best.low = low[s];
                best.high = high[s];
                best.partner = -1;
                search(p, c, 0, best, dist);
                // No edge from p comes before the best now; the outside of p's component only shrinks.
                floor[p] = Math.max(floor[p], best.w);
                if (best.partner >= 0) {
                    partner[p] = best.partner;
                    partnerW[p] = best.w;
                }
                weight[s] = best.w;
                low[s] = best.low;
                high[s] = best.high;
            }
            int kept = 0;
            for (int s = 0; s < size; s++) {
                if (low[s] != Integer.MAX_VALUE) {
                    component[kept] = component[s];
                    weight[kept] = weight[s];
                    low[kept] = low[s];
                    high[kept] = high[s];
                    kept++;
                }
            }
            return new Found(kept, component, weight, low, high);
        }

        /** Lowers {@code best} to the cheapest edge from position {@code p} into {@code node}'s points outside {@code c}. */
        private void search(int p, int c, int node, Best best, float[] dist) {
            if (tree.left[node] < 0) {
                int s = tree.start[node];
                int e = tree.end[node];
                kernels.distances(metric, tree.rows, p * d, tree.rows, s, e, d, dist, 0);
                int row = tree.perm[p];
                float coreP = coreAt[p];
                for (int q = s; q < e; q++) {
                    if (componentAt[q] == c) {
                        continue;
                    }
                    float mrd = Math.max(dist[q - s], Math.max(coreP, coreAt[q]));
                    int other = tree.perm[q];
                    int lo = Math.min(row, other);
                    int hi = Math.max(row, other);
                    if (less(mrd, lo, hi, best.w, best.low, best.high)) {
                        best.w = mrd;
                        best.low = lo;
                        best.high = hi;
                        best.partner = q;
                    }
                }
                return;
            }
            int l = tree.left[node];
            int r = tree.right[node];
            boolean openL = nodeComponent[l] != c;
            boolean openR = nodeComponent[r] != c;
            double boundL = openL ? bound(p, l) : Double.POSITIVE_INFINITY;
            double boundR = openR ? bound(p, r) : Double.POSITIVE_INFINITY;
            int row = tree.perm[p];
            boolean leftFirst = boundL <= boundR;
            if (leftFirst) {
                if (openL && mayBeat(boundL, row, l, best)) {
                    search(p, c, l, best, dist);
                }
                if (openR && mayBeat(boundR, row, r, best)) {
                    search(p, c, r, best, dist);
                }
            } else {
                if (openR && mayBeat(boundR, row, r, best)) {
                    search(p, c, r, best, dist);
                }
                if (openL && mayBeat(boundL, row, l, best)) {
                    search(p, c, l, best, dist);
                }
            }
        }

        /**
         * Whether an edge from {@code row} into {@code node} of weight at least {@code bound} may come
         * before {@code best}: a lighter one, or one as heavy with smaller rows. The least rows an edge into
         * the node can have are the query's and the node's smallest row, in order.
         */
        private boolean mayBeat(double bound, int row, int node, Best best) {
            if (bound != best.w) {
                return bound < best.w;
            }
            int m = minRow[node];
            int low = Math.min(m, row);
            int high = Math.max(m, row);
            return low < best.low || (low == best.low && high < best.high);
        }

        /**
         * A lower bound on the weight of any edge from {@code p} into {@code node}. A node is searched
         * when the bound is at most the best weight (equal weights may still win on rows).
         */
        private double bound(int p, int node) {
            double cores = Math.max(coreAt[p], minCore[node]);
            return Math.max(cores, tree.lowerBound(metric, tree.rows, p * d, node));
        }

        /** The total order on edges: weight, then lower row, then higher row. */
        static boolean less(float w, int low, int high, float bw, int blow, int bhigh) {
            if (w != bw) {
                return w < bw;
            }
            if (low != blow) {
                return low < blow;
            }
            return high < bhigh;
        }
    }
}
