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
 * Rand index (external; higher is better; in {@code [0, 1]}), not corrected for chance (see
 * {@link AdjustedRand} for that).
 *
 * <p>{@code RI = (TP + TN) / (n (n - 1))} over ordered pairs of distinct points, scikit-learn 1.2.1's
 * {@code rand_score}, from exact {@code long} pair counts ({@link PairCounts}); 1 for identical
 * partitions and for a single point (no pairs), as there. Random labels score well above 0 (for many
 * small groups near 1), so compare it only between clusterings of the same data. Points whose ground
 * truth is noise are left out; predicted noise is one more group. {@code NaN} when no point has ground
 * truth.
 *
 * <p>Complexity: {@code O(n log n)} time, {@code O(n)} memory.
 *
 * <p>Reference: Rand (1971), doi:10.1080/01621459.1971.10482356.
 *
 * {@snippet :
 * double ri = new RandIndex().compute(dataset.withTruth(truth), predicted, context);
 * }
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "William M. Rand", title = "Objective criteria for the evaluation of clustering methods",
        venue = "Journal of the American Statistical Association 66(336), 846-850", year = 1971,
        doi = "10.1080/01621459.1971.10482356")
public final class RandIndex implements QualityMetric {
    private static final String ID = "rand";
    private final MetricDescriptor descriptor = new MetricDescriptor(ID, List.of("rand_index"), "Rand index",
            "Share of point pairs on which prediction and ground truth agree (together in both or apart in both), from 0 to 1 (identical); higher is better.",
            true, true, Citation.of(getClass()));

    /** A metric without settings; PF4J creates it. @since 0.2 */
    public RandIndex() {
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
        long agreeing = pairs.together() + pairs.apart();
        long total = pairs.total();
        if (agreeing == total || total == 0) {
            return 1.0; // scikit-learn's limit cases: identical partitions, or a single point
        }
        return (double) agreeing / total;
    }
}
