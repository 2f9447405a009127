package dev.clusterlab.plugins.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every step against scikit-learn 1.2.1's output on the same float32 inputs
 * ({@code scripts/reference/preprocess_reference.py}): blobs with columns of scales 1e-3 to 1e3,
 * iris, raw and standardised wine, a table with constant and all-zero columns, and one with missing
 * values; elementwise, plus the fitted attributes.
 */
class SklearnReferenceTest {

    static List<ReferenceData.Case> cases() {
        return ReferenceData.cases();
    }

    /**
     * The output is float; scikit-learn's is the float64 answer on the same values (written with 10
     * significant digits). Allowed: {@code ulp32(e) + 1e-9 max|e_column|}. Why:
     * <ul>
     * <li>rounding the double result to float costs at most half an ulp of float;
     * <li>the 10-digit reference adds at most {@code 5e-10 |e|}, below 0.01 ulp;
     * <li>Java and numpy/LAPACK compute in double with different orders of summation (and an
     * eigen-decomposition of the covariance instead of an SVD for PCA): a few {@code 2⁻⁵²} times
     * the column's scale and the conditioning, measured below 0.01 ulp. The second term covers values
     * near zero (a PCA score or a centred value that nearly cancels), whose own ulp is meaningless:
     * {@code 1e-9} of the column's largest value is still 60 times finer than float resolution there.
     * </ul>
     * Measured (scikit-learn 1.2.1): at most 0.503 ulp for every step, i.e. correctly rounded floats.
     * So one float ulp holds twice the worst case, and a wrong statistic (an off-by-one quantile, ddof=1,
     * a flipped sign) fails by many orders of magnitude.
     */
    static double tolerance(double expected, double columnScale) {
        return Math.ulp((float) expected) + 1e-9 * columnScale;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputMatchesScikitLearn(ReferenceData.Case c) {
        Dataset in = ReferenceData.dataset(c.dataset());
        Dataset out = Steps.fit(c.step(), in, c.params()).apply(in);
        ReferenceData.Table expected = ReferenceData.expected(c);

        assertThat(out.featureNames()).as("output columns").isEqualTo(expected.names());
        assertThat(out.n()).isEqualTo(expected.n());
        for (int j = 0; j < expected.d(); j++) {
            double scale = 0;
            for (double[] row : expected.rows()) {
                scale = Math.max(scale, Math.abs(row[j]));
            }
            for (int i = 0; i < expected.n(); i++) {
                double e = expected.rows()[i][j];
                double deviation = Math.abs(out.get(i, j) - e);
                assertThat(deviation).as("%s row %d column %s: got %s, scikit-learn %s", c, i + 1,
                        expected.names().get(j), out.get(i, j), e).isLessThanOrEqualTo(tolerance(e, scale));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void summaryMatchesScikitLearn(ReferenceData.Case c) {
        Dataset in = ReferenceData.dataset(c.dataset());
        FittedPreprocessor fitted = Steps.fit(c.step(), in, c.params());
        Map<String, Object> summary = fitted.summary();
        Map<String, List<String>> expected = ReferenceData.summary(c);
        assertThat(expected).as("scikit-learn attributes recorded for " + c).isNotEmpty();
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            assertThat(summary).as(c + " summary").containsKey(e.getKey());
            Object actual = summary.get(e.getKey());
            if (e.getKey().equals("dropped")) {
                assertThat(actual).as(c + " dropped").isEqualTo(e.getValue());
                continue;
            }
            List<Double> want = e.getValue().stream().map(Double::parseDouble).toList();
            List<Double> got = numbers(actual);
            assertThat(got).as(c + " " + e.getKey()).hasSameSizeAs(want);
            // Fitted statistics stay in double: 1e-11 of the vector's largest entry covers the orders
            // of summation (and, for small PCA eigenvalues, the covariance's conditioning).
            double scale = want.stream().mapToDouble(Math::abs).max().orElse(0);
            for (int k = 0; k < want.size(); k++) {
                assertThat(got.get(k)).as("%s %s[%d]", c, e.getKey(), k)
                        .isCloseTo(want.get(k), org.assertj.core.api.Assertions.within(1e-11 * scale));
            }
        }
    }

    private static List<Double> numbers(Object value) {
        List<Double> out = new ArrayList<>();
        for (Object o : (List<?>) value) {
            out.add(((Number) o).doubleValue());
        }
        return out;
    }

    @Test
    void everyStepIsCovered() {
        assertThat(cases()).extracting(ReferenceData.Case::step).containsOnly(
                "standardize", "minmax", "maxabs", "robust", "pca", "impute", "drop_constant")
                .contains("standardize", "minmax", "maxabs", "robust", "pca", "impute", "drop_constant");
        assertThat(ReferenceData.dataset("missing").hasMissing()).isTrue();
        assertThat(ReferenceData.dataset("iris").get(0, 0)).isEqualTo(5.1f);
        assertThat(ReferenceData.dataset("wine").get(0, 12)).isEqualTo(1065f);
    }
}
