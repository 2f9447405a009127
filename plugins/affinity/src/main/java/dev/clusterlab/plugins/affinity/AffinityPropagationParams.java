package dev.clusterlab.plugins.affinity;

import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamChoice;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParamViolation;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.param.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The validated parameters of {@link AffinityPropagationAlgorithm}, with scikit-learn 1.2.1's
 * {@code AffinityPropagation} names, defaults and ranges. {@link #SPECS} is the single source of
 * names, defaults, ranges and descriptions. The seed of scikit-learn's {@code random_state} (the tiny
 * noise that breaks ties) is the run's seed.
 *
 * @param damping how much of the previous message each update keeps, in {@code [0.5, 1)}
 * @param maxIter the most iterations, at least 1
 * @param convergenceIter the fit has converged once no point's exemplar status changed for this many
 *     iterations, at least 1
 * @param preference {@code "median"} (the median of all similarities, scikit-learn's default) or a
 *     number: every point's preference for being an exemplar; larger gives more clusters
 * @param preferenceColumn the name of a feature column holding each point's own preference (scikit-learn's
 *     array {@code preference}); the column is then not a feature. Empty: not used
 * @param affinity {@link Affinity#EUCLIDEAN} (negative squared distances) or {@link Affinity#PRECOMPUTED}
 * @since 0.2
 */
public record AffinityPropagationParams(double damping, int maxIter, int convergenceIter, String preference,
                                        String preferenceColumn, Affinity affinity) implements AlgorithmParams {
    private static final String OWNER = AffinityPropagationAlgorithm.ID;
    /** The word of {@link #preference} that asks for the median similarity. */
    public static final String MEDIAN = "median";

    /**
     * Where the similarities come from.
     *
     * @since 0.2
     */
    public enum Affinity implements ParamChoice {
        /** {@code s(i, k) = -|x_i - x_k|^2}, from the features. */
        EUCLIDEAN("euclidean"),
        /** The dataset is the {@code n x n} similarity matrix itself (row {@code i}, column {@code k}: {@code s(i, k)}). */
        PRECOMPUTED("precomputed");

        private final String id;

        Affinity(String id) {
            this.id = id;
        }

        /** @return the word used in YAML and on the command line @since 0.2 */
        @Override
        public String id() {
            return id;
        }
    }

    private static final ParamSpec DAMPING = ParamSpec.real("damping", 0.5, 0.5, true, 1, false,
            "share of the previous message kept in each update, in [0.5, 1); raise it when the fit oscillates");
    private static final ParamSpec MAX_ITER = ParamSpec.intAtLeast("max_iter", 200, 1, "most iterations");
    private static final ParamSpec CONVERGENCE_ITER = ParamSpec.intAtLeast("convergence_iter", 15, 1,
            "converged once no point's exemplar status changed for this many iterations");
    private static final ParamSpec PREFERENCE = ParamSpec.text("preference", MEDIAN,
            "each point's preference for being an exemplar: 'median' (of all similarities) or a number; "
                    + "larger gives more clusters");
    private static final ParamSpec PREFERENCE_COLUMN = ParamSpec.text("preference_column", "",
            "name of a feature column with each point's own preference (then not a feature); empty: not used");
    private static final ParamSpec AFFINITY = ParamSpec.choice("affinity", Affinity.class, Affinity.EUCLIDEAN,
            "similarities: euclidean (negative squared distances) or precomputed (the data is the n x n similarity matrix)");

    /** Every parameter, in the order help shows them. @since 0.2 */
    public static final List<ParamSpec> SPECS = List.of(DAMPING, MAX_ITER, CONVERGENCE_ITER, PREFERENCE, PREFERENCE_COLUMN,
            AFFINITY);

    /** Checks every value against {@link #SPECS} and the form of {@code preference}, naming each violation. */
    public AffinityPropagationParams {
        List<ParamViolation> problems = new ArrayList<>(ParamBinder.check(OWNER, SPECS, damping, maxIter, convergenceIter,
                preference, preferenceColumn, affinity));
        if (preference != null && !preference.strip().equals(MEDIAN) && parseNumber(preference.strip()) == null) {
            problems.add(new ParamViolation.Invalid(OWNER, PREFERENCE.name(), "'median' or a finite number", "'" + preference + "'"));
        }
        if (!problems.isEmpty()) {
            throw ParameterException.of(problems);
        }
        preference = preference.strip();
        preferenceColumn = preferenceColumn.strip();
    }

    /**
     * scikit-learn's defaults: damping 0.5, 200 iterations, convergence after 15, the median preference,
     * euclidean similarities.
     *
     * @since 0.2
     */
    public AffinityPropagationParams() {
        this(0.5, 200, 15, MEDIAN, "", Affinity.EUCLIDEAN);
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.2
     */
    public static AffinityPropagationParams from(Params p) {
        return new AffinityPropagationParams(p.getDouble(DAMPING.name()), p.getInt(MAX_ITER.name()),
                p.getInt(CONVERGENCE_ITER.name()), p.getString(PREFERENCE.name()), p.getString(PREFERENCE_COLUMN.name()),
                p.getEnum(AFFINITY.name(), Affinity.class));
    }

    /** @return the one preference given as a number, or empty for the median @since 0.2 */
    public OptionalDouble fixedPreference() {
        Double v = parseNumber(preference);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** @return the same parameters with another preference ({@code "median"} or a number) @since 0.2 */
    public AffinityPropagationParams withPreference(String newPreference) {
        return new AffinityPropagationParams(damping, maxIter, convergenceIter, newPreference, preferenceColumn, affinity);
    }

    private static Double parseNumber(String s) {
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return the algorithm's id @since 0.2 */
    @Override
    public String algorithmId() {
        return OWNER;
    }

    /** @return every parameter by its spec name, in spec order @since 0.2 */
    @Override
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(DAMPING.name(), damping);
        values.put(MAX_ITER.name(), maxIter);
        values.put(CONVERGENCE_ITER.name(), convergenceIter);
        values.put(PREFERENCE.name(), preference);
        values.put(PREFERENCE_COLUMN.name(), preferenceColumn);
        values.put(AFFINITY.name(), affinity.id());
        return values;
    }
}
