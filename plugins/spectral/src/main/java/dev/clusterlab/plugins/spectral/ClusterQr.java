package dev.clusterlab.plugins.spectral;

/**
 * {@code assign_labels: cluster_qr}: Damle, Minden and Ying (2019), as scikit-learn's
 * {@code cluster_qr}. A column-pivoted QR of the embedding's transpose picks the {@code k} most
 * linearly independent points (Businger and Golub's greedy pivoting: each step takes the point whose
 * part orthogonal to those already taken is longest); with {@code U S V^T} the SVD of their {@code k x k}
 * embedding transposed, {@code Q = U V^T} rotates the embedding towards those points, and each point
 * goes to the column of largest {@code |(X Q)_ij|}. No randomness, no iteration: {@code O(n k^2)}.
 */
final class ClusterQr {
    private ClusterQr() {
    }

    /** @param x row-major {@code n x k} embedding; not modified. @return labels in {@code [0, k)} (some may be unused) */
    static int[] labels(double[] x, int n, int k) {
        double[] r = x.clone();
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                s += r[i * k + c] * r[i * k + c];
            }
            norms[i] = s;
        }
        int[] pivots = new int[k];
        boolean[] taken = new boolean[n];
        for (int step = 0; step < k; step++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && (best < 0 || norms[i] > norms[best])) {
                    best = i;
                }
            }
            pivots[step] = best;
            taken[best] = true;
            double len = Math.sqrt(norms[best]);
            if (len == 0) {
                continue;
            }
            double[] q = new double[k];
            for (int c = 0; c < k; c++) {
                q[c] = r[best * k + c] / len;
            }
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double dot = 0;
                for (int c = 0; c < k; c++) {
                    dot += r[i * k + c] * q[c];
                }
                double s = 0;
                for (int c = 0; c < k; c++) {
                    r[i * k + c] -= dot * q[c];
                    s += r[i * k + c] * r[i * k + c];
                }
                norms[i] = s; // recomputed, not downdated: no cancellation
            }
        }
        // B = X[pivots, :]^T, k x k.
        double[][] b = new double[k][k];
        for (int t = 0; t < k; t++) {
            for (int c = 0; c < k; c++) {
                b[c][t] = x[pivots[t] * k + c];
            }
        }
        double[][] q = SmallSvd.of(b).uvt();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestValue = -1;
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += x[i * k + c] * q[c][j];
                }
                if (Math.abs(s) > bestValue) {
                    bestValue = Math.abs(s);
                    best = j;
                }
            }
            labels[i] = best;
        }
        return labels;
    }
}
