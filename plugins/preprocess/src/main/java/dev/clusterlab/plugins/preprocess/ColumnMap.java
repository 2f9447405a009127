package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted step that maps each value on its own, column by column ({@code x -> f_j(x)}), keeping
 * the number and names of the columns: the scalers and the imputer.
 *
 * <p>The step's {@link Kind} names its per-column parameters (say {@code mean} and {@code scale}) and
 * says how they make the function; this class holds the fitted values explicitly, so that it saves and
 * restores every such step the same way: its state is {@code step}, {@code features}, then each
 * parameter as a list of one number per feature. A restored map runs the same function on the same
 * doubles, hence gives bit-identical output.
 */
final class ColumnMap implements FittedPreprocessor {
    /** The per-column function, evaluated in double. */
    @FunctionalInterface
    interface ValueFunction {
        /**
         * @param column 0-based column
         * @param x the value (NaN only for the imputer)
         * @return the transformed value
         */
        double apply(int column, double x);
    }

    /** How a step's fitted parameters make its per-column function. */
    @FunctionalInterface
    interface Formula {
        /**
         * @param parameters the fitted values, in the order of {@link Kind#parameters()}, each one per column
         * @return the function
         */
        ValueFunction of(double[][] parameters);
    }

    /**
     * One step that is a column map, and what it saves.
     *
     * @param step step id
     * @param acceptsMissing whether NaN may come in (the imputer)
     * @param parameters the names of the per-column parameters, as the state and the summary spell them
     * @param formula how they make the function
     */
    record Kind(String step, boolean acceptsMissing, List<String> parameters, Formula formula) {
        /** Copies the names. */
        Kind {
            parameters = List.copyOf(parameters);
        }

        /**
         * @param fittedNames the feature names seen by {@code fit}
         * @param summary what was fitted, for reports (often more than the parameters)
         * @param values one array per parameter, in the order of {@link #parameters()}, each one value per feature
         * @return the fitted step
         */
        ColumnMap fitted(List<String> fittedNames, Map<String, Object> summary, double[]... values) {
            if (values.length != parameters.size()) {
                throw new IllegalArgumentException(step + ": expected values for " + parameters + "; got " + values.length + " arrays");
            }
            for (double[] v : values) {
                if (v.length != fittedNames.size()) {
                    throw new IllegalArgumentException(step + ": expected " + fittedNames.size() + " values per parameter; got " + v.length);
                }
            }
            return new ColumnMap(this, fittedNames, values, summary);
        }

        /**
         * @param state what {@link ColumnMap#state()} gave
         * @return the fitted step; its summary is the state without the step id (the fit's other
         *         statistics, such as a variance, are not saved)
         * @throws dev.clusterlab.api.DataException naming the key at fault
         */
        ColumnMap restore(Map<String, Object> state) {
            SavedState saved = SavedState.read(step, state);
            double[][] values = new double[parameters.size()][];
            for (int p = 0; p < values.length; p++) {
                values[p] = saved.perFeature(parameters.get(p));
            }
            return new ColumnMap(this, saved.features(), values, null);
        }
    }

    private final Kind kind;
    private final List<String> fittedNames;
    private final double[][] values;
    private final ValueFunction function;
    private final Map<String, Object> summary;

    /**
     * @param kind the step
     * @param fittedNames the feature names seen by {@code fit}
     * @param values the per-column parameters (not copied: fit and restore hand over new arrays)
     * @param summary what was fitted, or null for a restored step, which reports its saved values
     */
    private ColumnMap(Kind kind, List<String> fittedNames, double[][] values, Map<String, Object> summary) {
        this.kind = kind;
        this.fittedNames = List.copyOf(fittedNames);
        this.values = values;
        this.function = kind.formula().of(values);
        this.summary = Collections.unmodifiableMap(summary != null ? new LinkedHashMap<>(summary) : SavedState.summaryOf(encode()));
    }

    @Override
    public Dataset apply(Dataset data) {
        Columns.requireColumns(kind.step(), fittedNames, data);
        if (!kind.acceptsMissing()) {
            Columns.requireNoMissing(kind.step(), data);
        }
        int d = data.d();
        float[] in = data.data();
        float[] out = new float[in.length]; // never written into the input: its array is shared
        // A categorical column's codes are not quantities: a scaler passes them through, only the
        // imputer (which fills a missing code with the most frequent one) maps them.
        boolean[] mapped = new boolean[d];
        for (int j = 0; j < d; j++) {
            mapped[j] = kind.acceptsMissing() || !data.isCategorical(j);
        }
        for (int i = 0; i < in.length; i += d) {
            for (int j = 0; j < d; j++) {
                out[i + j] = mapped[j] ? (float) function.apply(j, in[i + j]) : in[i + j];
            }
        }
        return data.withValues(d, out, data.featureNames()).withCategorical(data.categoricalLevels());
    }

    /**
     * @param data the dataset a step was fitted on
     * @return the names of its categorical columns, which a scaler passes through (for the summary)
     */
    static List<String> passedThrough(Dataset data) {
        return java.util.Arrays.stream(data.categoricalColumns()).mapToObj(j -> data.featureNames().get(j)).toList();
    }

    @Override
    public Map<String, Object> summary() {
        return summary;
    }

    @Override
    public Optional<Map<String, Object>> state() {
        return Optional.of(Collections.unmodifiableMap(encode()));
    }

    /** @return {@code step}, {@code features} and each parameter, one number per feature */
    private Map<String, Object> encode() {
        Map<String, Object> state = SavedState.start(kind.step(), fittedNames);
        for (int p = 0; p < values.length; p++) {
            state.put(kind.parameters().get(p), SavedState.list(values[p]));
        }
        return state;
    }

    @Override
    public String toString() {
        return kind.step() + summary;
    }
}
