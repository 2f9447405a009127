package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.DataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writing and reading the steps' saved states ({@code FittedPreprocessor.state()},
 * {@code Preprocessor.restore}). Every state is a map with the step id under {@code step} and the
 * fitted feature names under {@code features}, then the step's own values. Numbers are written as
 * {@code Double}s, which a JSON round trip gives back bit for bit, and read as any {@code Number}, since
 * a JSON reader may give back a whole value such as {@code 1.0} as an {@code Integer}.
 *
 * <p>A reader names the step and the key in every error, e.g.
 * {@code standardize: saved state: 'scale' has 3 values for 4 features}.
 */
final class SavedState {
    static final String STEP = "step";
    static final String FEATURES = "features";

    private final String step;
    private final Map<String, Object> state;
    private final List<String> features;

    private SavedState(String step, Map<String, Object> state, List<String> features) {
        this.step = step;
        this.state = state;
        this.features = features;
    }

    /**
     * Starts a state; the caller adds the step's own values.
     *
     * @param step step id
     * @param features the feature names seen by {@code fit}
     * @return a mutable map, in insertion order so that a saved file reads step, features, values
     */
    static Map<String, Object> start(String step, List<String> features) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put(STEP, step);
        state.put(FEATURES, List.copyOf(features));
        return state;
    }

    /**
     * @param state a state
     * @return a copy without the step id: what a restored step reports as its summary, since the fit's
     *         other statistics (a variance, the explained variance) are not saved
     */
    static Map<String, Object> summaryOf(Map<String, Object> state) {
        Map<String, Object> summary = new LinkedHashMap<>(state);
        summary.remove(STEP);
        return summary;
    }

    /**
     * @param values doubles
     * @return them as a JSON-friendly list (also the summaries' encoding)
     */
    static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return List.copyOf(out);
    }

    /**
     * @param values booleans
     * @return them as a JSON-friendly list
     */
    static List<Boolean> list(boolean[] values) {
        List<Boolean> out = new ArrayList<>(values.length);
        for (boolean v : values) {
            out.add(v);
        }
        return List.copyOf(out);
    }

    /**
     * Opens a state for reading, checking that it is one of this step's and has its feature names.
     *
     * @param step the id of the step restoring it
     * @param state the saved state
     * @return a reader
     * @throws DataException if the state is missing, of another step, or has no list of feature names
     */
    static SavedState read(String step, Map<String, Object> state) {
        if (state == null) {
            throw new DataException(step + ": saved state: expected a map; got nothing");
        }
        SavedState reader = new SavedState(step, state, List.of());
        Object id = reader.require(STEP);
        if (!step.equals(id)) {
            throw reader.error("'" + STEP + "' is " + describe(id) + "; expected \"" + step + "\"");
        }
        List<?> names = reader.requireList(FEATURES);
        List<String> features = new ArrayList<>(names.size());
        for (int j = 0; j < names.size(); j++) {
            if (!(names.get(j) instanceof String name)) {
                throw reader.error("'" + FEATURES + "' item " + (j + 1) + " must be a name; got " + describe(names.get(j)));
            }
            features.add(name);
        }
        return new SavedState(step, state, List.copyOf(features));
    }

    /** @return the fitted feature names */
    List<String> features() {
        return features;
    }

    /**
     * @param key a key the step needs
     * @return its value
     * @throws DataException if the state has no such key
     */
    Object require(String key) {
        Object value = state.get(key);
        if (value == null) {
            throw error("missing '" + key + "'");
        }
        return value;
    }

    /**
     * @param key a key holding one number per feature
     * @return the numbers
     * @throws DataException if the key is missing, not a list of numbers, or of another length than the features
     */
    double[] perFeature(String key) {
        return doubles(requireList(key), "'" + key + "'");
    }

    /**
     * @param key a key holding one or more lists of one number per feature (PCA's components)
     * @return the rows
     * @throws DataException if the key is missing or empty, or a row is not a list of one number per feature
     */
    double[][] perFeatureRows(String key) {
        List<?> rows = requireList(key);
        if (rows.isEmpty()) {
            throw error("'" + key + "' has no rows; expected at least 1");
        }
        double[][] out = new double[rows.size()][];
        for (int r = 0; r < out.length; r++) {
            String what = "'" + key + "' row " + (r + 1);
            if (!(rows.get(r) instanceof List<?> row)) {
                throw error(what + " must be a list of numbers; got " + describe(rows.get(r)));
            }
            out[r] = doubles(row, what);
        }
        return out;
    }

    /**
     * @param key a key holding one boolean per feature
     * @return the booleans
     * @throws DataException if the key is missing, not a list of booleans, or of another length than the features
     */
    boolean[] perFeatureFlags(String key) {
        List<?> values = requireList(key);
        checkLength(values, "'" + key + "'");
        boolean[] out = new boolean[values.size()];
        for (int j = 0; j < out.length; j++) {
            if (!(values.get(j) instanceof Boolean b)) {
                throw error("'" + key + "' item " + (j + 1) + " must be true or false; got " + describe(values.get(j)));
            }
            out[j] = b;
        }
        return out;
    }

    /**
     * @param detail what is wrong
     * @return the exception to throw, prefixed with the step
     */
    DataException error(String detail) {
        return new DataException(step + ": saved state: " + detail);
    }

    private List<?> requireList(String key) {
        Object value = require(key);
        if (!(value instanceof List<?> list)) {
            throw error("'" + key + "' must be a list; got " + describe(value));
        }
        return list;
    }

    private double[] doubles(List<?> values, String what) {
        checkLength(values, what);
        double[] out = new double[values.size()];
        for (int j = 0; j < out.length; j++) {
            if (!(values.get(j) instanceof Number x)) {
                throw error(what + " item " + (j + 1) + " must be a number; got " + describe(values.get(j)));
            }
            out[j] = x.doubleValue();
        }
        return out;
    }

    private void checkLength(List<?> values, String what) {
        if (values.size() != features.size()) {
            throw error(what + " has " + values.size() + (values.size() == 1 ? " value" : " values") + " for "
                    + features.size() + (features.size() == 1 ? " feature" : " features"));
        }
    }

    private static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
