package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;

/**
 * Ward's linkage by the nearest-neighbour chain on cluster centroids and sizes: the Ward distance of
 * clusters {@code A} and {@code B} is {@code sqrt(2 |A| |B| / (|A| + |B|)) * |c_A - c_B|} (SciPy's
 * {@code ward}; two points merge at their Euclidean distance), so no matrix is needed. Each chain step
 * measures one centroid against all active ones with the engine's one-to-many squared Euclidean kernel;
 * {@code O(n^2 d)} time and {@code O(n d)} memory, where scikit-learn holds {@code n^2/2} doubles. Ties
 * are broken as SciPy's {@code nn_chain} (see {@link NearestNeighborChain}).
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
        float[] squared = new float[n];
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
            double current;
            while (true) {
                a = chain[length - 1];
                int prev = length > 1 ? chain[length - 2] : -1;
                int m = active.packed;
                context.kernels().distances(Distance.SQUARED_EUCLIDEAN, active.rows, active.position(a) * d,
                        active.rows, 0, m, d, squared, 0);
                double na = size[a];
                b = prev;
                current = prev < 0 ? Double.POSITIVE_INFINITY : ward(na, size[prev], squared[active.position(prev)]);
                for (int p = 0; p < m; p++) {
                    int i = active.index[p];
                    int ni = size[i];
                    if (ni == 0 || i == a) {
                        continue;
                    }
                    double w = ward(na, ni, squared[p]);
                    if (w < current) {
                        current = w;
                        b = i;
                    }
                }
                if (length > 1 && b == prev) {
                    break;
                }
                chain[length++] = b;
            }
            length -= 2;
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            merges.add(lo, hi, Math.sqrt(current));
            active.merge(lo, hi, false);
            if ((k & 255) == 255) {
                context.checkCancelled();
                context.progress().progress((double) k / n, "agglomerative: ward merges");
            }
        }
        return merges;
    }

    /** The squared Ward distance of clusters of sizes {@code na}, {@code nb} whose centroids are {@code squared} apart (squared). */
    private static double ward(double na, double nb, float squared) {
        return 2 * na * nb / (na + nb) * squared;
    }
}
