package dev.clusterlab.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every external metric against scikit-learn 1.2.1 on label pairs without data
 * ({@code label_pairs.csv}, written by {@code scripts/reference/metrics_reference.py}): random
 * labellings from 20 to 6000 points and 2 to 120 groups, identical and renamed labellings, one group
 * on either or both sides, one and two points, all singletons, skewed marginals, and noise on both
 * sides (the script drops ground-truth noise and keeps predicted noise as a label before calling
 * scikit-learn, as the metrics do). Degenerate cases carry scikit-learn's own special values (1.0 for
 * one group in both, 0.0 for Fowlkes-Mallows on singletons, ...), which are therefore matched too.
 */
class LabelPairReferenceTest {

    static List<ReferenceData.PairCase> cases() {
        return ReferenceData.pairCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScikitLearn(ReferenceData.PairCase c) {
        double actual = Metrics.byId(c.metric()).compute(c.pair().dataset(), c.pair().predicted().clone(),
                Metrics.context(2));

        if (Double.isNaN(c.expected())) {
            assertThat(actual).as("nothing left after dropping ground-truth noise: NaN").isNaN();
        } else {
            assertThat(actual).isCloseTo(c.expected(), within(tolerance(c.metric(), c.expected())));
        }
    }

    /**
     * How far from scikit-learn the new external metrics may be.
     * <ul>
     * <li>rand, fowlkes_mallows: exact integer pair counts, then the same one or two divisions and
     * square roots: equal to the bit; 1e-12 relative is a formality.
     * <li>homogeneity, completeness, v_measure: the mutual information and entropies are scikit-learn's
     * terms, summed in numpy's pairwise order; only {@code Math.log} against glibc's {@code log} may
     * differ by an ulp on a term: 1e-12 relative.
     * <li>adjusted_mutual_info: the expected mutual information {@code E} sums terms
     * {@code exp(gln)} whose exponent {@code gln} is a difference of log-factorials as large as
     * {@code ln N! ≈ 5·10⁴} (N = 6000); an ulp of that is {@code 7e-12}, so each term carries a
     * relative rounding error of that size in scikit-learn as here, and the two log-gamma
     * implementations (glibc's and SciPy's there, Stirling's series here) round differently.
     * {@code E} itself then agrees to a few {@code 1e-12} relative (measured: 2e-12 at N = 6000).
     * AMI is {@code (I - E) / (H - E)}: for random labels {@code I ≈ E}, so an absolute error
     * {@code δE} moves AMI by about {@code δE / (H - E)}, small absolutely (5e-13 measured) but not
     * relative to an AMI near 0 (8.5e-4 there, so 6e-10 relative). Hence {@code 1e-10} relative plus
     * {@code 1e-12} absolute; the largest difference on these cases is printed by
     * {@link #reportsTheLargestAmiDifference()}.
     * </ul>
     *
     * @param metric metric id
     * @param expected scikit-learn's value
     * @return the allowed absolute difference
     */
    static double tolerance(String metric, double expected) {
        return switch (metric) {
            case "adjusted_mutual_info" -> 1e-10 * Math.abs(expected) + 1e-12;
            default -> 1e-12 * Math.abs(expected);
        };
    }

    @Test
    void reportsTheLargestAmiDifference() {
        double worstAbsolute = 0;
        double worstRelative = 0;
        for (ReferenceData.PairCase c : cases()) {
            if (c.metric().equals("adjusted_mutual_info") && !Double.isNaN(c.expected())) {
                double actual = new AdjustedMutualInformation().compute(c.pair().dataset(), c.pair().predicted(),
                        Metrics.context(1));
                double diff = Math.abs(actual - c.expected());
                worstAbsolute = Math.max(worstAbsolute, diff);
                if (Math.abs(c.expected()) > 1e-6) { // relative to an AMI that is 0 up to rounding means nothing
                    worstRelative = Math.max(worstRelative, diff / Math.abs(c.expected()));
                }
            }
        }
        System.out.printf("AMI vs scikit-learn: largest difference %.3g absolute, %.3g relative%n", worstAbsolute,
                worstRelative);
        assertThat(worstAbsolute).isLessThan(1e-11);
    }

    @Test
    void casesCoverEveryExternalMetricAndTheCornerCases() {
        List<ReferenceData.PairCase> cases = cases();
        assertThat(cases).extracting(ReferenceData.PairCase::metric).containsOnly("adjusted_rand", "nmi",
                "adjusted_mutual_info", "homogeneity", "completeness", "v_measure", "fowlkes_mallows", "rand");
        Map<String, ReferenceData.Pair> pairs = ReferenceData.pairs();
        assertThat(pairs).containsKeys("identical_200", "renamed_200", "one_group_both_50", "one_class_split_60",
                "one_cluster_pred_60", "one_point", "singletons_300", "noise_both_400", "noise_truth_all_30");
        assertThat(pairs.get("noise_both_400").truth()).contains(-1);
        assertThat(pairs.get("noise_both_400").predicted()).contains(-1);
        // The 6000-point pair has enough expected-mutual-information terms for the chunked sum.
        assertThat(pairs.get("random_6000_100x120").truth()).hasSize(6000);
    }
}
