package dev.clusterlab.api.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamBinderTest {
    private static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer("k", 8L, 1, Long.MAX_VALUE, "number of clusters"),
            ParamSpec.real("tol", 1e-4, 0, true, Double.POSITIVE_INFINITY, false, "tolerance"),
            ParamSpec.choice("init", "k-means++", List.of("k-means++", "random"), "initialisation"),
            ParamSpec.flag("verbose", false, "talk"));

    @Test
    void fillsDefaultsAndCoercesText() {
        Params p = ParamBinder.bind("kmeans", SPECS, Map.of("k", "3", "tol", "1e-6", "verbose", "true"));
        assertThat(p.getInt("k")).isEqualTo(3);
        assertThat(p.getDouble("tol")).isEqualTo(1e-6);
        assertThat(p.getString("init")).isEqualTo("k-means++");
        assertThat(p.getBoolean("verbose")).isTrue();
    }

    @Test
    void acceptsIntegralRealsForIntegersButNotFractions() {
        assertThat(ParamBinder.bind("kmeans", SPECS, Map.of("k", 5.0)).getInt("k")).isEqualTo(5);
        assertThatThrownBy(() -> ParamBinder.bind("kmeans", SPECS, Map.of("k", 2.5)))
                .hasMessage("parameter 'k' of kmeans must be an integer in [1, inf); got 2.5");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        assertThatThrownBy(() -> ParamBinder.bind("kmeans", SPECS, Map.of("k", 0, "init", "kmeans++", "tool", 1)))
                .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.violations()).containsExactlyInAnyOrder(
                        "unknown parameter 'tool' of kmeans; did you mean 'tol'? (known: k, tol, init, verbose)",
                        "parameter 'k' of kmeans must be an integer in [1, inf); got 0",
                        "parameter 'init' of kmeans must be one of {k-means++, random}; got 'kmeans++'"));
    }

    @Test
    void requiredParametersMustBeGiven() {
        List<ParamSpec> specs = List.of(ParamSpec.real("eps", null, 0, false, Double.POSITIVE_INFINITY, false, "radius"));
        assertThatThrownBy(() -> ParamBinder.defaults("dbscan", specs))
                .hasMessage("parameter 'eps' of dbscan is required: a real number in (0, inf)");
    }

    @Test
    void suggestionsFindNearNames() {
        assertThat(Suggestions.nearest("kmean", List.of("kmeans", "dbscan", "hdbscan"))).containsExactly("kmeans");
        assertThat(Suggestions.nearest("zzzzzz", List.of("kmeans"))).isEmpty();
    }
}
