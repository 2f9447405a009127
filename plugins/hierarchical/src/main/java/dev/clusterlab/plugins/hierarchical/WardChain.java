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
                context.kernels().squaredEuclideanToColumns(q, 0, active.columns, n, 0, m, d, w, 0);
                w[active.position(a)] = Float.POSITIVE_INFINITY;
                current = weigh(w, active.weight, m, size[a]);
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
     * Turns squared centroid distances into {@code |B| / (|A| + |B|) * squared}, the squared Ward distance
     * over {@code 2 |A|} (the same factor for every {@code B}, so the order is Ward's), and returns the least.
     */
    private static float weigh(float[] w, float[] sizes, int m, int sizeA) {
        float na = sizeA;
        float min = Float.POSITIVE_INFINITY;
        for (int p = 0; p < m; p++) {
            float v = w[p] * sizes[p] / (na + sizes[p]);
            w[p] = v;
            min = Math.min(min, v);
        }
        return min;
    }
}
