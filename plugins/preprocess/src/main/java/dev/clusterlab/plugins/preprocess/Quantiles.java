package dev.clusterlab.plugins.preprocess;

/**
 * Medians and percentiles as numpy 1.24 computes them ({@code np.median}, {@code np.percentile} with
 * the default {@code method='linear'}, Hyndman and Fan's type 7), operation for operation, so that
 * the results agree to the last bit on the same doubles.
 */
final class Quantiles {
    private Quantiles() {
    }

    /**
     * @param sorted ascending values, at least one
     * @return the median: the middle value, or the mean of the two middle values
     */
    static double median(double[] sorted) {
        int n = sorted.length;
        int mid = n / 2;
        return n % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * @param sorted ascending values, at least one
     * @param percent in {@code [0, 100]}
     * @return the linearly interpolated percentile at virtual index {@code (n - 1) q}
     */
    static double percentile(double[] sorted, double percent) {
        int n = sorted.length;
        double q = percent / 100;
        double index = (n - 1) * q;
        int previous = (int) Math.floor(index);
        if (index >= n - 1) {
            return sorted[n - 1];
        }
        if (index < 0) {
            return sorted[0];
        }
        double a = sorted[previous];
        double b = sorted[previous + 1];
        double gamma = index - previous;
        double diff = b - a;
        // numpy's _lerp: from the nearer end, so that gamma = 1 gives b exactly.
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
}
