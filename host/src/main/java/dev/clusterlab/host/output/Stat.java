package dev.clusterlab.host.output;

import java.util.Locale;

/**
 * Mean and sample standard deviation of a metric over the seeds of one configuration (NaN values,
 * where a metric is undefined, are left out and counted).
 *
 * @param mean the mean, or NaN if no value is defined
 * @param std the sample standard deviation (n - 1), 0 for a single value
 * @param count how many defined values there were
 */
public record Stat(double mean, double std, int count) {
    /** No value at all. */
    public static final Stat NONE = new Stat(Double.NaN, Double.NaN, 0);

    /**
     * @param values the values (NaN ignored)
     * @return their mean and standard deviation
     */
    public static Stat of(double[] values) {
        double sum = 0;
        int c = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                c++;
            }
        }
        if (c == 0) {
            return NONE;
        }
        double mean = sum / c;
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new Stat(mean, c > 1 ? Math.sqrt(ss / (c - 1)) : 0, c);
    }

    /** @return {@code 0.5123 ± 0.0100}, or {@code n/a} */
    public String format() {
        if (count == 0) {
            return "n/a";
        }
        String m = ComparisonTable.format(mean);
        // The spread is read against the mean: four decimals, so 1e-17 of rounding noise shows as 0.0000.
        String sd = std >= 1e6 ? ComparisonTable.format(std) : String.format(Locale.ROOT, "%.4f", std);
        return count > 1 ? m + " ± " + sd : m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s", format());
    }
}
