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
 * V-measure (external; higher is better; in {@code [0, 1]}): the harmonic mean of
 * {@link Homogeneity} and {@link Completeness}.
 *
 * <p>{@code V = 2 h c / (h + c)}, scikit-learn 1.2.1's {@code v_measure_score} with its default
 * {@code beta = 1} (with that beta it equals NMI with the arithmetic mean, up to rounding); 0 when
 * {@code h = c = 0}, 1 when both partitions are a single group. Symmetric in truth and prediction.
 * Points whose ground truth is noise are left out; predicted noise is one more group. {@code NaN}
 * when no point has ground truth.
 *
 * <p>Complexity: {@code O(n log n)} time, {@code O(n)} memory.
 *
 * <p>Reference: Rosenberg and Hirschberg (2007), ACL Anthology D07-1043.
 *
 * {@snippet :
 * double v = new VMeasure().compute(dataset.withTruth(truth), predicted, context);
 * }
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "Andrew Rosenberg, Julia Hirschberg",
        title = "V-Measure: a conditional entropy-based external cluster evaluation measure",
        venue = "Proceedings of EMNLP-CoNLL 2007, 410-420", year = 2007)
public final class VMeasure implements QualityMetric {
    private static final String ID = "v_measure";
    private final MetricDescriptor descriptor = new MetricDescriptor(ID, List.of("v"), "V-measure",
            "Harmonic mean of homogeneity and completeness (beta = 1), from 0 to 1 (identical); higher is better.",
            true, true, Citation.of(getClass()));

    /** A metric without settings; PF4J creates it. @since 0.2 */
    public VMeasure() {
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
        return HomogeneityCompleteness.of(t).vMeasure();
    }
}
