package dev.clusterlab.host;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import java.util.Locale;

/**
 * The door every fit and metric goes through: values whose squared distances float32 cannot hold.
 * The kernels sum squared differences in {@code float} (as scikit-learn does for float32 data), so
 * values near 1e20 overflow to infinity and values near 1e-40 underflow to zero: every point then
 * looks as far from every other, and k-means, say, puts all of them in one cluster with no error.
 * Such data are refused with the reason and the cure (a scaling step), rather than clustered wrongly.
 */
public final class NumericRange {
    /**
     * Headroom below {@link Float#MAX_VALUE} for a squared distance: the kernels' partial sums and the
     * {@code |x|^2 + |c|^2} of the argmin expansion may reach a few times the distance itself.
     */
    static final double OVERFLOW_HEADROOM = 1e4;
    /**
     * Smallest spread of the widest column: below it, squared differences (about 1e-30 and less) fall
     * toward float's subnormal range, where they keep too few bits to order distances.
     */
    static final double SMALLEST_SPREAD = 1e-15;

    private NumericRange() {
    }

    /**
     * @param data the rows an algorithm or metric is about to see
     * @param who who is about to see them, for the message (e.g. "kmeans")
     * @throws UserInputException naming the dataset, column, row and value when float32 cannot measure distances between its points
     */
    public static void check(Dataset data, String who) {
        int n = data.n();
        int d = data.d();
        if (n == 0 || d == 0) {
            return;
        }
        float[] x = data.data();
        double limit = Math.sqrt(Float.MAX_VALUE / OVERFLOW_HEADROOM / (4.0 * d)); // |a - b|^2 summed over d columns
        double widest = 0;
        int numeric = 0;
        for (int j = 0; j < d; j++) {
            if (data.isCategorical(j)) {
                continue;
            }
            numeric++;
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = 0, at = j; i < n; i++, at += d) {
                float v = x[at];
                if (Float.isNaN(v)) {
                    continue; // missing: the imputation step's business
                }
                if (Math.abs(v) > limit) {
                    throw new UserInputException(String.format(Locale.ROOT, "dataset %s, row %d, column %s: %s is too large for %s:"
                                    + " squared distances between values beyond about %.1e (with %d columns) overflow float32, whose largest value is"
                                    + " 3.4e38, and every point would look as far from every other; add a scaling step (preprocessing:"
                                    + " [standardize], or minmax or robust) or rescale the column", data.name(), i + 1, column(data, j),
                            Printable.value(Float.toString(v)), who, limit, d));
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi >= lo) {
                widest = Math.max(widest, (double) hi - lo);
            }
        }
        if (numeric > 0 && widest > 0 && widest < SMALLEST_SPREAD) {
            throw new UserInputException(String.format(Locale.ROOT, "dataset %s: every column spans less than %.0e (the widest %.3e):"
                            + " squared differences that small underflow float32 (smallest normal value 1.2e-38) and %s could not tell"
                            + " distances apart; add a scaling step (preprocessing: [standardize], or minmax) or rescale the data",
                    data.name(), SMALLEST_SPREAD, widest, who));
        }
    }

    private static String column(Dataset data, int j) {
        return data.featureNames() != null && j < data.featureNames().size()
                ? (j + 1) + " ('" + Printable.value(data.featureNames().get(j)) + "')" : Integer.toString(j + 1);
    }
}
