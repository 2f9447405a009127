package dev.clusterlab.plugins.metrics;

/**
 * Sums a {@code double} array in the order numpy's {@code np.sum} does for a contiguous float64 array
 * (pairwise summation: eight running sums over blocks of at most 128 values, halves of longer arrays
 * summed recursively). The information metrics sum one term per contingency cell or per group, as
 * scikit-learn does with {@code np.sum}; adding them in numpy's order, rather than left to right,
 * gives scikit-learn's bits instead of a result a few ulps away, which matters when a small mutual
 * information is divided by a small entropy.
 */
final class PairwiseSum {
    /** numpy's {@code PW_BLOCKSIZE}: below it the eight-way unrolled loop runs, above it the halving. */
    private static final int BLOCK = 128;
    private static final int LANES = 8;

    private PairwiseSum() {
    }

    /**
     * @param values the terms
     * @return their sum, rounded as numpy rounds it
     */
    static double sum(double[] values) {
        return sum(values, 0, values.length);
    }

    private static double sum(double[] a, int from, int n) {
        if (n < LANES) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double[] r = new double[LANES];
            System.arraycopy(a, from, r, 0, LANES);
            int i = LANES;
            for (; i < n - n % LANES; i += LANES) {
                for (int j = 0; j < LANES; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int half = n / 2;
        half -= half % LANES;
        return sum(a, from, half) + sum(a, from + half, n - half);
    }
}
