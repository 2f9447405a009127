package dev.clusterlab.api.algorithm;

import dev.clusterlab.api.DataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the JSON-friendly state of a saved model ({@link ClusterModel#state()}), so that
 * every plugin checks a model file the same way and names what is wrong the same way: each problem is
 * a {@link DataException} starting with {@code "<algorithm> model state: "} and naming the key, the
 * row and the column, what was expected and what was found.
 *
 * {@snippet :
 * // writing
 * state.put("centroids", ModelState.rows(centroids, k, d));
 * // reading
 * ModelState s = ModelState.read("kmeans", state, "clusterlab-kmeans-model", 1);
 * ModelState.Rows c = s.rows("centroids");
 * s.checkCount("k", c.count(), "rows of 'centroids'");
 * }
 *
 * @since 0.2
 */
public final class ModelState {
    private final String where;
    private final Map<String, Object> state;

    private ModelState(String where, Map<String, Object> state) {
        this.where = where;
        this.state = state;
    }

    /**
     * Opens a saved state, checking its {@code format} and {@code version}.
     *
     * @param algorithm the algorithm's id, for messages
     * @param state the saved state
     * @param format the expected value of {@code format}
     * @param version the expected value of {@code version}
     * @return a reader
     * @throws DataException if the state is missing, or of another format or version
     * @since 0.2
     */
    public static ModelState read(String algorithm, Map<String, Object> state, String format, int version) {
        String where = algorithm + " model state";
        if (state == null) {
            throw new DataException(where + ": expected a map; got null");
        }
        ModelState s = new ModelState(where, state);
        if (!format.equals(state.get("format"))) {
            throw s.error("'format' must be \"" + format + "\"; got " + describe(state.get("format")));
        }
        if (!(state.get("version") instanceof Number v) || v.doubleValue() != version) {
            throw s.error("'version' must be " + version + "; got " + describe(state.get("version")));
        }
        return s;
    }

    /**
     * @param key a key whose value must be a given text (such as {@code algorithm})
     * @param expected that text
     * @return this
     * @throws DataException if it is another value
     * @since 0.2
     */
    public ModelState require(String key, String expected) {
        if (!expected.equals(state.get(key))) {
            throw error("'" + key + "' must be \"" + expected + "\"; got " + describe(state.get(key)));
        }
        return this;
    }

    /**
     * @param key a key
     * @return its value, or {@code null} when the state has none
     * @since 0.2
     */
    public Object get(String key) {
        return state.get(key);
    }

    /**
     * @param key a key holding a text
     * @return the text
     * @throws DataException if it is missing or not a text
     * @since 0.2
     */
    public String text(String key) {
        if (!(state.get(key) instanceof String s)) {
            throw error("'" + key + "' must be a text; got " + describe(state.get(key)));
        }
        return s;
    }

    /**
     * @param key a key holding a finite number
     * @return the number
     * @throws DataException if it is missing, not a number, or not finite
     * @since 0.2
     */
    public double number(String key) {
        if (!(state.get(key) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw error("'" + key + "' must be a finite number; got " + describe(state.get(key)));
        }
        return n.doubleValue();
    }

    /**
     * @param key a key holding a whole number
     * @param min the least value allowed
     * @return the number
     * @throws DataException if it is missing, not a whole number, or below {@code min}
     * @since 0.2
     */
    public int integer(String key, int min) {
        Object v = state.get(key);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < min
                || n.doubleValue() > Integer.MAX_VALUE) {
            throw error("'" + key + "' must be a whole number >= " + min + "; got " + describe(v));
        }
        return n.intValue();
    }

    /**
     * @param key a key holding {@code true} or {@code false}
     * @return the value
     * @throws DataException if it is missing or not a boolean
     * @since 0.2
     */
    public boolean flag(String key) {
        if (!(state.get(key) instanceof Boolean b)) {
            throw error("'" + key + "' must be true or false; got " + describe(state.get(key)));
        }
        return b;
    }

    /**
     * @param key a key holding a list of texts
     * @return the texts
     * @throws DataException if it is missing or an item is not a text
     * @since 0.2
     */
    public List<String> texts(String key) {
        if (!(state.get(key) instanceof List<?> list)) {
            throw error("'" + key + "' must be a list of texts; got " + describe(state.get(key)));
        }
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw error("'" + key + "' item " + (i + 1) + " must be a text; got " + describe(list.get(i)));
            }
            out.add(s);
        }
        return out;
    }

    /**
     * @param key a key holding a list of finite numbers
     * @param length the number of items expected
     * @return the numbers
     * @throws DataException if it is missing, of another length, or an item is not a finite number
     * @since 0.2
     */
    public double[] numbers(String key, int length) {
        if (!(state.get(key) instanceof List<?> list) || list.size() != length) {
            throw error("'" + key + "' must be a list of " + length + " numbers; got " + describe(state.get(key)));
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw error("'" + key + "' item " + (i + 1) + " must be a finite number; got " + describe(list.get(i)));
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    /**
     * Row-major floats read by {@link #rows}.
     *
     * @param values {@code count * width} values
     * @param count number of rows
     * @param width values per row
     * @since 0.2
     */
    public record Rows(float[] values, int count, int width) {
    }

    /**
     * A non-empty list of equally long, non-empty lists of finite numbers (centroids, medoids), whose
     * width the first row gives.
     *
     * @param key the key
     * @return the rows as floats
     * @throws DataException naming the row and column at fault
     * @since 0.2
     */
    public Rows rows(String key) {
        if (!(state.get(key) instanceof List<?> rows) || rows.isEmpty()) {
            throw error("'" + key + "' must be a non-empty list of lists of numbers; got " + describe(state.get(key)));
        }
        if (!(rows.getFirst() instanceof List<?> first) || first.isEmpty()) {
            throw error("'" + key + "' row 1 must be a non-empty list of numbers; got " + describe(rows.getFirst()));
        }
        return rows(key, rows, first.size(), " (as row 1)");
    }

    /**
     * A list, possibly empty, of lists of {@code width} finite numbers.
     *
     * @param key the key
     * @param width the number of values in each row
     * @return the rows as floats
     * @throws DataException naming the row and column at fault
     * @since 0.2
     */
    public Rows rows(String key, int width) {
        if (!(state.get(key) instanceof List<?> rows)) {
            throw error("'" + key + "' must be a list of lists of " + width + " numbers; got " + describe(state.get(key)));
        }
        return rows(key, rows, width, "");
    }

    private Rows rows(String key, List<?> rows, int width, String because) {
        int count = rows.size();
        float[] out = new float[Math.multiplyExact(count, width)];
        for (int r = 0; r < count; r++) {
            if (!(rows.get(r) instanceof List<?> row) || row.size() != width) {
                throw error("'" + key + "' row " + (r + 1) + " must be a list of " + width + " numbers" + because + "; got "
                        + describe(rows.get(r)));
            }
            for (int j = 0; j < width; j++) {
                if (!(row.get(j) instanceof Number num) || !Float.isFinite((float) num.doubleValue())) {
                    throw error("'" + key + "' row " + (r + 1) + ", column " + (j + 1) + " must be a finite number; got "
                            + describe(row.get(j)));
                }
                out[r * width + j] = (float) num.doubleValue();
            }
        }
        return new Rows(out, count, width);
    }

    /**
     * Checks an optional count against what the state holds: a saved {@code k} against the centroids.
     *
     * @param key the key of the count ({@code k}, {@code d}); nothing is checked when it is absent
     * @param actual the count the state holds
     * @param what what was counted, for the message ({@code "rows of 'centroids'"})
     * @throws DataException if the saved count differs
     * @since 0.2
     */
    public void checkCount(String key, int actual, String what) {
        Object v = state.get(key);
        if (v != null && (!(v instanceof Number num) || num.doubleValue() != actual)) {
            throw error("'" + key + "' is " + describe(v) + " but the state has " + actual + " " + what);
        }
    }

    /**
     * @param detail what is wrong
     * @return the exception to throw, prefixed with {@code "<algorithm> model state: "}
     * @since 0.2
     */
    public DataException error(String detail) {
        return new DataException(where + ": " + detail);
    }

    /**
     * @param rowMajor {@code count * width} values
     * @param count number of rows
     * @param width values per row
     * @return the rows as lists of doubles (a float survives JSON as a double)
     * @since 0.2
     */
    public static List<List<Double>> rows(float[] rowMajor, int count, int width) {
        List<List<Double>> out = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            List<Double> row = new ArrayList<>(width);
            for (int j = 0; j < width; j++) {
                row.add((double) rowMajor[r * width + j]);
            }
            out.add(List.copyOf(row));
        }
        return List.copyOf(out);
    }

    /**
     * @param v a value from a state
     * @return it as a message shows it: texts quoted, long values cut at 60 characters
     * @since 0.2
     */
    public static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
