package dev.clusterlab.plugins.metrics;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.metric.QualityMetric;
import java.util.List;
import org.pf4j.Extension;

/**
 * Homogeneity (external; higher is better; in {@code [0, 1]}): 1 when every predicted group contains
 * members of a single ground-truth class.
 *
 * <p>{@code h = 1 - H(T | P) / H(T) = I(T; P) / H(T)}, as scikit-learn 1.2.1's
 * {@code homogeneity_score}; 1 when the ground truth has a single class (its entropy is 0), which
 * includes the case of one group in both. Not symmetric: swapping truth and prediction gives
 * {@link Completeness}. Points whose ground truth is noise are left out; predicted noise is one more
 * group. {@code NaN} when no point has ground truth (scikit-learn gives 1.0 for empty labellings).
 *
 * <p>Complexity: {@code O(n log n)} time (the contingency table), {@code O(n)} memory; the mutual
 * information and entropies are term by term scikit-learn's, summed in numpy's order.
 *
 * <p>Reference: Rosenberg and Hirschberg (2007), ACL Anthology D07-1043.
 *
 * {@snippet :
 * double h = new Homogeneity().compute(dataset.withTruth(truth), predicted, context);
 * }
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "Andrew Rosenberg, Julia Hirschberg",
        title = "V-Measure: a conditional entropy-based external cluster evaluation measure",
        venue = "Proceedings of EMNLP-CoNLL 2007, 410-420", year = 2007)
public final class Homogeneity implements QualityMetric {
    private static final String ID = "homogeneity";
    private final MetricDescriptor descriptor = new MetricDescriptor(ID, List.of(), "Homogeneity",
            "Whether each predicted group holds a single class, I(T;P)/H(T): from 0 to 1 (every group pure); higher is better.",
            true, true, Citation.of(getClass()));

    /** A metric without settings; PF4J creates it. @since 0.2 */
    public Homogeneity() {
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
        return HomogeneityCompleteness.of(t).homogeneity();
    }
}
