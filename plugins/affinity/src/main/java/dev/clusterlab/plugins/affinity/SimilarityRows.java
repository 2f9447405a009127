package dev.clusterlab.plugins.affinity;

import dev.clusterlab.api.DataException;

/**
 * The raw similarities {@code s(i, k)} of Affinity Propagation, one row at a time, before preferences
 * and noise, never held as a matrix here: from features, negative squared Euclidean distances in loops
 * across points held column by column, which C2 compiles to SIMD ({@code 2d} flops per entry); or read
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
     * @return the rows {@code -|x_i - x_k|^2}
     */
    static SimilarityRows features(float[] x, int n, int d) {
        // One array per feature, so that the loop below runs across points, many per vector, with no
        // reduction per pair and no index arithmetic the JIT cannot vectorise.
        float[][] columns = new float[d][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                columns[j][i] = x[i * d + j];
            }
        }
        return new SimilarityRows() {
            @Override
            public int n() {
                return n;
            }

            /**
             * The sums of the engine's {@code squaredEuclideanToColumns} in its order (subtract, square,
             * add, feature by feature; no fused multiply-add), hence the same bits, in plain loops that
             * C2 compiles to SIMD, four features per pass over the row (single thread, 5,000 x 16: 18 ms
             * for all rows, against 27 ms one feature per pass and 25 ms for the kernel). Not that
             * kernel itself: its Vector API code allocates every vector while it still runs interpreted
             * or in C1, and in the median's first rows (JFR, one fit of 5,000 x 16) that was about
             * 100 MB of garbage, which grew the young generation just before the message matrices were
             * allocated.
             */
            @Override
            public void raw(int i, float[] out) {
                java.util.Arrays.fill(out, 0, n, 0f);
                int j = 0;
                for (; j + 4 <= d; j += 4) {
                    int q = i * d + j;
                    float q0 = x[q];
                    float q1 = x[q + 1];
                    float q2 = x[q + 2];
                    float q3 = x[q + 3];
                    float[] c0 = columns[j];
                    float[] c1 = columns[j + 1];
                    float[] c2 = columns[j + 2];
                    float[] c3 = columns[j + 3];
                    for (int k = 0; k < n; k++) {
                        float e0 = q0 - c0[k];
                        float e1 = q1 - c1[k];
                        float e2 = q2 - c2[k];
                        float e3 = q3 - c3[k];
                        // Left to right, as the kernel adds one feature after the other.
                        out[k] = out[k] + e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
                    }
                }
                for (; j < d; j++) {
                    float q = x[i * d + j];
                    float[] column = columns[j];
                    for (int k = 0; k < n; k++) {
                        float diff = q - column[k];
                        out[k] += diff * diff;
                    }
                }
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
