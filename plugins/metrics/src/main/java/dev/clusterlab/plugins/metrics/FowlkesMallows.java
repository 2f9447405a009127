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
 * Fowlkes-Mallows index (external; higher is better; in {@code [0, 1]}).
 *
 * <p>{@code FMI = TP / sqrt((TP + FP)(TP + FN))} over pairs of points, the geometric mean of the
 * pair precision and recall, computed as scikit-learn 1.2.1's {@code fowlkes_mallows_score}:
 * {@code sqrt(TP / P) · sqrt(TP / Q)} from exact {@code long} pair counts ({@link PairCounts}), and 0
 * when no pair is together in both partitions (which includes one point, and all singletons on either
 * side). Points whose ground truth is noise are left out; predicted noise is one more group.
 * {@code NaN} when no point has ground truth.
 *
 * <p>Complexity: {@code O(n log n)} time, {@code O(n)} memory.
 *
 * <p>Reference: Fowlkes and Mallows (1983), doi:10.1080/01621459.1983.10478008.
 *
 * {@snippet :
 * double fmi = new FowlkesMallows().compute(dataset.withTruth(truth), predicted, context);
 * }
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "Edward B. Fowlkes, Colin L. Mallows", title = "A method for comparing two hierarchical clusterings",
        venue = "Journal of the American Statistical Association 78(383), 553-569", year = 1983,
        doi = "10.1080/01621459.1983.10478008")
public final class FowlkesMallows implements QualityMetric {
    private static final String ID = "fowlkes_mallows";
    private final MetricDescriptor descriptor = new MetricDescriptor(ID, List.of("fmi"), "Fowlkes-Mallows index",
            "Geometric mean of pair precision and recall against the ground truth, from 0 to 1 (identical); higher is better.",
            true, true, Citation.of(getClass()));

    /** A metric without settings; PF4J creates it. @since 0.2 */
    public FowlkesMallows() {
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
        long together = pairs.together();
        if (together == 0) {
            return 0.0; // no pair together in both (also when either side is all singletons)
        }
        return Math.sqrt((double) together / pairs.predictedPairs()) * Math.sqrt((double) together / pairs.truthPairs());
    }
}
