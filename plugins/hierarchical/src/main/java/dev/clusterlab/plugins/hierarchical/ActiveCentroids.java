package dev.clusterlab.plugins.hierarchical;

/**
 * The centroids of the clusters still active, packed in ascending order of their index so that one
 * call of the engine's one-to-many kernel measures a cluster against all of them, and scans visit
 * clusters in index order (for SciPy's tie-breaking). Centroids are kept in double and copied to float
 * for the kernel. A dropped cluster stays in the packed rows, skipped, until they are half dropped; then
 * the rows are packed again, so scans cost at most twice the active clusters. Memory O(n d).
 */
final class ActiveCentroids {
    final int d;
    final int[] size;
    private final double[] centre;
    /** Packed rows: {@code index[p]} is the cluster at position {@code p}, {@code rows} its centroid. */
    int[] index;
    float[] rows;
    int packed;
    private final int[] position;
    private int dropped;

    ActiveCentroids(float[] x, int n, int d) {
        this.d = d;
        size = new int[n];
        java.util.Arrays.fill(size, 1);
        centre = new double[n * d];
        for (int i = 0; i < n * d; i++) {
            centre[i] = x[i];
        }
        rows = java.util.Arrays.copyOf(x, n * d);
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

    double centre(int i, int k) {
        return centre[i * d + k];
    }

    /** Replaces cluster {@code y}'s centroid and size with those of its merge with {@code x}, and drops {@code x}. */
    void merge(int x, int y, boolean median) {
        int nx = size[x];
        int ny = size[y];
        for (int k = 0; k < d; k++) {
            double v = median ? 0.5 * (centre[x * d + k] + centre[y * d + k])
                    : (nx * centre[x * d + k] + ny * centre[y * d + k]) / (nx + ny);
            centre[y * d + k] = v;
            rows[position[y] * d + k] = (float) v;
        }
        size[y] = nx + ny;
        size[x] = 0;
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
                System.arraycopy(rows, p * d, rows, m * d, d);
                index[m] = i;
            }
            position[i] = m;
            m++;
        }
        packed = m;
        dropped = 0;
    }
}
