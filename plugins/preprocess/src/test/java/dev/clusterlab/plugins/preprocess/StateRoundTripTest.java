package dev.clusterlab.plugins.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * state() and restore() for every step: a state taken through JSON and restored gives the fitted
 * step's output bit for bit, on its training rows and on new ones; a malformed state is refused with
 * a message naming the key.
 *
 * <p>jackson-databind is not a test dependency of this module, so {@link #throughJson} does what
 * writing JSON text and reading it back does to the values: every number becomes the {@code Double} of
 * its shortest decimal text, every list an {@code ArrayList}, every map a {@code LinkedHashMap}.
 */
class StateRoundTripTest {
    private static final List<String> NAMES = List.of("tiny", "big", "flat", "signed", "third");

    /** Scales 1e-3 and 1e3, a constant column, negatives, and values with no short decimal form (1/3). */
    private static final Dataset TRAIN = Dataset.of("train", 6, 5, new float[] {
        0.0012f, 1520.5f, 7, -3.7f, 1f / 3,
        -0.0034f, 980.25f, 7, 2.2f, 2f / 3,
        0.0007f, 2210.75f, 7, 0.1f, 0.1f,
        0.0051f, 1333.3f, 7, -1.3f, 0.7f,
        -0.0009f, 870.1f, 7, 4.9f, 0.9f,
        0.0023f, 1999.9f, 7, -0.6f, 0.2f}, NAMES, null);

    /** New rows, outside the fitted ranges, with the constant column varying. */
    private static final Dataset FRESH = Dataset.of("fresh", 3, 5, new float[] {
        0.01f, -50, 8, 10, -1f / 7,
        0, 0, 0, 0, 0,
        0.0015f, 1500.125f, 7, 0.5f, 0.45f}, NAMES, null);

    /** Missing values in three columns; one column's present values are constant. */
    private static final Dataset HOLES = Dataset.withMissingValues("holes", 5, 4, new float[] {
        1.5f, Float.NaN, 3, 0.1f,
        Float.NaN, 10.1f, 3, 0.2f,
        2.25f, 30.7f, Float.NaN, 0.3f,
        4, 20.3f, 3, 0.4f,
        Float.NaN, 40.9f, 3, 0.5f}, List.of("a", "b", "c", "d"), null);

    private static final Dataset HOLES_FRESH = Dataset.withMissingValues("holes_fresh", 2, 4, new float[] {
        Float.NaN, Float.NaN, Float.NaN, Float.NaN,
        -7, 1e6f, 2.5f, Float.NaN}, List.of("a", "b", "c", "d"), null);

    /**
     * @param step step id
     * @param params raw parameters
     * @param train the rows to fit on
     * @param fresh new rows with the same columns
     */
    record Case(String step, Map<String, ?> params, Dataset train, Dataset fresh) {
        @Override
        public String toString() {
            return step + (params.isEmpty() ? "" : " " + params);
        }

        FittedPreprocessor fit() {
            return Steps.fit(step, train, params);
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("standardize", Map.of(), TRAIN, FRESH),
                new Case("minmax", Map.of(), TRAIN, FRESH),
                new Case("minmax", Map.of("feature_range_min", -1, "feature_range_max", 2.5), TRAIN, FRESH),
                new Case("maxabs", Map.of(), TRAIN, FRESH),
                new Case("robust", Map.of(), TRAIN, FRESH),
                new Case("robust", Map.of("quantile_range_min", 10, "quantile_range_max", 90), TRAIN, FRESH),
                new Case("impute", Map.of(), HOLES, HOLES_FRESH),
                new Case("impute", Map.of("strategy", "median"), HOLES, HOLES_FRESH),
                new Case("drop_constant", Map.of(), TRAIN, FRESH),
                new Case("pca", Map.of("n_components", 2), TRAIN, FRESH),
                new Case("pca", Map.of("n_components", 0.9), TRAIN, FRESH));
    }

    /** One case per step, for the malformed states. */
    static List<Case> oneCasePerStep() {
        Map<String, Case> first = new LinkedHashMap<>();
        cases().forEach(c -> first.putIfAbsent(c.step(), c));
        return List.copyOf(first.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRestoredStepAppliesBitForBit(Case c) {
        FittedPreprocessor fitted = c.fit();
        Map<String, Object> state = fitted.state().orElseThrow();
        assertThat(state).containsEntry("step", c.step()).containsEntry("features", c.train().featureNames());
        assertJsonFriendly(state);

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) throughJson(state);
        FittedPreprocessor restored = Steps.byId(c.step()).restore(json).orElseThrow();
        // Another writer may give a whole number back as an integer (1 for 1.0): also accepted.
        @SuppressWarnings("unchecked")
        Map<String, Object> integers = (Map<String, Object>) wholeNumbersAsIntegers(json);
        FittedPreprocessor fromIntegers = Steps.byId(c.step()).restore(integers).orElseThrow();

        for (Dataset data : List.of(c.train(), c.fresh())) {
            Dataset expected = fitted.apply(data);
            for (FittedPreprocessor r : List.of(restored, fromIntegers)) {
                Dataset got = r.apply(data);
                assertThat(got.featureNames()).as(data.name()).isEqualTo(expected.featureNames());
                assertThat(got.n()).isEqualTo(expected.n());
                assertThat(bits(got.data())).as("%s on %s, bit for bit", c, data.name()).isEqualTo(bits(expected.data()));
            }
        }
        assertThat(restored.state()).as("saved again").contains(state);
        assertThat(fitted.summary()).as("a restored step reports its saved values as the fit did")
                .containsAllEntriesOf(restored.summary());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneCasePerStep")
    void aRestoredStepStillChecksItsColumns(Case c) {
        FittedPreprocessor restored = Steps.byId(c.step()).restore(c.fit().state().orElseThrow()).orElseThrow();
        int d = c.train().d();
        Dataset narrow = Dataset.of("narrow", new float[][] {{1, 2}, {3, 4}});
        assertThatThrownBy(() -> restored.apply(narrow))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll(c.step(), "'narrow'", "expected " + d + " columns",
                        "(" + String.join(", ", c.train().featureNames()) + ")", "got 2");
        if (!Steps.byId(c.step()).descriptor().imputes()) {
            float[] holes = new float[d];
            holes[1] = Float.NaN;
            Dataset missing = Dataset.withMissingValues("missing", 1, d, holes, c.train().featureNames(), null);
            assertThatThrownBy(() -> restored.apply(missing)).isInstanceOf(DataException.class).hasMessageContaining("missing values");
        }
    }

    @Test
    void theStatesHoldWhatApplyNeeds() {
        assertThat(Steps.fit("standardize", TRAIN, Map.of()).state().orElseThrow())
                .containsOnlyKeys("step", "features", "mean", "scale");
        assertThat(Steps.fit("minmax", TRAIN, Map.of()).state().orElseThrow())
                .containsOnlyKeys("step", "features", "scale", "offset");
        assertThat(Steps.fit("maxabs", TRAIN, Map.of()).state().orElseThrow())
                .containsOnlyKeys("step", "features", "scale").containsEntry("scale", List.of(0.0051f + 0.0, 2210.75, 7.0, 4.9f + 0.0, 0.9f + 0.0));
        assertThat(Steps.fit("robust", TRAIN, Map.of()).state().orElseThrow())
                .containsOnlyKeys("step", "features", "center", "scale");
        assertThat(Steps.fit("impute", HOLES, Map.of()).state().orElseThrow())
                .containsOnlyKeys("step", "features", "statistics");
        assertThat(Steps.fit("drop_constant", TRAIN, Map.of()).state().orElseThrow())
                .containsOnlyKeys("step", "features", "keep").containsEntry("keep", List.of(true, true, false, true, true));
        Map<String, Object> pca = Steps.fit("pca", TRAIN, Map.of("n_components", 2)).state().orElseThrow();
        assertThat(pca).containsOnlyKeys("step", "features", "mean", "components");
        assertThat((List<?>) pca.get("components")).hasSize(2).allSatisfy(row -> assertThat((List<?>) row).hasSize(5));
    }

    @Test
    void aRestoredDropConstantReportsTheSameSummary() {
        FittedPreprocessor fitted = Steps.fit("drop_constant", TRAIN, Map.of());
        FittedPreprocessor restored = new DropConstant().restore(fitted.state().orElseThrow()).orElseThrow();
        assertThat(restored.summary()).isEqualTo(fitted.summary()).containsEntry("dropped", List.of("flat"));
    }

    private static void assertRejected(Case c, Consumer<Map<String, Object>> change, String... fragments) {
        Map<String, Object> state = new LinkedHashMap<>(c.fit().state().orElseThrow());
        change.accept(state);
        assertThatThrownBy(() -> Steps.byId(c.step()).restore(state))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(c.step() + ": saved state: ")
                .hasMessageContainingAll(fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneCasePerStep")
    void aStateOfAnotherStepOrWithoutOneIsRefused(Case c) {
        assertRejected(c, s -> s.put("step", "other"), "'step'", "\"other\"", "expected \"" + c.step() + "\"");
        assertRejected(c, s -> s.remove("step"), "missing 'step'");
        assertThatThrownBy(() -> Steps.byId(c.step()).restore(null))
                .isInstanceOf(DataException.class).hasMessageContaining(c.step() + ": saved state: expected a map");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneCasePerStep")
    void everyKeyIsRequired(Case c) {
        for (String key : c.fit().state().orElseThrow().keySet()) {
            assertRejected(c, s -> s.remove(key), "missing '" + key + "'");
            assertRejected(c, s -> s.put(key, "text"), "'" + key + "'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneCasePerStep")
    void everyPerFeatureListMustHaveOneValuePerFeature(Case c) {
        Map<String, Object> state = c.fit().state().orElseThrow();
        int d = c.train().d();
        for (Map.Entry<String, Object> e : state.entrySet()) {
            String key = e.getKey();
            if (key.equals("features") || !(e.getValue() instanceof List<?> list)) {
                continue;
            }
            if (key.equals("components")) {
                assertRejected(c, s -> s.put(key, List.of(list.get(0), shorter((List<?>) list.get(1)))),
                        "'components' row 2 has " + (d - 1) + " values for " + d + " features");
                assertRejected(c, s -> s.put(key, List.of()), "'components' has no rows");
                assertRejected(c, s -> s.put(key, List.of(5.0)), "'components' row 1 must be a list");
                continue;
            }
            assertRejected(c, s -> s.put(key, shorter(list)), "'" + key + "' has " + (d - 1) + " values for " + d + " features");
            List<Object> wrongItem = new ArrayList<>(list);
            wrongItem.set(1, "x");
            assertRejected(c, s -> s.put(key, wrongItem), "'" + key + "' item 2 must be", "\"x\"");
        }
        // One feature fewer: the first per-feature value no longer agrees.
        assertRejected(c, s -> s.put("features", shorter(c.train().featureNames())), "values for " + (d - 1) + " features");
        assertRejected(c, s -> s.put("features", List.of("a", 7)), "'features' item 2 must be a name");
    }

    @Test
    void theMessageSaysWhichKeyHasHowManyValues() {
        Map<String, Object> state = new LinkedHashMap<>(Steps.fit("standardize", TRAIN, Map.of()).state().orElseThrow());
        state.put("scale", List.of(1.0, 2.0, 3.0, 4.0));
        assertThatThrownBy(() -> new Standardize().restore(state))
                .isInstanceOf(DataException.class)
                .hasMessage("standardize: saved state: 'scale' has 4 values for 5 features");
    }

    @Test
    void dropConstantRefusesAStateThatKeepsNothing() {
        Map<String, Object> state = new LinkedHashMap<>(Steps.fit("drop_constant", TRAIN, Map.of()).state().orElseThrow());
        state.put("keep", List.of(false, false, false, false, false));
        assertThatThrownBy(() -> new DropConstant().restore(state))
                .isInstanceOf(DataException.class)
                .hasMessage("drop_constant: saved state: 'keep' keeps none of the 5 features; expected at least one");
    }

    private static List<Object> shorter(List<?> list) {
        return new ArrayList<>(list.subList(0, list.size() - 1));
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    /** Only what JSON holds, numbers as doubles. */
    private static void assertJsonFriendly(Object v) {
        switch (v) {
            case List<?> list -> list.forEach(StateRoundTripTest::assertJsonFriendly);
            case Map<?, ?> map -> map.forEach((k, x) -> {
                assertThat(k).isInstanceOf(String.class);
                assertJsonFriendly(x);
            });
            case Double x -> assertThat(x).isFinite();
            default -> assertThat(v).isInstanceOfAny(String.class, Boolean.class);
        }
    }

    /** What writing JSON text and reading it back gives. */
    static Object throughJson(Object v) {
        return switch (v) {
            case Number x -> Double.parseDouble(Double.toString(x.doubleValue()));
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(x -> out.add(throughJson(x)));
                yield out;
            }
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, x) -> out.put((String) k, throughJson(x)));
                yield out;
            }
            case String s -> s;
            case Boolean b -> b;
            default -> throw new AssertionError("not a JSON value: " + v.getClass().getName());
        };
    }

    /** Whole doubles as Integer or Long, as a reader of {@code 1} instead of {@code 1.0} gives them (-0.0 stays). */
    static Object wholeNumbersAsIntegers(Object v) {
        return switch (v) {
            case Double x when x == Math.rint(x) && Math.abs(x) < 0x1p53 && !(x == 0 && 1 / x < 0) ->
                    Math.abs(x) <= Integer.MAX_VALUE ? (Object) (int) (double) x : (Object) (long) (double) x;
            case List<?> list -> list.stream().map(StateRoundTripTest::wholeNumbersAsIntegers).toList();
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, x) -> out.put((String) k, wholeNumbersAsIntegers(x)));
                yield out;
            }
            default -> v;
        };
    }
}
