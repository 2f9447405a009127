package dev.clusterlab.plugins.categorical;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How each column of a dataset enters the dissimilarity, fixed at fit time and kept by the model so
 * that new rows are encoded the same way.
 *
 * <ul>
 *   <li>{@link Kind#NUMERIC}: a number (k-prototypes' numeric columns: squared Euclidean distance).</li>
 *   <li>{@link Kind#LEVELS}: a categorical column of the dataset; its codes index the level names.</li>
 *   <li>{@link Kind#VALUES}: a numeric column that k-modes treats as categorical: each distinct value is
 *       a level (the Python {@code kmodes} package does this with any value), the levels being the
 *       distinct values in ascending order ({@code -0.0} taken as {@code 0.0}).</li>
 * </ul>
 * New rows are remapped by level name (and by value), so a dataset whose levels are listed in another
 * order, or that has levels the model never saw, is predicted correctly: an unknown level, or
 * {@link Dataset#UNSEEN_LEVEL}, becomes {@link EncodedRows#UNKNOWN} and matches no mode.
 */
final class Attributes {
    /** How a column is used. */
    enum Kind {
        NUMERIC("numeric"), LEVELS("levels"), VALUES("values");

        final String id;

        Kind(String id) {
            this.id = id;
        }
    }

    final String owner;
    final List<String> names;
    final Kind[] kinds;
    /** Per column: level names for LEVELS, else null. */
    final List<List<String>> levels;
    /** Per column: ascending distinct values for VALUES, else null. */
    final double[][] values;
    /** Columns used as numbers, ascending. */
    final int[] numericColumns;
    /** Columns used as categorical attributes, ascending. */
    final int[] categoricalColumns;

    Attributes(String owner, List<String> names, Kind[] kinds, List<List<String>> levels, double[][] values) {
        this.owner = owner;
        this.names = List.copyOf(names);
        this.kinds = kinds;
        this.levels = levels;
        this.values = values;
        int d = kinds.length;
        this.numericColumns = java.util.stream.IntStream.range(0, d).filter(j -> kinds[j] == Kind.NUMERIC).toArray();
        this.categoricalColumns = java.util.stream.IntStream.range(0, d).filter(j -> kinds[j] != Kind.NUMERIC).toArray();
    }

    /**
     * The columns of a training dataset.
     *
     * @param owner algorithm id, for messages
     * @param data the training rows
     * @param numericAsLevels whether numeric columns are categorical by their distinct values (k-modes)
     *     or numbers (k-prototypes)
     * @throws DataException naming the row and column of a missing value or an unseen-level code, which
     *     training data cannot have (its levels are the ones it was read with)
     */
    static Attributes of(String owner, Dataset data, boolean numericAsLevels) {
        int d = data.d();
        int n = data.n();
        float[] x = data.data();
        Kind[] kinds = new Kind[d];
        List<List<String>> levels = new ArrayList<>(d);
        double[][] values = new double[d][];
        for (int j = 0; j < d; j++) {
            if (data.isCategorical(j)) {
                kinds[j] = Kind.LEVELS;
                levels.add(data.levels(j));
                for (int i = 0; i < n; i++) {
                    float v = x[i * d + j];
                    if (!(v >= 0)) {
                        throw new DataException(owner + ": dataset '" + data.name() + "', row " + (i + 1) + ", column " + (j + 1)
                                + " ('" + data.featureNames().get(j) + "'): expected one of the column's "
                                + data.levels(j).size() + " levels in the training data; got "
                                + (Float.isNaN(v) ? "a missing value (impute it first)" : "an unseen level (code -1)"));
                    }
                }
            } else {
                levels.add(null);
                kinds[j] = numericAsLevels ? Kind.VALUES : Kind.NUMERIC;
                if (numericAsLevels) {
                    double[] col = new double[n];
                    for (int i = 0; i < n; i++) {
                        col[i] = x[i * d + j] + 0.0; // + 0.0 turns -0.0 into 0.0: one level for both zeros
                    }
                    Arrays.sort(col);
                    int distinct = 0;
                    for (int i = 0; i < n; i++) {
                        if (i == 0 || col[i] != col[distinct - 1]) {
                            col[distinct++] = col[i];
                        }
                    }
                    values[j] = Arrays.copyOf(col, distinct);
                }
            }
        }
        return new Attributes(owner, data.featureNames(), kinds, levels, values);
    }

    int d() {
        return kinds.length;
    }

    /** @return the number of levels of each categorical attribute, in attribute order */
    int[] levelCounts() {
        int[] out = new int[categoricalColumns.length];
        for (int t = 0; t < out.length; t++) {
            int j = categoricalColumns[t];
            out[t] = kinds[j] == Kind.LEVELS ? levels.get(j).size() : values[j].length;
        }
        return out;
    }

    /**
     * Encodes rows with these attributes: the training data at fit time, new rows at predict time.
     *
     * @throws DataException if the dataset has another number of columns, a column that was categorical
     *     is numeric now or the other way round, or a value is missing
     */
    EncodedRows encode(Dataset data) {
        int d = d();
        if (data.d() != d) {
            throw new DataException(owner + ": the model was fitted on " + d + " columns but the dataset '" + data.name()
                    + "' has " + data.d());
        }
        int n = data.n();
        int p = numericColumns.length;
        int m = categoricalColumns.length;
        float[] x = data.data();
        float[] num = new float[Math.multiplyExact(n, p)];
        int[] cat = new int[Math.multiplyExact(n, m)];
        for (int s = 0; s < p; s++) {
            int j = numericColumns[s];
            requireNumeric(data, j);
            for (int i = 0; i < n; i++) {
                num[i * p + s] = finite(data, i, j, x[i * d + j]);
            }
        }
        for (int t = 0; t < m; t++) {
            int j = categoricalColumns[t];
            if (kinds[j] == Kind.LEVELS) {
                int[] remap = remap(data, j);
                for (int i = 0; i < n; i++) {
                    float v = x[i * d + j];
                    if (Float.isNaN(v)) {
                        throw missing(data, i, j);
                    }
                    int code = (int) v;
                    cat[i * m + t] = code < 0 ? EncodedRows.UNKNOWN : remap[code];
                }
            } else {
                requireNumeric(data, j);
                double[] known = values[j];
                for (int i = 0; i < n; i++) {
                    int at = Arrays.binarySearch(known, finite(data, i, j, x[i * d + j]) + 0.0);
                    cat[i * m + t] = at >= 0 ? at : EncodedRows.UNKNOWN;
                }
            }
        }
        return new EncodedRows(n, p, m, num, cat);
    }

    /** New codes of column {@code j} to the model's codes, by level name; a level the model lacks goes to UNKNOWN. */
    private int[] remap(Dataset data, int j) {
        if (!data.isCategorical(j)) {
            throw new DataException(owner + ": column " + (j + 1) + " ('" + names.get(j) + "') was categorical (levels "
                    + shortList(levels.get(j)) + ") when the model was fitted but is numeric in the dataset '" + data.name()
                    + "'; read it as categorical");
        }
        List<String> mine = levels.get(j);
        List<String> theirs = data.levels(j);
        int[] remap = new int[theirs.size()];
        if (theirs.equals(mine)) {
            for (int c = 0; c < remap.length; c++) {
                remap[c] = c;
            }
            return remap;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < mine.size(); c++) {
            index.put(mine.get(c), c);
        }
        for (int c = 0; c < remap.length; c++) {
            remap[c] = index.getOrDefault(theirs.get(c), EncodedRows.UNKNOWN);
        }
        return remap;
    }

    private void requireNumeric(Dataset data, int j) {
        if (data.isCategorical(j)) {
            throw new DataException(owner + ": column " + (j + 1) + " ('" + names.get(j) + "') was numeric when the model "
                    + "was fitted but is categorical (levels " + shortList(data.levels(j)) + ") in the dataset '"
                    + data.name() + "'; read it as numbers");
        }
    }

    private float finite(Dataset data, int i, int j, float v) {
        if (!Float.isFinite(v)) {
            throw missing(data, i, j);
        }
        return v;
    }

    private DataException missing(Dataset data, int i, int j) {
        return new DataException(owner + ": dataset '" + data.name() + "', row " + (i + 1) + ", column " + (j + 1) + " ('"
                + names.get(j) + "'): expected a value; got a missing one (impute it first)");
    }

    static String shortList(List<String> levels) {
        String s = levels.toString();
        return s.length() > 60 ? s.substring(0, 57) + "...]" : s;
    }
}
