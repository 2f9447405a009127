package dev.clusterlab.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A dense {@code n x d} matrix of {@code float}, stored row-major in one array, with optional feature
 * names and optional ground-truth labels.
 *
 * <p>Every value is finite: a NaN or an infinity is rejected when the dataset is built, naming the row
 * and column (1-based). Ground-truth labels follow the result contract: clusters are integers
 * {@code >= 0} and {@code -1} marks noise, which external metrics leave out.
 *
 * <p>A column may be <em>categorical</em> (api 0.2, {@link #withCategorical}): its values are the
 * integer codes {@code 0..L-1} of its {@linkplain #levels(int) levels}, and {@link #UNSEEN_LEVEL} for a
 * level that was not among them when they were fixed (a new row at {@code predict} time). Only
 * algorithms that {@linkplain dev.clusterlab.api.algorithm.ClusteringAlgorithm#acceptsCategorical()
 * accept categorical columns} get them; numeric preprocessing steps pass them through.
 *
 * <p>Instances are immutable by contract. {@link #data()} hands out the backing array without a copy so
 * that kernels can stream it; algorithms must not write to it (the conformance kit checks this).
 *
 * {@snippet :
 * Dataset blobs = Dataset.of("tiny", new float[][] {{0f, 0f}, {0f, 1f}, {10f, 10f}});
 * float x = blobs.get(2, 0); // 10.0
 * }
 *
 * @since 0.1
 */
public final class Dataset {
    /** The code of a level that was not among a categorical column's levels. @since 0.2 */
    public static final float UNSEEN_LEVEL = -1f;

    private final String name;
    private final int n;
    private final int d;
    private final float[] data;
    private final List<String> featureNames;
    private final int[] truth;
    private final float[] weights;
    private final Map<Integer, List<String>> levels;

    private Dataset(String name, int n, int d, float[] data, List<String> featureNames, int[] truth, float[] weights) {
        this(name, n, d, data, featureNames, truth, weights, Map.of());
    }

    private Dataset(String name, int n, int d, float[] data, List<String> featureNames, int[] truth, float[] weights,
                    Map<Integer, List<String>> levels) {
        this.levels = levels;
        this.name = name;
        this.n = n;
        this.d = d;
        this.data = data;
        this.featureNames = featureNames;
        this.truth = truth;
        this.weights = weights;
    }

    /**
     * A dataset over a row-major array, which is taken over without a copy.
     *
     * @param name a name for messages and reports
     * @param n number of rows
     * @param d number of columns, at least 1
     * @param rowMajor {@code n * d} finite values
     * @param featureNames {@code d} names, or {@code null} for {@code x1..xd}
     * @param truth {@code n} ground-truth labels ({@code -1} noise), or {@code null}
     * @return the dataset
     * @throws DataException if a value is not finite or a label is below -1, naming row and column
     * @since 0.1
     */
    public static Dataset of(String name, int n, int d, float[] rowMajor, List<String> featureNames, int[] truth) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rowMajor, "rowMajor");
        if (n < 0 || d < 1) {
            throw new DataException("dataset '" + name + "': expected n >= 0 rows and d >= 1 columns; got n=" + n + ", d=" + d);
        }
        if ((long) n * d != rowMajor.length) {
            throw new DataException("dataset '" + name + "': expected " + ((long) n * d) + " values for "
                    + n + " x " + d + "; got " + rowMajor.length);
        }
        List<String> names = featureNames == null ? defaultNames(d) : List.copyOf(featureNames);
        if (names.size() != d) {
            throw new DataException("dataset '" + name + "': expected " + d + " feature names; got " + names.size());
        }
        for (int i = 0; i < rowMajor.length; i++) {
            if (!Float.isFinite(rowMajor[i])) {
                int row = i / d;
                int col = i % d;
                throw new DataException("dataset '" + name + "': row " + (row + 1) + ", column " + (col + 1)
                        + " ('" + names.get(col) + "'): expected a finite number; got " + rowMajor[i]);
            }
        }
        if (truth != null) {
            if (truth.length != n) {
                throw new DataException("dataset '" + name + "': expected " + n + " ground-truth labels; got " + truth.length);
            }
            for (int i = 0; i < n; i++) {
                if (truth[i] < -1) {
                    throw new DataException("dataset '" + name + "': ground-truth label of row " + (i + 1)
                            + ": expected a cluster >= 0 or -1 for noise; got " + truth[i]);
                }
            }
        }
        return new Dataset(name, n, d, rowMajor, names, truth == null ? null : truth.clone(), null);
    }

    /**
     * A dataset that may have missing values, written as NaN (empty cells of a file read for an
     * experiment that declares an imputation step). Infinities are still rejected. Only preprocessing
     * steps that impute accept it; algorithms get datasets built with {@link #of}.
     *
     * @param name a name for messages and reports
     * @param n number of rows
     * @param d number of columns
     * @param rowMajor values, NaN for missing
     * @param featureNames names, or {@code null}
     * @param truth ground truth, or {@code null}
     * @return the dataset
     * @since 0.1
     */
    public static Dataset withMissingValues(String name, int n, int d, float[] rowMajor, List<String> featureNames, int[] truth) {
        Dataset checked = of(name, n, d, present(rowMajor), featureNames, truth);
        return new Dataset(name, n, d, rowMajor, checked.featureNames, checked.truth, null);
    }

    /** A copy with every NaN as 0, to validate the values that are present. */
    private static float[] present(float[] rowMajor) {
        float[] probe = rowMajor.clone();
        for (int i = 0; i < probe.length; i++) {
            if (Float.isNaN(probe[i])) {
                probe[i] = 0f;
            }
        }
        return probe;
    }

    /**
     * This dataset with some columns categorical (values and truth are shared, not copied). Each
     * value of such a column must be an integer code {@code 0..L-1} into its levels, or
     * {@link #UNSEEN_LEVEL}, or NaN (missing) in a dataset {@linkplain #withMissingValues with missing
     * values}. Columns not named stay numeric; columns categorical before stay so unless named again.
     *
     * @param levelsByColumn 0-based column to its levels, distinct and in code order
     * @return the dataset
     * @throws DataException naming the row and column of a value that is not a code, or a repeated level
     * @since 0.2
     */
    public Dataset withCategorical(Map<Integer, List<String>> levelsByColumn) {
        Map<Integer, List<String>> merged = new TreeMap<>(levels);
        for (Map.Entry<Integer, List<String>> e : levelsByColumn.entrySet()) {
            int col = e.getKey();
            Objects.checkIndex(col, d);
            List<String> lv = List.copyOf(e.getValue());
            if (lv.stream().distinct().count() != lv.size()) {
                throw new DataException("dataset '" + name + "': column " + (col + 1) + " ('" + featureNames.get(col)
                        + "'): expected distinct levels; got " + lv);
            }
            for (int i = 0; i < n; i++) {
                float v = data[i * d + col];
                if (Float.isNaN(v)) {
                    continue; // missing: withMissingValues already admitted it
                }
                if (v != Math.rint(v) || v < UNSEEN_LEVEL || v >= lv.size()) {
                    throw new DataException("dataset '" + name + "': row " + (i + 1) + ", column " + (col + 1) + " ('"
                            + featureNames.get(col) + "'): expected a level code 0.." + (lv.size() - 1)
                            + " or -1 (unseen level); got " + v);
                }
            }
            merged.put(col, lv);
        }
        return new Dataset(name, n, d, data, featureNames, truth, weights, Collections.unmodifiableMap(merged));
    }

    /**
     * @param column 0-based column
     * @return whether it is categorical (see {@link #withCategorical}) @since 0.2
     */
    public boolean isCategorical(int column) {
        Objects.checkIndex(column, d);
        return levels.containsKey(column);
    }

    /**
     * @param column 0-based column
     * @return its levels in code order, or an empty list for a numeric column @since 0.2
     */
    public List<String> levels(int column) {
        Objects.checkIndex(column, d);
        return levels.getOrDefault(column, List.of());
    }

    /** @return whether any column is categorical @since 0.2 */
    public boolean hasCategorical() {
        return !levels.isEmpty();
    }

    /** @return the categorical columns' levels by 0-based column, in column order @since 0.2 */
    public Map<Integer, List<String>> categoricalLevels() {
        return levels;
    }

    /** @return the 0-based indices of the categorical columns, ascending @since 0.2 */
    public int[] categoricalColumns() {
        return levels.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the 0-based indices of the numeric columns, ascending @since 0.2 */
    public int[] numericColumns() {
        return java.util.stream.IntStream.range(0, d).filter(j -> !levels.containsKey(j)).toArray();
    }

    /** @return whether any value is missing (NaN), see {@link #withMissingValues} @since 0.1 */
    public boolean hasMissing() {
        for (float v : data) {
            if (Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same rows, truth and weights over new values (a preprocessing step's output). Every column
     * of the result is numeric: a step that passes categorical columns through marks them again with
     * {@link #withCategorical}.
     *
     * @param newD number of columns of the new values
     * @param rowMajor {@code n * newD} finite values
     * @param newFeatureNames names, or {@code null}
     * @return the dataset
     * @throws DataException if a value is not finite
     * @since 0.1
     */
    public Dataset withValues(int newD, float[] rowMajor, List<String> newFeatureNames) {
        Dataset v = of(name, n, newD, rowMajor, newFeatureNames, truth);
        return new Dataset(name, n, newD, rowMajor, v.featureNames, v.truth, weights);
    }

    /**
     * A dataset from rows, copied into row-major storage. All rows must have the same length.
     *
     * @param name a name for messages and reports
     * @param rows at least one row of equal length
     * @return the dataset, without ground truth
     * @throws DataException on ragged rows or non-finite values
     * @since 0.1
     */
    public static Dataset of(String name, float[][] rows) {
        if (rows.length == 0) {
            throw new DataException("dataset '" + name + "': expected at least one row to know the number of columns; got none");
        }
        int d = rows[0].length;
        float[] flat = new float[Math.multiplyExact(rows.length, d)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new DataException("dataset '" + name + "': row " + (i + 1) + ": expected " + d + " values; got " + rows[i].length);
            }
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return of(name, rows.length, d, flat, null, null);
    }

    /**
     * This dataset with other ground-truth labels (the values are shared, not copied).
     *
     * @param labels {@code n} labels, {@code -1} for noise, or {@code null} to drop them
     * @return a new dataset
     * @since 0.1
     */
    public Dataset withTruth(int[] labels) {
        Dataset t = of(name, n, d, hasMissing() ? present(data) : data, featureNames, labels);
        return new Dataset(name, n, d, data, featureNames, t.truth, weights, levels);
    }

    /**
     * This dataset with sample weights (values and truth are shared, not copied).
     *
     * @param sampleWeights {@code n} finite weights {@code >= 0}, or {@code null} to drop them
     * @return a new dataset
     * @throws DataException naming the row of a negative or non-finite weight
     * @since 0.1
     */
    public Dataset withWeights(float[] sampleWeights) {
        if (sampleWeights != null) {
            if (sampleWeights.length != n) {
                throw new DataException("dataset '" + name + "': expected " + n + " sample weights; got " + sampleWeights.length);
            }
            for (int i = 0; i < n; i++) {
                if (!(sampleWeights[i] >= 0) || !Float.isFinite(sampleWeights[i])) {
                    throw new DataException("dataset '" + name + "': sample weight of row " + (i + 1)
                            + ": expected a finite number >= 0; got " + sampleWeights[i]);
                }
            }
        }
        return new Dataset(name, n, d, data, featureNames, truth, sampleWeights == null ? null : sampleWeights.clone(), levels);
    }

    /** @return the sample weights (not a copy: do not modify), if any @since 0.1 */
    public Optional<float[]> weights() {
        return Optional.ofNullable(weights);
    }

    /** @return the name given when it was built @since 0.1 */
    public String name() {
        return name;
    }

    /** @return number of rows (points) @since 0.1 */
    public int n() {
        return n;
    }

    /** @return number of columns (features) @since 0.1 */
    public int d() {
        return d;
    }

    /**
     * The backing row-major array, not a copy: value {@code (i, j)} is at {@code i * d() + j}.
     * Read it, never write it.
     *
     * @return the values
     * @since 0.1
     */
    public float[] data() {
        return data;
    }

    /**
     * @param row 0-based row
     * @param column 0-based column
     * @return the value
     * @since 0.1
     */
    public float get(int row, int column) {
        Objects.checkIndex(row, n);
        Objects.checkIndex(column, d);
        return data[row * d + column];
    }

    /**
     * @param row 0-based row
     * @return a copy of that row
     * @since 0.1
     */
    public float[] row(int row) {
        Objects.checkIndex(row, n);
        return Arrays.copyOfRange(data, row * d, row * d + d);
    }

    /** @return the {@code d} feature names @since 0.1 */
    public List<String> featureNames() {
        return featureNames;
    }

    /** @return a copy of the ground-truth labels, if any @since 0.1 */
    public Optional<int[]> truth() {
        return Optional.ofNullable(truth).map(int[]::clone);
    }

    /** @return whether ground-truth labels are present @since 0.1 */
    public boolean hasTruth() {
        return truth != null;
    }

    /**
     * A fingerprint of shape and values (64-bit FNV-1a over the float bits), for provenance: two runs
     * on the same fingerprint saw the same numbers.
     *
     * @return 16 hex digits
     * @since 0.1
     */
    public String fingerprint() {
        long h = 0xcbf29ce484222325L;
        h = mix(h, n);
        h = mix(h, d);
        for (float v : data) {
            h = mix(h, Float.floatToIntBits(v));
        }
        return String.format("%016x", h);
    }

    private static long mix(long h, int v) {
        for (int shift = 0; shift < 32; shift += 8) {
            h ^= (v >>> shift) & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static List<String> defaultNames(int d) {
        List<String> names = new ArrayList<>(d);
        for (int j = 1; j <= d; j++) {
            names.add("x" + j);
        }
        return List.copyOf(names);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + n + " x " + d + (levels.isEmpty() ? "" : ", " + levels.size() + " categorical")
                + (truth != null ? ", with truth" : "") + "]";
    }
}
