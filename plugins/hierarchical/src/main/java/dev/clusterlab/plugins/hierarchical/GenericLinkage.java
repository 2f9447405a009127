package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.exec.ExecutionContext;

/**
 * Centroid (UPGMC) and median (WPGMC) linkage by Müllner's generic algorithm (arXiv:1109.2378, figure
 * 3; SciPy's {@code fast_linkage}), which stays correct when merge heights decrease (these two linkages
 * are not reducible, so the nearest-neighbour chain does not apply). Each active cluster {@code x}
 * keeps a candidate nearest neighbour among the clusters of higher index and a lower bound on that
 * distance, in a heap; a popped candidate is used if still current, else recomputed. Distances are
 * those between the clusters' centroids (centroid: the mean; median: the midpoint of the two merged
 * medians), measured on demand with the engine's kernels, so memory is {@code O(n d)}; time is
 * {@code O(n^2 d)} on typical data. The merges stay in the order found (heights may decrease), as SciPy.
 */
final class GenericLinkage {
    private GenericLinkage() {
    }

    static MergeList merges(float[] x, int n, int d, boolean median, ExecutionContext context) {
        MergeList merges = new MergeList(n);
        if (n < 2) {
            return merges;
        }
        ActiveCentroids active = new ActiveCentroids(x, n, d);
        int[] size = active.size;
        int[] neighbor = new int[n - 1];
        double[] minDist = new double[n - 1];
        // The version of each cluster's centroid when its candidate's distance was measured; a candidate
        // is current while both clusters keep the versions they had then (-1: a guess, never current).
        int[] version = new int[n];
        int[] seenOwn = new int[n - 1];
        int[] seenNeighbor = new int[n - 1];
        float[] squared = new float[n];
        float[] query = new float[d];
        for (int i = 0; i < n - 1; i++) {
            nearestAbove(active, i, context, squared, neighbor, minDist);
            seenOwn[i] = version[i];
            seenNeighbor[i] = neighbor[i] < 0 ? -1 : version[neighbor[i]];
        }
        IndexedMinHeap heap = new IndexedMinHeap(minDist);
        for (int k = 0; k < n - 1; k++) {
            int a;
            int b;
            double dist;
            while (true) {
                a = heap.minKey();
                b = neighbor[a];
                dist = minDist[a];
                if (b >= 0 && size[b] > 0 && seenOwn[a] == version[a] && seenNeighbor[a] == version[b]) {
                    break;
                }
                nearestAbove(active, a, context, squared, neighbor, minDist);
                seenOwn[a] = version[a];
                seenNeighbor[a] = neighbor[a] < 0 ? -1 : version[neighbor[a]];
                heap.change(a, minDist[a]);
            }
            heap.removeMin();
            merges.add(a, b, Math.sqrt(dist));
            active.merge(a, b, median); // a < b: a is dropped, b becomes the merge
            version[b]++;
            version[a]++;
            // Candidates that pointed to a now point to b, as a guess (their bound stays a lower bound).
            for (int z = 0; z < a; z++) {
                if (size[z] > 0 && neighbor[z] == a) {
                    neighbor[z] = b;
                    seenNeighbor[z] = -1;
                }
            }
            // Lower the bound of every z < b that is now nearer to b than its bound.
            int pb = active.position(b);
            active.query(b, query);
            context.kernels().squaredEuclideanToColumns(query, 0, active.columns, n, 0, pb, d, squared, 0);
            for (int p = 0; p < pb; p++) {
                int z = active.index[p];
                if (size[z] == 0) {
                    continue;
                }
                if (squared[p] < minDist[z]) {
                    neighbor[z] = b;
                    minDist[z] = squared[p];
                    seenOwn[z] = version[z];
                    seenNeighbor[z] = version[b];
                    heap.change(z, squared[p]);
                }
            }
            if (b < n - 1) {
                nearestAbove(active, b, context, squared, neighbor, minDist);
                seenOwn[b] = version[b];
                seenNeighbor[b] = neighbor[b] < 0 ? -1 : version[neighbor[b]];
                heap.change(b, minDist[b]);
            }
            if ((k & 255) == 255) {
                context.checkCancelled();
                context.progress().progress((double) k / n, "agglomerative: merges");
            }
        }
        return merges;
    }

    /** The nearest active cluster of higher index than {@code x}, by squared centroid distance (ties: lowest index), or -1 and infinity. */
    private static void nearestAbove(ActiveCentroids active, int x, ExecutionContext context, float[] squared,
                                     int[] neighbor, double[] minDist) {
        int d = active.d;
        int px = active.position(x);
        int m = active.packed;
        int best = -1;
        double min = Double.POSITIVE_INFINITY;
        if (px + 1 < m) {
            float[] query = new float[d];
            active.query(x, query);
            context.kernels().squaredEuclideanToColumns(query, 0, active.columns, active.n, px + 1, m, d, squared, 0);
            for (int p = px + 1; p < m; p++) {
                int i = active.index[p];
                if (active.size[i] > 0 && squared[p - px - 1] < min) {
                    min = squared[p - px - 1];
                    best = i;
                }
            }
        }
        neighbor[x] = best;
        minDist[x] = min;
    }
}
