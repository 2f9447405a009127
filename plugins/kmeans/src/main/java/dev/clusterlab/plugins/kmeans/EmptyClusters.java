package dev.clusterlab.plugins.kmeans;

import java.util.PriorityQueue;

/**
 * Relocation of empty clusters, as scikit-learn's {@code _relocate_empty_clusters_dense}: the points
 * farthest from their assigned centre become the new centres of the empty clusters (clusters whose
 * total weight is zero; the farthest point goes to the lowest-numbered empty cluster; ties go to the
 * lower row), and each is moved, with its weight, out of the sums of the cluster it was assigned to.
 * When every point sits exactly on its centre (more clusters than distinct points) nothing is
 * relocated; the caller then keeps the empty cluster's previous centre, where scikit-learn would leave
 * it at the origin.
 */
final class EmptyClusters {
    private EmptyClusters() {
    }

    /**
     * @param points the points and weights
     * @param k number of clusters
     * @param centres the centres {@code labels} were computed against
     * @param labels each point's cluster
     * @param sums per-cluster weighted coordinate sums, updated in place
     * @param weights per-cluster total weights (sizes without sample weights), updated in place
     * @return whether any cluster was relocated
     */
    static boolean relocate(Points points, int k, float[] centres, int[] labels, double[] sums, double[] weights) {
        int empty = 0;
        for (int c = 0; c < k; c++) {
            if (weights[c] == 0) {
                empty++;
            }
        }
        if (empty == 0) {
            return false;
        }
        int[] farthest = farthestPoints(points, centres, labels, empty);
        if (farthest.length == 0) {
            return false;
        }
        float[] x = points.x();
        int d = points.d();
        int next = 0;
        for (int c = 0; c < k && next < farthest.length; c++) {
            if (weights[c] != 0) {
                continue;
            }
            int row = farthest[next++];
            int old = labels[row];
            double w = points.weight(row);
            for (int j = 0; j < d; j++) {
                sums[old * d + j] -= w * x[row * d + j];
                sums[c * d + j] = w * x[row * d + j];
            }
            weights[old] -= w;
            weights[c] = w;
        }
        return true;
    }

    /** @return the {@code m} rows farthest from their centre, farthest first; none if all distances are zero */
    private static int[] farthestPoints(Points points, float[] centres, int[] labels, int m) {
        int n = points.n();
        double[] dist = new double[n];
        // A min-heap of the m farthest so far: the head is the nearest of them (and the higher row on ties).
        PriorityQueue<Integer> heap = new PriorityQueue<>((a, b) -> dist[a] != dist[b]
                ? Double.compare(dist[a], dist[b]) : Integer.compare(b, a));
        double max = 0;
        for (int i = 0; i < n; i++) {
            dist[i] = points.exactSquared(i, centres, labels[i]);
            max = Math.max(max, dist[i]);
            heap.add(i);
            if (heap.size() > m) {
                heap.poll();
            }
        }
        if (max == 0) {
            return new int[0];
        }
        int[] rows = new int[heap.size()];
        for (int r = rows.length - 1; r >= 0; r--) {
            rows[r] = heap.poll();
        }
        return rows;
    }
}
