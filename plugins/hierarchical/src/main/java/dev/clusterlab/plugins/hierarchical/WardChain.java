package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.exec.ExecutionContext;

/**
 * Ward's linkage by the nearest-neighbour chain on cluster centroids and sizes: the Ward distance of
 * clusters {@code A} and {@code B} is {@code sqrt(2 |A| |B| / (|A| + |B|)) * |c_A - c_B|} (SciPy's
 * {@code ward}; two points merge at their Euclidean distance), so no matrix is needed. Each chain step
 * measures one centroid against all active ones with the engine's column-wise squared Euclidean kernel
 * (SIMD across clusters), then weighs them by size in one pass; {@code O(n^2 d)} time and {@code O(n d)}
 * memory, where scikit-learn holds {@code n^2/2} doubles. Ties are broken as SciPy's {@code nn_chain}
 * (the previous cluster of the chain unless another is strictly nearer, otherwise the lowest index), on
 * the float values.
 */
final class WardChain {
    private WardChain() {
    }

    static MergeList merges(float[] x, int n, int d, ExecutionContext context) {
        MergeList merges = new MergeList(n);
        ActiveCentroids active = new ActiveCentroids(x, n, d);
        int[] size = active.size;
        int[] chain = new int[n];
        int length = 0;
        float[] w = new float[n];
        float[] q = new float[d];
        for (int k = 0; k < n - 1; k++) {
            if (length == 0) {
                for (int i = 0; i < n; i++) {
                    if (size[i] > 0) {
                        chain[length++] = i;
                        break;
                    }
                }
            }
            int a;
            int b;
            float current;
            while (true) {
                a = chain[length - 1];
                int prev = length > 1 ? chain[length - 2] : -1;
                int m = active.packed;
                active.query(a, q);
                current = scan(context, active, q, m, active.position(a), size[a], w);
                // SciPy's scan: keep the previous cluster unless another is strictly nearer, else the lowest index.
                if (prev >= 0 && w[active.position(prev)] == current) {
                    b = prev;
                } else {
                    int p = 0;
                    while (w[p] != current) {
                        p++;
                    }
                    b = active.index[p];
                }
                if (length > 1 && b == prev) {
                    break;
                }
                chain[length++] = b;
            }
            length -= 2;
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            merges.add(lo, hi, Math.sqrt(2.0 * size[a] * current));
            active.merge(lo, hi, false);
            if ((k & 255) == 255) {
                context.checkCancelled();
                context.progress().progress((double) k / n, "agglomerative: ward merges");
            }
        }
        return merges;
    }

    /**
     * Positions from which a scan is split between the threads: below, handing the halves over costs
     * more than it saves (measured: at 20,000 points, splitting from 8,192 on doubled the time).
     */
    private static final int PARALLEL_ROWS = 50_000;

    /**
     * Fills {@code w[0, m)} with the weighted squared distances from the query (cluster at {@code self},
     * infinite there) and returns the least; long scans are split in two halves run on the threads.
     */
    private static float scan(ExecutionContext context, ActiveCentroids active, float[] q, int m, int self, int sizeA,
                              float[] w) {
        if (m < PARALLEL_ROWS || context.parallel().threads() < 2) {
            return scanRange(context, active, q, 0, m, self, sizeA, w);
        }
        java.util.List<Float> mins = context.parallel().mapChunks(m, (m + 1) / 2,
                (chunk, from, to) -> scanRange(context, active, q, from, to, self, sizeA, w));
        float min = Float.POSITIVE_INFINITY;
        for (float v : mins) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static float scanRange(ExecutionContext context, ActiveCentroids active, float[] q, int from, int to, int self,
                                   int sizeA, float[] w) {
        context.kernels().squaredEuclideanToColumns(q, 0, active.columns, active.n, from, to, active.d, w, from);
        if (self >= from && self < to) {
            w[self] = Float.POSITIVE_INFINITY;
        }
        return weigh(w, active.weight, from, to, sizeA);
    }

    /**
     * Turns squared centroid distances into {@code |B| / (|A| + |B|) * squared}, the squared Ward distance
     * over {@code 2 |A|} (the same factor for every {@code B}, so the order is Ward's), and returns the least.
     */
    private static float weigh(float[] w, float[] sizes, int from, int to, int sizeA) {
        float na = sizeA;
        float min = Float.POSITIVE_INFINITY;
        for (int p = from; p < to; p++) {
            float v = w[p] * sizes[p] / (na + sizes[p]);
            w[p] = v;
            min = Math.min(min, v);
        }
        return min;
    }
}
