package dev.clusterlab.plugins.affinity;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Kernels;

/**
 * The raw similarities {@code s(i, k)} of Affinity Propagation, one row at a time, before preferences
 * and noise, never held as a matrix here: from features, negative squared Euclidean distances through
 * the engine's SIMD kernel across points held column by column ({@code 2d} flops per entry); or read
 * from a precomputed matrix, the dataset's own array, not a copy. {@link Similarities} decides whether
 * the prepared matrix is kept.
 */
interface SimilarityRows {
    /** @return the number of points */
    int n();

    /**
     * @param i a row
     * @param out receives {@code s(i, 0..n-1)}; the diagonal is the raw one (0 for features)
     */
    void raw(int i, float[] out);

    /**
     * @param x row-major {@code n x d} features
     * @param n points
     * @param d features
     * @param context kernels
     * @return the rows {@code -|x_i - x_k|^2}
     */
    static SimilarityRows features(float[] x, int n, int d, ExecutionContext context) {
        Kernels kernels = context.kernels();
        // Column by column, so that the kernel runs across points, many per vector, with no reduction per pair.
        float[] columns = new float[Math.multiplyExact(n, d)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                columns[j * n + i] = x[i * d + j];
            }
        }
        return new SimilarityRows() {
            @Override
            public int n() {
                return n;
            }

            @Override
            public void raw(int i, float[] out) {
                kernels.squaredEuclideanToColumns(x, i * d, columns, n, 0, n, d, out, 0);
                for (int k = 0; k < n; k++) {
                    out[k] = -out[k];
                }
                out[i] = 0;
            }
        };
    }

    /**
     * @param values row-major {@code n x n} similarities (read, never changed)
     * @param n points
     * @param where the dataset's name, for messages
     * @return the rows, checked to be finite
     * @throws DataException naming the first entry that is not a finite number
     */
    static SimilarityRows precomputed(float[] values, int n, String where) {
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                float v = values[i * n + k];
                if (!Float.isFinite(v)) {
                    throw new DataException(AffinityPropagationAlgorithm.ID + ": the precomputed similarity in row " + (i + 1)
                            + ", column " + (k + 1) + " of '" + where + "' is " + v + "; expected a finite number");
                }
            }
        }
        return new SimilarityRows() {
            @Override
            public int n() {
                return n;
            }

            @Override
            public void raw(int i, float[] out) {
                System.arraycopy(values, i * n, out, 0, n);
            }
        };
    }
}
