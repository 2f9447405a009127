package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.CentroidAssigner;
import dev.clusterlab.api.kernel.Distance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted BIRCH model: the leaf subclusters of the CF-tree, each with the label the global step gave
 * it. A new point gets the label of its nearest subcluster centroid, as scikit-learn's
 * {@code Birch.predict}; the training labels of {@link BirchAlgorithm#fit} are this prediction on the
 * training data, as scikit-learn's {@code labels_}.
 *
 * <p><b>Nearest subcluster.</b> The nearest centroid minimises {@code |c|^2 - 2 x.c} in double
 * (scikit-learn 1.2.1's reduced distance, the first centroid on ties), found without any
 * {@code n x m} matrix (scikit-learn issue 16027): rows go in chunks of {@value #CHUNK} through the
 * engine's SIMD {@link CentroidAssigner} in float, which also gives the second-nearest distance; where
 * the float gap between the two is within a bound on the float kernel's rounding error
 * ({@code (4d + 16) 2^-24 (|x| + max |c|)^2}, twice the error analysis' figure), the row is scanned
 * again in double. The answer is therefore the double argmin whatever the kernel, with the kernel's
 * speed for all rows but the near ties. Memory {@code O(chunk (d + 3))} per thread beyond the labels.
 *
 * <p><b>Labels.</b> Labels are consecutive from 0 over the training data: a subcluster cluster that no
 * training point is nearest to (possible: a subcluster's own points may all lie nearer another
 * centroid) keeps a label after all the used ones, so new points near it still get a label of their own.
 *
 * <p><b>Streaming.</b> A fitted model holds its CF-tree; {@link BirchAlgorithm#partialFit} inserts more
 * points into a copy of it (this model stays as it is) and returns a new model. A model rebuilt from
 * {@link #state()} has the subclusters and labels only, predicts the same, and cannot be continued.
 *
 * <p>Its {@link #state()} (the saved model file) is a map:
 * <pre>
 * format:           "clusterlab.birch.model"
 * version:          1
 * algorithm:        "birch"
 * threshold, branching_factor, k: the parameters it was fitted with
 * d:                number of features
 * subclusters:      number of leaf subclusters m
 * centroids:        m lists of d numbers (the subcluster centroids, double)
 * labels:           m integers (each subcluster's cluster)
 * </pre>
 *
 * @since 0.2
 */
public final class BirchModel implements ClusterModel {
    static final String FORMAT = "clusterlab.birch.model";
    static final int CHUNK = 1024;
    private static final double FLOAT_EPSILON = 0x1p-24;
    private final BirchParams params;
    private final BirchTree tree;
    private final int m;
    private final int d;
    private final double[] centroids;
    private final double[] squaredNorms;
    private final float[] floatCentroids;
    private final double maxNorm;
    private final int[] labels;

    /**
     * @param params the parameters fitted with
     * @param tree the CF-tree, or {@code null} for a restored model
     * @param centroids row-major {@code m x d} leaf centroids (taken over)
     * @param m number of subclusters, at least 1
     * @param d dimension
     * @param labels each subcluster's label (taken over)
     */
    BirchModel(BirchParams params, BirchTree tree, double[] centroids, int m, int d, int[] labels) {
        this.params = params;
        this.tree = tree;
        this.m = m;
        this.d = d;
        this.centroids = centroids;
        this.labels = labels;
        squaredNorms = new double[m];
        floatCentroids = new float[m * d];
        double max = 0;
        for (int c = 0; c < m; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = centroids[c * d + j];
                s += v * v;
                floatCentroids[c * d + j] = (float) v;
            }
            squaredNorms[c] = s;
            max = Math.max(max, Math.sqrt(s));
        }
        maxNorm = max;
    }

    /** @return the same subclusters with other labels */
    BirchModel withLabels(int[] newLabels) {
        return new BirchModel(params, tree, centroids, m, d, newLabels);
    }

    @Override
    public int d() {
        return d;
    }

    /** @return the parameters the model was fitted with @since 0.2 */
    public BirchParams params() {
        return params;
    }

    /** @return the number of leaf subclusters (scikit-learn's {@code subcluster_centers_.shape[0]}) @since 0.2 */
    public int subclusterCount() {
        return m;
    }

    /**
     * @return the subcluster centroids, row-major {@code m x d}, in scikit-learn's order of
     *     {@code subcluster_centers_} (leaf by leaf along the leaf chain); a copy
     * @since 0.2
     */
    public double[] subclusterCentroids() {
        return centroids.clone();
    }

    /** @return each subcluster's label (scikit-learn's {@code subcluster_labels_}, renumbered); a copy @since 0.2 */
    public int[] subclusterLabels() {
        return labels.clone();
    }

    /** @return whether {@link BirchAlgorithm#partialFit} can continue this model (false once restored from a state) @since 0.2 */
    public boolean hasTree() {
        return tree != null;
    }

    /** @return the CF-tree, or {@code null} */
    BirchTree tree() {
        return tree;
    }

    @Override
    public int[] predict(Dataset data, ExecutionContext context) {
        int[] nearest = nearestSubclusters(data, context);
        for (int i = 0; i < nearest.length; i++) {
            nearest[i] = labels[nearest[i]];
        }
        return nearest;
    }

    /**
     * The nearest subcluster of every row (see the class comment).
     *
     * @param data points with {@link #d()} columns
     * @param context kernels and threads
     * @return one subcluster index per row
     */
    int[] nearestSubclusters(Dataset data, ExecutionContext context) {
        checkDimension(data);
        int n = data.n();
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        CentroidAssigner assigner = context.kernels().centroidAssigner(floatCentroids, m, d);
        float[] x = data.data();
        context.parallel().forEachChunk(n, CHUNK, (chunk, from, to) -> {
            int len = to - from;
            float[] rows = Arrays.copyOfRange(x, from * d, to * d);
            int[] near = new int[len];
            float[] best = new float[len];
            float[] second = new float[len];
            assigner.assignWithSecond(rows, 0, len, near, best, second);
            for (int r = 0; r < len; r++) {
                double norm = 0;
                for (int j = 0; j < d; j++) {
                    double v = rows[r * d + j];
                    norm += v * v;
                }
                double reach = Math.sqrt(norm) + maxNorm;
                double bound = (4.0 * d + 16) * FLOAT_EPSILON * reach * reach;
                // Negated so that NaN and infinite gaps go to the exact scan.
                out[from + r] = !(second[r] - best[r] > 2 * bound) ? exactNearest(rows, r * d) : near[r];
            }
        });
        return out;
    }

    /** The first centroid with the smallest {@code |c|^2 - 2 x.c}, in double. */
    private int exactNearest(float[] rows, int offset) {
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int c = 0; c < m; c++) {
            double dot = 0;
            int o = c * d;
            for (int j = 0; j < d; j++) {
                dot += (double) rows[offset + j] * centroids[o + j];
            }
            double v = -2.0 * dot + squaredNorms[c];
            if (v < bestValue || c == 0) {
                bestValue = v;
                best = c;
            }
        }
        return best;
    }

    /**
     * Euclidean distances of each row to each subcluster centroid, as scikit-learn's
     * {@code Birch.transform}: from direct differences in float with the engine's many-to-many kernel
     * (the centroids rounded to float), in chunks of rows.
     *
     * @throws DataException if {@code n x m} distances do not fit in one array
     */
    @Override
    public Optional<float[]> transform(Dataset data, ExecutionContext context) {
        checkDimension(data);
        long size = (long) data.n() * m;
        if (size > Integer.MAX_VALUE - 8) {
            throw new DataException(BirchAlgorithm.ID + ": transform of the dataset '" + data.name() + "' needs " + data.n()
                    + " x " + m + " subcluster distances, more than one array holds; transform fewer rows at a time");
        }
        float[] out = new float[(int) size];
        float[] x = data.data();
        context.parallel().forEachChunk(data.n(), CHUNK, (chunk, from, to) -> {
            float[] block = new float[(to - from) * m];
            context.kernels().pairwise(Distance.EUCLIDEAN, x, from, to, floatCentroids, 0, m, d, block);
            System.arraycopy(block, 0, out, from * m, block.length);
        });
        return Optional.of(out);
    }

    @Override
    public Optional<Map<String, Object>> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", FORMAT);
        state.put("version", 1);
        state.put("algorithm", BirchAlgorithm.ID);
        state.putAll(params.values());
        state.put("d", d);
        state.put("subclusters", m);
        List<List<Double>> rows = new ArrayList<>(m);
        List<Integer> labelList = new ArrayList<>(m);
        for (int c = 0; c < m; c++) {
            List<Double> row = new ArrayList<>(d);
            for (int j = 0; j < d; j++) {
                row.add(centroids[c * d + j]);
            }
            rows.add(List.copyOf(row));
            labelList.add(labels[c]);
        }
        state.put("centroids", List.copyOf(rows));
        state.put("labels", List.copyOf(labelList));
        return Optional.of(Map.copyOf(state));
    }

    /**
     * Rebuilds a model from {@link #state()}; it predicts as the saved one and has no CF-tree.
     *
     * @param state the saved state
     * @return the model
     * @throws DataException naming the first thing that is wrong
     */
    static BirchModel restore(Map<String, Object> state) {
        String where = BirchAlgorithm.ID + " model state";
        if (state == null) {
            throw new DataException(where + ": expected a map; got null");
        }
        if (!FORMAT.equals(state.get("format"))) {
            throw new DataException(where + ": 'format' must be \"" + FORMAT + "\"; got " + describe(state.get("format")));
        }
        if (!(state.get("version") instanceof Number v) || v.doubleValue() != 1) {
            throw new DataException(where + ": 'version' must be 1; got " + describe(state.get("version")));
        }
        if (!BirchAlgorithm.ID.equals(state.get("algorithm"))) {
            throw new DataException(where + ": 'algorithm' must be \"" + BirchAlgorithm.ID + "\"; got " + describe(state.get("algorithm")));
        }
        BirchParams params;
        try {
            params = new BirchParams(number(where, state, "threshold").doubleValue(),
                    integer(where, state, "branching_factor"), integer(where, state, "k"));
        } catch (RuntimeException e) {
            if (e instanceof DataException de) {
                throw de;
            }
            throw new DataException(where + ": the parameters are not valid: " + e.getMessage());
        }
        if (!(state.get("centroids") instanceof List<?> rows) || rows.isEmpty()) {
            throw new DataException(where + ": 'centroids' must be a non-empty list of lists of numbers; got "
                    + describe(state.get("centroids")));
        }
        int m = rows.size();
        if (!(rows.getFirst() instanceof List<?> firstRow) || firstRow.isEmpty()) {
            throw new DataException(where + ": 'centroids' row 1 must be a non-empty list of numbers; got " + describe(rows.getFirst()));
        }
        int d = firstRow.size();
        double[] centroids = new double[Math.multiplyExact(m, d)];
        for (int c = 0; c < m; c++) {
            if (!(rows.get(c) instanceof List<?> row) || row.size() != d) {
                throw new DataException(where + ": 'centroids' row " + (c + 1) + " must be a list of " + d
                        + " numbers (as row 1); got " + describe(rows.get(c)));
            }
            for (int j = 0; j < d; j++) {
                if (!(row.get(j) instanceof Number num) || !Double.isFinite(num.doubleValue())
                        || !Float.isFinite((float) num.doubleValue())) {
                    throw new DataException(where + ": 'centroids' row " + (c + 1) + ", column " + (j + 1)
                            + " must be a finite number; got " + describe(row.get(j)));
                }
                centroids[c * d + j] = num.doubleValue();
            }
        }
        if (!(state.get("labels") instanceof List<?> labelList) || labelList.size() != m) {
            throw new DataException(where + ": 'labels' must be a list of " + m + " integers (one per centroid); got "
                    + describe(state.get("labels")));
        }
        int[] labels = new int[m];
        for (int c = 0; c < m; c++) {
            if (!(labelList.get(c) instanceof Number num) || num.doubleValue() != Math.rint(num.doubleValue())
                    || num.doubleValue() < 0 || num.doubleValue() >= m) {
                throw new DataException(where + ": 'labels' entry " + (c + 1) + " must be an integer in [0, " + m
                        + "); got " + describe(labelList.get(c)));
            }
            labels[c] = num.intValue();
        }
        checkCount(where, state, "subclusters", m, " rows");
        checkCount(where, state, "d", d, " columns");
        return new BirchModel(params, null, centroids, m, d, labels);
    }

    private static Number number(String where, Map<String, Object> state, String key) {
        if (!(state.get(key) instanceof Number num)) {
            throw new DataException(where + ": '" + key + "' must be a number; got " + describe(state.get(key)));
        }
        return num;
    }

    private static int integer(String where, Map<String, Object> state, String key) {
        Number num = number(where, state, key);
        double v = num.doubleValue();
        if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new DataException(where + ": '" + key + "' must be an integer; got " + describe(num));
        }
        return (int) v;
    }

    private static void checkCount(String where, Map<String, Object> state, String key, int actual, String what) {
        Object v = state.get(key);
        if (v != null && (!(v instanceof Number num) || num.doubleValue() != actual)) {
            throw new DataException(where + ": '" + key + "' is " + describe(v) + " but 'centroids' has " + actual + what);
        }
    }

    private static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private void checkDimension(Dataset data) {
        if (data.d() != d) {
            throw new DataException(BirchAlgorithm.ID + ": the model was fitted on " + d + " features but the dataset '"
                    + data.name() + "' has " + data.d());
        }
    }
}
