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
 * Completeness (external; higher is better; in {@code [0, 1]}): 1 when all members of each
 * ground-truth class are in one predicted group.
 *
 * <p>{@code c = 1 - H(P | T) / H(P) = I(T; P) / H(P)}, as scikit-learn 1.2.1's
 * {@code completeness_score}; 1 when the prediction is a single group (its entropy is 0). Not
 * symmetric: swapping truth and prediction gives {@link Homogeneity}. Points whose ground truth is
 * noise are left out; predicted noise is one more group (so noise spread over several classes makes
 * them incomplete only through that one group). {@code NaN} when no point has ground truth.
 *
 * <p>Complexity: {@code O(n log n)} time, {@code O(n)} memory.
 *
 * <p>Reference: Rosenberg and Hirschberg (2007), ACL Anthology D07-1043.
 *
 * {@snippet :
 * double c = new Completeness().compute(dataset.withTruth(truth), predicted, context);
 * }
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "Andrew Rosenberg, Julia Hirschberg",
        title = "V-Measure: a conditional entropy-based external cluster evaluation measure",
        venue = "Proceedings of EMNLP-CoNLL 2007, 410-420", year = 2007)
public final class Completeness implements QualityMetric {
    private static final String ID = "completeness";
    private final MetricDescriptor descriptor = new MetricDescriptor(ID, List.of(), "Completeness",
            "Whether each class falls in a single predicted group, I(T;P)/H(P): from 0 to 1 (no class split); higher is better.",
            true, true, Citation.of(getClass()));

    /** A metric without settings; PF4J creates it. @since 0.2 */
    public Completeness() {
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
        return HomogeneityCompleteness.of(t).completeness();
    }
}
