package dev.clusterlab.plugins.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import dev.clusterlab.api.preprocess.Preprocessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * What every step promises besides its numbers: the input is never written, the output is a new
 * array with the same rows, name, truth and weights; other column counts and missing values are
 * refused with messages that say what was expected and what was found.
 */
class ContractTest {
    /** Five rows, three columns, ground truth and weights. */
    private static final Dataset DATA = Dataset.of("toy", 5, 3,
                    new float[] {1, 10, -3, 2, 20, 0, 3, 35, 4, 4, 40, 1, 10, 50, -2}, List.of("a", "b", "c"),
                    new int[] {0, 0, 1, 1, -1})
            .withWeights(new float[] {1, 2, 1, 0.5f, 1});

    /** Default parameters, except PCA's required one. */
    private static final Map<String, Map<String, ?>> PARAMS = Map.of("pca", Map.of("n_components", 2));

    static List<String> steps() {
        return Steps.all().stream().map(p -> p.descriptor().id()).toList();
    }

    private static FittedPreprocessor fit(String id, Dataset data) {
        return Steps.fit(id, data, PARAMS.getOrDefault(id, Map.of()));
    }

    @ParameterizedTest
    @MethodSource("steps")
    void inputIsNotModifiedAndOutputIsNew(String id) {
        float[] before = DATA.data().clone();
        String fingerprint = DATA.fingerprint();
        FittedPreprocessor fitted = fit(id, DATA);
        Dataset out = fitted.apply(DATA);

        assertThat(DATA.data()).as("input values").containsExactly(before);
        assertThat(DATA.fingerprint()).isEqualTo(fingerprint);
        assertThat(out.data()).as("a new array").isNotSameAs(DATA.data());
        assertThat(out.name()).isEqualTo("toy");
        assertThat(out.n()).isEqualTo(5);
        assertThat(out.truth()).contains(new int[] {0, 0, 1, 1, -1});
        assertThat(out.weights()).hasValueSatisfying(w -> assertThat(w).containsExactly(1, 2, 1, 0.5f, 1));
    }

    @ParameterizedTest
    @MethodSource("steps")
    void missingInputIsNotModifiedEither(String id) {
        if (!Steps.byId(id).descriptor().imputes()) {
            return;
        }
        float[] values = {1, Float.NaN, 3, 4, 5, Float.NaN};
        Dataset data = Dataset.withMissingValues("holes", 3, 2, values, null, null);
        float[] before = values.clone();
        Dataset out = fit(id, data).apply(data);
        assertThat(data.data()).containsExactly(before);
        assertThat(out.hasMissing()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("steps")
    void otherColumnCountIsRefusedNamingBoth(String id) {
        FittedPreprocessor fitted = fit(id, DATA);
        Dataset two = Dataset.of("narrow", new float[][] {{1, 2}, {3, 4}});
        assertThatThrownBy(() -> fitted.apply(two))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(id)
                .hasMessageContaining("'narrow'")
                .hasMessageContaining("expected 3 columns")
                .hasMessageContaining("(a, b, c)")
                .hasMessageContaining("got 2");
    }

    @ParameterizedTest
    @MethodSource("steps")
    void appliesToNewDataWithTheSameColumns(String id) {
        FittedPreprocessor fitted = fit(id, DATA);
        Dataset other = Dataset.of("new", new float[][] {{0, 0, 0}, {5, 25, 1}});
        Dataset out = fitted.apply(other);
        assertThat(out.n()).isEqualTo(2);
        assertThat(out.name()).isEqualTo("new");
        assertThat(out.data()).doesNotContain(Float.NaN);
    }

    @ParameterizedTest
    @MethodSource("steps")
    void onlyImputingStepsAcceptMissingValues(String id) {
        Preprocessor step = Steps.byId(id);
        Dataset holes = Dataset.withMissingValues("holes", 3, 3, new float[] {1, 2, 3, 4, Float.NaN, 6, 7, 8, 0}, null, null);
        if (step.descriptor().imputes()) {
            return;
        }
        assertThatThrownBy(() -> fit(id, holes))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll(id, "missing values", "row 2", "column 'x2'", "impute");
        FittedPreprocessor fitted = fit(id, DATA);
        assertThatThrownBy(() -> fitted.apply(holes)).isInstanceOf(DataException.class).hasMessageContaining("missing values");
    }

    @ParameterizedTest
    @MethodSource("steps")
    void summaryIsJsonFriendly(String id) {
        Map<String, Object> summary = fit(id, DATA).summary();
        assertThat(summary).isNotEmpty();
        summary.values().forEach(ContractTest::assertJsonFriendly);
    }

    private static void assertJsonFriendly(Object v) {
        if (v instanceof List<?> list) {
            list.forEach(ContractTest::assertJsonFriendly);
        } else if (v instanceof Map<?, ?> map) {
            map.forEach((k, x) -> {
                assertThat(k).isInstanceOf(String.class);
                assertJsonFriendly(x);
            });
        } else {
            assertThat(v).isInstanceOfAny(String.class, Number.class, Boolean.class);
            if (v instanceof Double dbl) {
                assertThat(dbl).isFinite();
            }
        }
    }

    @Test
    void emptyDatasetIsRefused() {
        Dataset empty = Dataset.of("empty", 0, 2, new float[0], null, null);
        for (String id : steps()) {
            assertThatThrownBy(() -> fit(id, empty)).as(id).isInstanceOf(DataException.class).hasMessageContaining("'empty'");
        }
    }

    @Test
    void imputeRefusesAColumnWithNothingPresentNamingIt() {
        Dataset data = Dataset.withMissingValues("sparse", 2, 3, new float[] {1, Float.NaN, 2, 3, Float.NaN, 4},
                List.of("a", "hollow", "c"), null);
        assertThatThrownBy(() -> Steps.fit("impute", data, Map.of("strategy", "median")))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll("impute", "'sparse'", "column 'hollow'", "median", "got none");
    }

    @Test
    void imputeFillsNewDataWithTheFittedStatistics() {
        Dataset train = Dataset.withMissingValues("t", 4, 2, new float[] {1, 10, 2, Float.NaN, 4, 30, Float.NaN, 40}, null, null);
        FittedPreprocessor mean = Steps.fit("impute", train, Map.of());
        FittedPreprocessor median = Steps.fit("impute", train, Map.of("strategy", "median"));
        assertThat(mean.summary().get("statistics")).isEqualTo(List.of(7.0 / 3, 80.0 / 3));
        assertThat(median.summary().get("statistics")).isEqualTo(List.of(2.0, 30.0));
        Dataset fresh = Dataset.withMissingValues("f", 1, 2, new float[] {Float.NaN, Float.NaN}, null, null);
        assertThat(median.apply(fresh).data()).containsExactly(2f, 30f);
        assertThat(mean.apply(train).data()).containsExactly(1, 10, 2, 80f / 3, 4, 30, 7f / 3, 40);
    }

    @Test
    void dropConstantKeepsNamesAndRefusesWhenNothingVaries() {
        Dataset data = Dataset.of("c", 3, 3, new float[] {1, 5, 0, 2, 5, -0f, 3, 5, 0}, List.of("x", "flat", "zero"), null);
        FittedPreprocessor fitted = Steps.fit("drop_constant", data, Map.of());
        Dataset out = fitted.apply(data);
        assertThat(out.featureNames()).containsExactly("x");
        assertThat(out.data()).containsExactly(1, 2, 3);
        assertThat(fitted.summary().get("dropped")).isEqualTo(List.of("flat", "zero"));
        // New data keep the fitted selection, even where a dropped column now varies.
        assertThat(fitted.apply(Dataset.of("n", new float[][] {{7, 1, 2}})).data()).containsExactly(7);

        Dataset flat = Dataset.of("flat", 2, 2, new float[] {1, 2, 1, 2}, null, null);
        assertThatThrownBy(() -> Steps.fit("drop_constant", flat, Map.of()))
                .isInstanceOf(DataException.class).hasMessageContainingAll("every column is constant", "x1, x2");
    }

    @Test
    void constantColumnsFollowScikitLearn() {
        Dataset data = Dataset.of("c", 3, 2, new float[] {1, 7, 2, 7, 4, 7}, null, null);
        assertThat(column(Steps.fit("standardize", data, Map.of()).apply(data), 1)).containsExactly(0, 0, 0);
        assertThat(column(Steps.fit("minmax", data, Map.of("feature_range_min", -2, "feature_range_max", 3)).apply(data), 1))
                .containsExactly(-2, -2, -2);
        assertThat(column(Steps.fit("maxabs", data, Map.of()).apply(data), 1)).containsExactly(1, 1, 1);
        assertThat(column(Steps.fit("robust", data, Map.of()).apply(data), 1)).containsExactly(0, 0, 0);
    }

    private static float[] column(Dataset d, int j) {
        float[] out = new float[d.n()];
        for (int i = 0; i < d.n(); i++) {
            out[i] = d.get(i, j);
        }
        return out;
    }

    @Test
    void pcaNamesItsColumnsAndReportsTheVariance() {
        FittedPreprocessor fitted = Steps.fit("pca", DATA, Map.of("n_components", 0.5));
        Dataset out = fitted.apply(DATA);
        assertThat(out.featureNames()).containsExactly("pc1");
        assertThat(fitted.summary()).containsEntry("n_components", 1).containsKeys("explained_variance_ratio", "components", "mean");
        @SuppressWarnings("unchecked")
        List<Double> ratio = (List<Double>) Steps.fit("pca", DATA, Map.of("n_components", 3)).summary().get("explained_variance_ratio");
        assertThat(ratio.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(ratio).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        assertThat(Pca.byVarianceFraction(new double[] {0.5, 0.3, 0.2}, 0.5)).as("strictly above, side='right'").isEqualTo(2);
        assertThat(Pca.byVarianceFraction(new double[] {0.5, 0.3, 0.2}, 0.49)).isEqualTo(1);
    }
}
