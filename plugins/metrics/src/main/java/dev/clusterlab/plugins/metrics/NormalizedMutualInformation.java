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
 * Normalized mutual information (external; higher is better; in {@code [0, 1]}).
 *
 * <p>{@code NMI = I(T; P) / ((H(T) + H(P)) / 2)}: mutual information between ground truth and
 * prediction divided by the arithmetic mean of their entropies, scikit-learn's default
 * {@code average_method="arithmetic"} (Vinh et al.'s {@code NMI_sum}). Corner cases as scikit-learn:
 * 1 when both partitions are a single group, 0 when the mutual information is 0. Points whose ground
 * truth is noise are left out; predicted noise is one more group. {@code NaN} when no point has
 * ground truth.
 *
 * <p>Complexity: {@code O(n log n)} time, {@code O(n)} memory. The terms are those of scikit-learn's
 * {@code mutual_info_score} ({@code log} of the exact {@code long} product of marginals, terms below
 * one ulp of 1 taken as 0, the sum in numpy's pairwise order and clipped at 0), shared with the other
 * information-based metrics through {@link Contingency}, so results agree to an ulp or two.
 *
 * <p>References: Strehl and Ghosh (2002), JMLR 3, 583-617; Vinh, Epps and Bailey (2010),
 * doi:10.5555/1756006.1953024.
 *
 * {@snippet :
 * double nmi = new NormalizedMutualInformation().compute(dataset.withTruth(truth), predicted, context);
 * }
 *
 * @since 0.1
 */
@Extension
@Reference(authors = "Alexander Strehl, Joydeep Ghosh",
        title = "Cluster ensembles - a knowledge reuse framework for combining multiple partitions",
        venue = "Journal of Machine Learning Research 3, 583-617", year = 2002)
@Reference(authors = "Nguyen Xuan Vinh, Julien Epps, James Bailey",
        title = "Information theoretic measures for clusterings comparison: variants, properties, normalization and correction for chance",
        venue = "Journal of Machine Learning Research 11, 2837-2854", year = 2010, doi = "10.5555/1756006.1953024")
public final class NormalizedMutualInformation implements QualityMetric {
    private static final String ID = "nmi";
    private final MetricDescriptor descriptor = new MetricDescriptor(ID, List.of(), "Normalized mutual information",
            "Mutual information with the ground truth over the mean of both entropies: 1 identical, 0 independent.",
            true, true, Citation.of(getClass()));

    /** A metric without settings; PF4J creates it. @since 0.1 */
    public NormalizedMutualInformation() {
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
        int classes = t.classSizes().length;
        int clusters = t.clusterSizes().length;
        if (classes == 1 && clusters == 1) {
            return 1.0; // neither splits the data: a perfect match
        }
        double mi = t.mutualInformation();
        if (mi == 0) {
            return 0.0;
        }
        double mean = (t.classEntropy() + t.clusterEntropy()) / 2;
        return mi / mean;
    }
}
