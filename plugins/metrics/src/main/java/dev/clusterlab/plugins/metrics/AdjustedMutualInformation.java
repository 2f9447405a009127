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
 * Adjusted mutual information (external; higher is better; 1 for identical partitions, about 0 for
 * random labels, slightly negative below chance).
 *
 * <p>{@code AMI = (I - E[I]) / (mean(H(T), H(P)) - E[I])}: the mutual information between ground
 * truth and prediction corrected by its expectation under random permutations with the same group
 * sizes ({@link ExpectedMutualInformation}), normalised by the arithmetic mean of the two entropies,
 * scikit-learn's default {@code average_method="arithmetic"}. As in scikit-learn 1.2.1's
 * {@code adjusted_mutual_info_score}: 1 when both partitions are a single group; a denominator
 * closer to 0 than the float64 epsilon is replaced by that epsilon with its sign (so a perfect match
 * whose expectation equals the maximum gives a finite value instead of {@code 0/0}). Points whose
 * ground truth is noise are left out; predicted noise is one more group. {@code NaN} when no point has
 * ground truth (scikit-learn would give 1.0 for empty labellings).
 *
 * <p>Complexity: the expected mutual information dominates, {@code O(N · min(R, C))} terms for
 * {@code R} classes and {@code C} groups, {@code O(R · C · N)} in the worst case (see
 * {@link ExpectedMutualInformation}); {@code O(N)} memory. Computed in {@code double} from
 * log-factorials, as scikit-learn does, and the same bits for any thread count.
 *
 * <p>Reference: Vinh, Epps and Bailey (2010), doi:10.5555/1756006.1953024.
 *
 * {@snippet :
 * double ami = new AdjustedMutualInformation().compute(dataset.withTruth(truth), predicted, context);
 * }
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "Nguyen Xuan Vinh, Julien Epps, James Bailey",
        title = "Information theoretic measures for clusterings comparison: variants, properties, normalization and correction for chance",
        venue = "Journal of Machine Learning Research 11, 2837-2854", year = 2010, doi = "10.5555/1756006.1953024")
public final class AdjustedMutualInformation implements QualityMetric {
    private static final String ID = "adjusted_mutual_info";
    private static final double EPS = Math.ulp(1.0);
    private final MetricDescriptor descriptor = new MetricDescriptor(ID, List.of("ami"),
            "Adjusted mutual information",
            "Mutual information with the ground truth corrected for chance: 1 identical, about 0 random, "
                    + "negative when worse than chance; higher is better.",
            true, true, Citation.of(getClass()));

    /** A metric without settings; PF4J creates it. @since 0.2 */
    public AdjustedMutualInformation() {
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
        if (t.classCount() == 1 && t.clusterCount() == 1) {
            return 1.0; // neither splits the data: a perfect match
        }
        double mi = t.mutualInformation();
        double emi = ExpectedMutualInformation.of(t, context);
        double normalizer = (t.classEntropy() + t.clusterEntropy()) / 2;
        double denominator = normalizer - emi;
        // E[I] <= mean entropy in exact arithmetic; rounding can put it just above, so keep the sign.
        denominator = denominator < 0 ? Math.min(denominator, -EPS) : Math.max(denominator, EPS);
        return (mi - emi) / denominator;
    }
}
