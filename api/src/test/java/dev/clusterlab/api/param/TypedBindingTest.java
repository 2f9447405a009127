package dev.clusterlab.api.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.kernel.Distance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding to typed reads (int width, enum and distance choices, sentinels) and violations as data. */
class TypedBindingTest {
    enum Shape implements ParamChoice {
        ROUND("round"), SQUARE_ISH("square-ish");

        private final String id;

        Shape(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    private static final ParamSpec K = ParamSpec.intAtLeast("k", 8, 1, "clusters");
    private static final ParamSpec SHAPE = ParamSpec.choice("shape", Shape.class, Shape.ROUND, "shape");
    private static final ParamSpec METRIC = ParamSpec.distance("metric", Distance.EUCLIDEAN, "distance");
    private static final ParamSpec MIN_SIZE = ParamSpec.intAtLeast("min_size", 0, 2, "smallest group")
            .withSentinel(0, "k");
    private static final List<ParamSpec> SPECS = List.of(K, SHAPE, METRIC, MIN_SIZE);

    private static ParameterException refused(Map<String, ?> raw) {
        try {
            ParamBinder.bind("toy", SPECS, raw);
        } catch (ParameterException e) {
            return e;
        }
        throw new AssertionError("bound " + raw);
    }

    @Test
    void intValuedIntegersShowAnOpenRangeButMustFitAnInt() {
        assertThat(K.domain()).isEqualTo("an integer in [1, inf)");
        assertThat(K.valueType()).isEqualTo(Integer.class);
        assertThat(ParamBinder.bind("toy", SPECS, Map.of("k", "2147483647")).getInt("k")).isEqualTo(Integer.MAX_VALUE);
        ParameterException e = refused(Map.of("k", 3_000_000_000L));
        assertThat(e.violations()).containsExactly("parameter 'k' of toy must be at most 2147483647; got 3000000000");
        assertThat(e.problems()).containsExactly(new ParamViolation.Invalid("toy", "k", "at most 2147483647", "3000000000"));
    }

    @Test
    void theRangeIsCheckedBeforeTheWidth() {
        assertThat(refused(Map.of("k", -3_000_000_000L)).violations())
                .containsExactly("parameter 'k' of toy must be an integer in [1, inf); got -3000000000");
    }

    @Test
    void enumChoicesListTheIdsAndReadBackAsConstants() {
        assertThat(SHAPE.choices()).containsExactly("round", "square-ish");
        assertThat(SHAPE.defaultValue()).isEqualTo("round");
        Params p = ParamBinder.bind("toy", SPECS, Map.of("shape", " square-ish "));
        assertThat(p.getEnum("shape", Shape.class)).isEqualTo(Shape.SQUARE_ISH);
        assertThat(p.asMap()).containsEntry("shape", "square-ish");
        assertThat(refused(Map.of("shape", "SQUARE")).problems())
                .containsExactly(new ParamViolation.Invalid("toy", "shape", "one of {round, square-ish}", "'SQUARE'"));
    }

    @Test
    void enumChoicesMustBeTheEnumsIds() {
        assertThatThrownBy(() -> new ParamSpec("shape", ParamType.CHOICE, "round", Double.NaN, false, Double.NaN, false,
                List.of("round"), "shape", Shape.class, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ids of");
    }

    @Test
    void distancesAcceptWhatDistanceByIdAcceptsAndKeepTheText() {
        assertThat(METRIC.domain())
                .isEqualTo("one of {sqeuclidean, euclidean, manhattan, chebyshev, minkowski:P, cosine, inner_product}");
        assertThat(METRIC.defaultValue()).isEqualTo("euclidean");
        assertThat(ParamBinder.defaults("toy", SPECS).getDistance("metric")).isEqualTo(Distance.EUCLIDEAN);
        Params p = ParamBinder.bind("toy", SPECS, Map.of("metric", "L1"));
        assertThat(p.getDistance("metric")).isEqualTo(Distance.MANHATTAN);
        assertThat(p.asMap()).containsEntry("metric", "L1");
        assertThat(ParamBinder.bind("toy", SPECS, Map.of("metric", "minkowski:3")).getDistance("metric"))
                .isEqualTo(Distance.minkowski(3));
        assertThat(refused(Map.of("metric", "hamming")).violations()).containsExactly("parameter 'metric' of toy must be one of "
                + "{sqeuclidean, euclidean, manhattan, chebyshev, minkowski:P, cosine, inner_product}; got 'hamming'");
        assertThat(refused(Map.of("metric", "minkowski:0.5")).problems()).extracting(ParamViolation::parameter)
                .containsExactly("metric");
    }

    @Test
    void aSentinelIsAllowedBesideTheRangeAndNamedInTheDomain() {
        assertThat(MIN_SIZE.domain()).isEqualTo("0 (= k) or an integer in [2, inf)");
        assertThat(ParamBinder.bind("toy", SPECS, Map.of("min_size", 0)).getInt("min_size")).isZero();
        assertThat(ParamBinder.bind("toy", SPECS, Map.of("min_size", "2")).getInt("min_size")).isEqualTo(2);
        assertThat(refused(Map.of("min_size", 1)).violations())
                .containsExactly("parameter 'min_size' of toy must be 0 (= k) or an integer in [2, inf); got 1");
        assertThatThrownBy(() -> K.withSentinel(5, "inside")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void violationsAreDataWithTheSameMessages() {
        List<ParamSpec> specs = List.of(ParamSpec.real("eps", null, 0, false, Double.POSITIVE_INFINITY, false, "radius"), K);
        ParameterException e = null;
        try {
            ParamBinder.bind("dbscan", specs, Map.of("k", 0, "kk", 1));
        } catch (ParameterException thrown) {
            e = thrown;
        }
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(ParamViolation::parameter).containsExactly("kk", "eps", "k");
        assertThat(e.problems()).extracting(ParamViolation::message).isEqualTo(e.violations());
        assertThat(e.violations()).containsExactly(
                "unknown parameter 'kk' of dbscan; did you mean 'k'? (known: eps, k)",
                "parameter 'eps' of dbscan is required: a real number in (0, inf)",
                "parameter 'k' of dbscan must be an integer in [1, inf); got 0");
        ParamViolation unknown = e.problems().get(0);
        assertThat(unknown).isInstanceOf(ParamViolation.Unknown.class);
        assertThat(unknown.expected()).isEqualTo("one of {eps, k}");
        assertThat(unknown.found()).isEqualTo("kk");
        ParamViolation missing = e.problems().get(1);
        assertThat(missing).isEqualTo(new ParamViolation.Missing("dbscan", "eps", "a real number in (0, inf)"));
        assertThat(missing.found()).isEqualTo("nothing");
        assertThat(e.problems().get(2)).isEqualTo(new ParamViolation.Invalid("dbscan", "k", "an integer in [1, inf)", "0"));
        assertThat(new ParamViolation.Unknown("standardize", "with_mean", List.of()).message())
                .isEqualTo("unknown parameter 'with_mean' of standardize (it takes no parameters)");
    }

    @Test
    void checkAppliesTheSameRulesToValuesBuiltInCode() {
        assertThat(ParamBinder.check("toy", SPECS, 3, Shape.ROUND, Distance.COSINE, 0)).isEmpty();
        assertThat(ParamBinder.check("toy", SPECS, 0, null, null, 1)).extracting(ParamViolation::message).containsExactly(
                "parameter 'k' of toy must be an integer in [1, inf); got 0",
                "parameter 'shape' of toy must be one of {round, square-ish}; got null",
                "parameter 'metric' of toy must be one of {sqeuclidean, euclidean, manhattan, chebyshev, minkowski:P, cosine, "
                        + "inner_product}; got null",
                "parameter 'min_size' of toy must be 0 (= k) or an integer in [2, inf); got 1");
        List<ParamSpec> reals = List.of(ParamSpec.real("tol", 1e-4, 0, true, Double.POSITIVE_INFINITY, false, "tolerance"));
        assertThat(ParamBinder.check("toy", reals, Double.NaN)).extracting(ParamViolation::message)
                .containsExactly("parameter 'tol' of toy must be a real number in [0, inf); got NaN");
        assertThatThrownBy(() -> ParamBinder.validate("toy", reals, -1.0))
                .isInstanceOf(ParameterException.class)
                .hasMessage("parameter 'tol' of toy must be a real number in [0, inf); got -1.0");
    }

    @Test
    void checkRefusesValuesOutOfPlace() {
        assertThatThrownBy(() -> ParamBinder.check("toy", SPECS, Shape.ROUND, 3, Distance.COSINE, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order of the specs");
        assertThatThrownBy(() -> ParamBinder.check("toy", SPECS, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOldFormStillBuildsPlainSpecs() {
        ParamSpec plain = new ParamSpec("n", ParamType.INTEGER, 1L, 0, true, 10, true, List.of(), "count");
        assertThat(plain.valueType()).isEqualTo(Long.class);
        assertThat(plain.sentinel()).isNull();
        assertThat(plain).isEqualTo(ParamSpec.integer("n", 1L, 0, 10, "count"));
        assertThat(ParamBinder.bind("toy", List.of(plain), Map.of("n", 10)).getLong("n")).isEqualTo(10);
    }

    @Test
    @SuppressWarnings("deprecation")
    void messagesOnlyExceptionsStillWork() {
        ParameterException e = new ParameterException(List.of("parameter 'x' of y must be z; got w"));
        assertThat(e.violations()).containsExactly("parameter 'x' of y must be z; got w");
        assertThat(e.problems()).isEmpty();
        assertThatThrownBy(() -> ParameterException.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
