package dev.clusterlab.plugins.metrics;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.metric.QualityMetric;
import java.math.BigInteger;
import java.util.List;
import org.pf4j.Extension;

/**
 * Adjusted Rand index (external; higher is better; 1 for identical partitions, about 0 for random
 * labels, down to -0.5).
 *
 * <p>Counts ordered pairs of points as in scikit-learn's {@code pair_confusion_matrix}: {@code tp}
 * together in both partitions, {@code tn} apart in both, {@code fp} and {@code fn} together in only
 * one. The index is {@code 2 (tp·tn - fn·fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn))}, and 1 when
 * {@code fn = fp = 0} (perfect agreement, including one group in both). Points whose ground truth is
 * noise are left out; predicted noise is one more group. {@code NaN} when no point has ground truth.
 *
 * <p>Complexity: {@code O(n log n)} time (sorting the contingency cells), {@code O(n)} memory. Pair
 * counts are exact {@code long}s (up to {@code n²}); their products reach {@code n⁴} and are formed
 * as {@link BigInteger}, then rounded once to {@code double} each, as Python's integers are in
 * scikit-learn, so the result has the same bits.
 *
 * <p>Reference: Hubert and Arabie (1985), doi:10.1007/BF01908075.
 *
 * {@snippet :
 * double ari = new AdjustedRand().compute(dataset.withTruth(truth), predicted, context);
 * }
 *
 * @since 0.1
 */
@Extension
@Reference(authors = "Lawrence Hubert, Phipps Arabie", title = "Comparing partitions",
        venue = "Journal of Classification 2(1), 193-218", year = 1985, doi = "10.1007/BF01908075")
public final class AdjustedRand implements QualityMetric {
    private static final String ID = "adjusted_rand";
    private final MetricDescriptor descriptor = new MetricDescriptor(ID, List.of("ari"), "Adjusted Rand index",
            "Pair-counting agreement with the ground truth, corrected for chance: 1 identical, about 0 random, down to -0.5.",
            true, true, Citation.of(getClass()));

    /** A metric without settings; PF4J creates it. @since 0.1 */
    public AdjustedRand() {
    }

    @Override
    public MetricDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public double compute(Dataset data, int[] labels, ExecutionContext context) {
        Contingency t = Contingency.of(ID, data, labels);
        if (t.n() == 0) {
            return Double.NaN;
        }
        PairCounts pairs = t.pairs();
        long tp = pairs.together();
        long tn = pairs.apart();
        long fp = pairs.onlyPredicted();
        long fn = pairs.onlyTruth();
        if (fn == 0 && fp == 0) {
            return 1.0;
        }
        BigInteger numerator = big(tp).multiply(big(tn)).subtract(big(fn).multiply(big(fp)));
        BigInteger denominator = big(tp + fn).multiply(big(fn + tn)).add(big(tp + fp).multiply(big(fp + tn)));
        return 2.0 * numerator.doubleValue() / denominator.doubleValue();
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }
}
