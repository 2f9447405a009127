package dev.clusterlab.plugins.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.param.ParameterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every parameter error names the parameter (and the step), whether the binder or the step finds it. */
class ParameterValidationTest {
    private static final Dataset DATA = Dataset.of("small", new float[][] {{1, 2, 3}, {2, 0, 1}, {4, 1, 0}, {0, 5, 2}});

    private static void assertParameterError(String step, Map<String, ?> raw, String parameter, String... fragments) {
        assertThatThrownBy(() -> Steps.fit(step, DATA, raw))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'" + parameter + "'")
                .hasMessageContaining(step)
                .satisfies(e -> {
                    for (String fragment : fragments) {
                        assertThat(e.getMessage()).contains(fragment);
                    }
                });
    }

    @Test
    void minmaxRange() {
        assertParameterError("minmax", Map.of("feature_range_min", 1, "feature_range_max", 1), "feature_range_max",
                "greater than feature_range_min", "got 1.0");
        assertParameterError("minmax", Map.of("feature_range_min", "2", "feature_range_max", "-1"), "feature_range_max");
        assertParameterError("minmax", Map.of("feature_range_min", "low"), "feature_range_min", "a real number", "'low'");
        assertParameterError("minmax", Map.of("feature_range_max", "inf"), "feature_range_max");
    }

    @Test
    void robustQuantiles() {
        assertParameterError("robust", Map.of("quantile_range_min", 80), "quantile_range_max", "greater than quantile_range_min");
        assertParameterError("robust", Map.of("quantile_range_max", 101), "quantile_range_max", "[0, 100]", "got 101");
        assertParameterError("robust", Map.of("quantile_range_min", -5), "quantile_range_min", "[0, 100]");
    }

    @Test
    void pcaComponents() {
        assertParameterError("pca", Map.of(), "n_components", "required");
        assertParameterError("pca", Map.of("n_components", 2.5), "n_components", "whole number", "got 2.5");
        assertParameterError("pca", Map.of("n_components", 0), "n_components", "(0, inf)");
        assertParameterError("pca", Map.of("n_components", "-1"), "n_components");
        assertParameterError("pca", Map.of("n_components", "two"), "n_components");
        assertThat(Steps.fit("pca", DATA, Map.of("n_components", "2")).apply(DATA).d()).isEqualTo(2);
        assertThat(Steps.fit("pca", DATA, Map.of("n_components", 1.0)).apply(DATA).d()).as("1.0 is one component").isEqualTo(1);
        assertThat(Steps.fit("pca", DATA, Map.of("n_components", 0.999999)).apply(DATA).d()).isEqualTo(3);
    }

    @Test
    void pcaMoreComponentsThanColumnsIsADataError() {
        assertThatThrownBy(() -> Steps.fit("pca", DATA, Map.of("n_components", 4)))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll("pca", "n_components = 4", "'small'", "3 columns", "at most min(rows, columns) = 3");
    }

    @Test
    void imputeStrategy() {
        assertParameterError("impute", Map.of("strategy", "mode"), "strategy", "one of {mean, median}", "'mode'");
    }

    @Test
    void unknownParametersAreNamed() {
        assertParameterError("standardize", Map.of("with_mean", false), "with_mean", "takes no parameters");
        assertParameterError("minmax", Map.of("feature_range_mn", 0), "feature_range_mn", "did you mean");
        assertParameterError("pca", Map.of("n_component", 2, "n_components", 2), "n_component");
    }
}
