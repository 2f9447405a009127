package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted step that maps each value on its own, column by column ({@code x -> f_j(x)}), keeping
 * the number and names of the columns: the scalers and the imputer.
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

    private final String step;
    private final List<String> fittedNames;
    private final boolean acceptsMissing;
    private final ValueFunction function;
    private final Map<String, Object> summary;

    /**
     * @param step step id
     * @param fittedNames the feature names seen by {@code fit}
     * @param acceptsMissing whether NaN may come in (the imputer)
     * @param function the per-column function
     * @param summary what was fitted
     */
    ColumnMap(String step, List<String> fittedNames, boolean acceptsMissing, ValueFunction function, Map<String, Object> summary) {
        this.step = step;
        this.fittedNames = List.copyOf(fittedNames);
        this.acceptsMissing = acceptsMissing;
        this.function = function;
        this.summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    @Override
    public Dataset apply(Dataset data) {
        Columns.requireColumns(step, fittedNames, data);
        if (!acceptsMissing) {
            Columns.requireNoMissing(step, data);
        }
        int d = data.d();
        float[] in = data.data();
        float[] out = new float[in.length]; // never written into the input: its array is shared
        for (int i = 0; i < in.length; i += d) {
            for (int j = 0; j < d; j++) {
                out[i + j] = (float) function.apply(j, in[i + j]);
            }
        }
        return data.withValues(d, out, data.featureNames());
    }

    @Override
    public Map<String, Object> summary() {
        return summary;
    }

    @Override
    public String toString() {
        return step + summary;
    }
}
