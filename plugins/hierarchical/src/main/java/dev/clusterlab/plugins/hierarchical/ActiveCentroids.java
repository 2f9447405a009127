package dev.clusterlab.plugins.hierarchical;

import java.util.Arrays;

/**
 * The centroids of the clusters still active, packed column by column in ascending order of their
 * index, so that one call of the engine's {@code squaredEuclideanToColumns} kernel measures a cluster
 * against all of them and scans visit clusters in index order (SciPy's tie-breaking). Centroids are
 * kept in double and copied to float for the kernel. A dropped cluster stays in the packed rows with
 * infinite coordinates (so it is infinitely far) until half the rows are dropped; then the rows are packed
 * again, so scans cost at most twice the active clusters. Memory O(n d).
 */
final class ActiveCentroids {
    final int d;
    final int n;
    /** By cluster: its number of points, 0 once dropped. */
    final int[] size;
    private final double[] centre;
    /** By position: column {@code k} of the row at position {@code p} is {@code columns[k * n + p]}. */
    final float[] columns;
    /** By position: the cluster's size as a float (1 for a dropped row, whose distance is infinite anyway). */
    final float[] weight;
    /** By position: the cluster there. */
    final int[] index;
    /** Rows in use, dropped ones included. */
    int packed;
    private final int[] position;
    private int dropped;

    ActiveCentroids(float[] x, int n, int d) {
        this.d = d;
        this.n = n;
        size = new int[n];
        Arrays.fill(size, 1);
        centre = new double[n * d];
        columns = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                centre[i * d + k] = x[i * d + k];
                columns[k * n + i] = x[i * d + k];
            }
        }
        weight = new float[n];
        Arrays.fill(weight, 1f);
        index = new int[n];
        position = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
            position[i] = i;
        }
        packed = n;
    }

    /** @return the packed position of active cluster {@code i} */
    int position(int i) {
        return position[i];
    }

    /** Copies cluster {@code i}'s centroid (as the kernel sees it, in float) into {@code q}. */
    void query(int i, float[] q) {
        int p = position[i];
        for (int k = 0; k < d; k++) {
            q[k] = columns[k * n + p];
        }
    }

    /** Replaces cluster {@code y}'s centroid and size with those of its merge with {@code x}, and drops {@code x}. */
    void merge(int x, int y, boolean median) {
        int nx = size[x];
        int ny = size[y];
        int py = position[y];
        for (int k = 0; k < d; k++) {
            double v = median ? 0.5 * (centre[x * d + k] + centre[y * d + k])
                    : (nx * centre[x * d + k] + ny * centre[y * d + k]) / (nx + ny);
            centre[y * d + k] = v;
            columns[k * n + py] = (float) v;
        }
        size[y] = nx + ny;
        weight[py] = nx + ny;
        size[x] = 0;
        int px = position[x];
        for (int k = 0; k < d; k++) {
            columns[k * n + px] = Float.POSITIVE_INFINITY;
        }
        weight[px] = 1f;
        dropped++;
        if (2 * dropped > packed) {
            repack();
        }
    }

    private void repack() {
        int m = 0;
        for (int p = 0; p < packed; p++) {
            int i = index[p];
            if (size[i] == 0) {
                continue;
            }
            if (m != p) {
                for (int k = 0; k < d; k++) {
                    columns[k * n + m] = columns[k * n + p];
                }
                index[m] = i;
                weight[m] = weight[p];
            }
            position[i] = m;
            m++;
        }
        packed = m;
        dropped = 0;
    }
}
