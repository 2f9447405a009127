package dev.clusterlab.host.output;

import java.util.List;

/**
 * The number of clusters suggested by a sweep over {@code k} of one algorithm entry on one dataset
 * (what PyCaret users ask for): by silhouette, the k with the highest mean silhouette; by the elbow,
 * the k where the objective curve (inertia) bends most, found as the point farthest from the chord
 * between the first and last points of the normalised curve (the "kneedle" idea of Satopää et al.,
 * 2011, doi:10.1109/ICDCSW.2011.20); by BIC, for a mixture whose runs carry the {@code bic} model
 * score, the k with the lowest mean BIC (scikit-learn's model-selection example); and, where the
 * experiment measures them, the k with the highest mean Calinski-Harabasz index and the lowest mean
 * Davies-Bouldin index, side by side, since no single criterion is right for every shape of data.
 *
 * @param dataset dataset name
 * @param algorithm algorithm label
 * @param otherParams the rest of the grid point, as text
 * @param ks the swept values of k, ascending
 * @param objective mean objective per k (NaN if the algorithm has none)
 * @param silhouette mean silhouette per k (NaN if not computed)
 * @param bySilhouette suggested k by silhouette, or -1
 * @param byElbow suggested k by the elbow, or -1
 * @param bic mean BIC per k (NaN where the runs carry none)
 * @param byBic suggested k by the lowest BIC, or -1
 * @param byCalinskiHarabasz suggested k by the highest Calinski-Harabasz index, or -1
 * @param byDaviesBouldin suggested k by the lowest Davies-Bouldin index, or -1
 * @param byGap suggested k by Tibshirani's gap rule, or -1 (the experiment's {@code gap:} key)
 * @param stability mean stability (ARI between subsample refits) per k, NaN where not measured
 */
public record KSuggestion(String dataset, String algorithm, String otherParams, List<Integer> ks, List<Double> objective,
                          List<Double> silhouette, int bySilhouette, int byElbow, List<Double> bic, int byBic,
                          int byCalinskiHarabasz, int byDaviesBouldin, int byGap, List<Double> stability) {

    /** The model score whose lowest value suggests k. */
    public static final String BIC = "bic";
    /** The metric whose highest value suggests k. */
    public static final String CALINSKI_HARABASZ = "calinski_harabasz";
    /** The metric whose lowest value suggests k. */
    public static final String DAVIES_BOULDIN = "davies_bouldin";

    /**
     * Tibshirani, Walther and Hastie's (2001) rule.
     *
     * @param ks the swept k, ascending
     * @param gap mean gap per k (NaN where not measured)
     * @param sd mean gap_sd per k
     * @return the smallest k with {@code gap(k) >= gap(next) - sd(next)} for the next swept k, or -1
     */
    static int gapRule(List<Integer> ks, List<Double> gap, List<Double> sd) {
        for (int i = 0; i + 1 < ks.size(); i++) {
            if (!Double.isNaN(gap.get(i)) && !Double.isNaN(gap.get(i + 1)) && gap.get(i) >= gap.get(i + 1) - sd.get(i + 1)) {
                return ks.get(i);
            }
        }
        return -1;
    }

    /**
     * @param ks the swept k
     * @param values mean values per k (NaN where missing)
     * @return the k of the lowest value, or -1
     */
    static int argmin(List<Integer> ks, List<Double> values) {
        return argmax(ks, values.stream().map(v -> -v).toList());
    }

    /**
     * @param ks the swept k
     * @param values mean values per k (NaN where missing)
     * @return the k of the highest value, or -1
     */
    public static int argmax(List<Integer> ks, List<Double> values) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ks.size(); i++) {
            double v = values.get(i);
            if (!Double.isNaN(v) && v > bestValue) {
                bestValue = v;
                best = ks.get(i);
            }
        }
        return best;
    }

    /** The knee of a decreasing curve: needs at least three points. */
    static int elbow(List<Integer> ks, List<Double> values) {
        int m = ks.size();
        if (m < 3 || values.stream().anyMatch(v -> Double.isNaN(v))) {
            return -1;
        }
        double x0 = ks.getFirst();
        double x1 = ks.getLast();
        double y0 = values.getFirst();
        double y1 = values.getLast();
        if (x1 == x0 || y1 == y0) {
            return -1;
        }
        int best = -1;
        double bestGap = 0;
        for (int i = 1; i < m - 1; i++) {
            double x = (ks.get(i) - x0) / (x1 - x0);
            double y = (values.get(i) - y1) / (y0 - y1); // 1 at the first k, 0 at the last
            double gap = (1 - x) - y; // distance below the chord of a convex decreasing curve
            if (gap > bestGap) {
                bestGap = gap;
                best = ks.get(i);
            }
        }
        return best;
    }
}
