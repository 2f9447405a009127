package dev.clusterlab.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric against the values scikit-learn 1.2.1 computed on the same float32 data
 * ({@code scripts/reference/metrics_reference.py}): blobs with ground-truth noise, moons, 19-D blobs,
 * iris, wine and hand-made degenerate cases; labellings from ground truth, k-means, random labels,
 * predicted noise and a singleton cluster.
 */
class SklearnReferenceTest {

    static List<ReferenceData.Case> cases() {
        return ReferenceData.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScikitLearn(ReferenceData.Case c) {
        Dataset data = ReferenceData.dataset(c.dataset());
        int[] labels = ReferenceData.labels(c.dataset(), c.labelling());

        double actual = Metrics.byId(c.metric()).compute(data, labels, Metrics.context(2));

        if (Double.isNaN(c.expected())) {
            assertThat(actual).as("undefined in scikit-learn, so NaN here").isNaN();
        } else {
            assertThat(actual).isCloseTo(c.expected(), within(tolerance(c.metric(), c.expected())));
        }
    }

    /**
     * How far we may be from scikit-learn, which computed in float64 on the float32 values widened.
     * <ul>
     * <li>silhouette: distances come from the float kernels, each with a relative error of at most
     * about {@code (d + 2) 2⁻²⁴ ≈ 1.3e-6} for d = 19. {@code s = 1 - a/b} (or {@code b/a - 1}) then
     * moves by at most twice that, absolutely, and the mean of many {@code s} by no more: an absolute
     * bound of 1e-5 leaves a margin of several times, and is what "1e-5 relative" means for a value
     * in [-1, 1] (a relative bound would be unattainable for random labels, whose silhouette is ~1e-4).
     * <li>calinski_harabasz, davies_bouldin: everything is in double from the same float32 values;
     * only the order of summation differs from numpy (pairwise sums, the |x|² - 2x·c + |c|² form of
     * distances), a few ulps times the conditioning: 1e-9 relative.
     * <li>adjusted_rand, nmi: integer counts, the same formulas term by term: 1e-12.
     * <li>the other external metrics: {@link LabelPairReferenceTest#tolerance}, 1e-12 relative
     * (AMI: 1e-10 relative plus a small absolute term, justified there).
     * </ul>
     */
    static double tolerance(String metric, double expected) {
        return switch (metric) {
            case "silhouette" -> 1e-5;
            case "calinski_harabasz", "davies_bouldin" -> 1e-9 * Math.max(1.0, Math.abs(expected));
            case "adjusted_rand", "nmi" -> 1e-12;
            default -> LabelPairReferenceTest.tolerance(metric, expected);
        };
    }

    @Test
    void everyMetricAndDatasetIsCovered() {
        List<ReferenceData.Case> cases = cases();
        assertThat(cases).extracting(ReferenceData.Case::metric).containsOnly(
                "silhouette", "calinski_harabasz", "davies_bouldin", "adjusted_rand", "nmi",
                "adjusted_mutual_info", "homogeneity", "completeness", "v_measure", "fowlkes_mallows", "rand");
        assertThat(cases).extracting(ReferenceData.Case::dataset).contains(
                "blobs", "moons", "blobs19", "iris", "wine", "degenerate");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(390);
    }

    @Test
    void dataFilesReadAsWritten() {
        assertThat(ReferenceData.dataset("blobs").n()).isEqualTo(300);
        assertThat(ReferenceData.dataset("blobs").d()).isEqualTo(4);
        assertThat(ReferenceData.dataset("blobs19").d()).isEqualTo(19);
        assertThat(ReferenceData.dataset("iris").get(0, 0)).isEqualTo(5.1f);
        assertThat(ReferenceData.dataset("wine").get(0, 12)).isEqualTo(1065f);
        assertThat(ReferenceData.dataset("blobs").truth().orElseThrow()).contains(-1);
    }
}
