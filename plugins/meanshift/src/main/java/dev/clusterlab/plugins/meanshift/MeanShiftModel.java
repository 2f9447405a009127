package dev.clusterlab.plugins.meanshift;

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
 * A fitted Mean Shift model: the cluster centres (scikit-learn's {@code cluster_centers_}, most intense
 * first) and each centre's label. A new point gets the label of its nearest centre, always, as
 * scikit-learn's {@code predict} ({@code cluster_all} applies to the training labels only).
 *
 * <p><b>Nearest centre.</b> The smallest Euclidean distance in double, by direct differences, the first
 * centre on ties. Rows go in chunks of {@value #CHUNK} through the engine's SIMD {@link CentroidAssigner}
 * in float, which also gives the second-nearest; where the float gap between the two is within a bound on
 * the float kernel's rounding ({@code (4d + 16) 2^-24 (|x| + max |c|)^2}, doubled), the row is scanned
 * again in double. Memory {@code O(chunk d)} per thread beyond the labels.
 *
 * <p><b>Labels.</b> The training labels are the centres' indices, as scikit-learn's; should a centre be
 * nearest to no training point, the used centres keep consecutive labels in order and the unused ones
 * come after, so that the labels are consecutive from 0.
 *
 * <p>Its {@link #state()} (the saved model file) is a map:
 * <pre>
 * format:     "clusterlab.meanshift.model"
 * version:    1
 * algorithm:  "mean_shift"
 * bandwidth, quantile, n_samples, seeds, bin_seeding, min_bin_freq, cluster_all, max_iter: the parameters
 *             (bandwidth: the one used, estimated or given)
 * d:          number of features
 * clusters:   number of centres m
 * centres:    m lists of d numbers (double), in scikit-learn's order
 * labels:     m integers (each centre's label)
 * </pre>
 *
 * @since 0.2
 */
public final class MeanShiftModel implements ClusterModel {
    static final String FORMAT = "clusterlab.meanshift.model";
    static final int CHUNK = 1024;
    private static final double FLOAT_EPSILON = 0x1p-24;
    private final MeanShiftParams params;
    private final int m;
    private final int d;
    private final double[] centres;
    private final float[] floatCentres;
    private final double maxNorm;
    private final int[] labels;

    MeanShiftModel(MeanShiftParams params, double[] centres, int m, int d, int[] labels) {
        this.params = params;
        this.m = m;
        this.d = d;
        this.centres = centres;
        this.labels = labels;
        floatCentres = new float[m * d];
        double max = 0;
        for (int c = 0; c < m; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = centres[c * d + j];
                s += v * v;
                floatCentres[c * d + j] = (float) v;
            }
            max = Math.max(max, Math.sqrt(s));
        }
        maxNorm = max;
    }

    @Override
    public int d() {
        return d;
    }

    /** @return the parameters, with the bandwidth that was used @since 0.2 */
    public MeanShiftParams params() {
        return params;
    }

    /** @return the number of centres @since 0.2 */
    public int centreCount() {
        return m;
    }

    /** @return the centres, row-major {@code m x d}, in scikit-learn's order of {@code cluster_centers_}; a copy @since 0.2 */
    public double[] centres() {
        return centres.clone();
    }

    /** @return each centre's label; a copy @since 0.2 */
    public int[] centreLabels() {
        return labels.clone();
    }

    @Override
    public int[] predict(Dataset data, ExecutionContext context) {
        int[] nearest = nearestCentres(data, context);
        for (int i = 0; i < nearest.length; i++) {
            nearest[i] = labels[nearest[i]];
        }
        return nearest;
    }

    /**
     * The nearest centre of every row (see the class comment).
     *
     * @param data points with {@link #d()} columns
     * @param context kernels and threads
     * @return one centre index per row
     */
    int[] nearestCentres(Dataset data, ExecutionContext context) {
        checkDimension(data);
        int n = data.n();
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        float[] x = data.data();
        if (m == 1) {
            return out;
        }
        CentroidAssigner assigner = context.kernels().centroidAssigner(floatCentres, m, d);
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

    /**
     * @param x row-major points
     * @param row the row
     * @param centre a centre index
     * @return the squared distance in double, by direct differences
     */
    double squaredDistance(float[] x, int row, int centre) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = x[row * d + j] - centres[centre * d + j];
            s += t * t;
        }
        return s;
    }

    /** The first centre with the smallest squared distance, in double. */
    private int exactNearest(float[] rows, int offset) {
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int c = 0; c < m; c++) {
            double s = 0;
            int o = c * d;
            for (int j = 0; j < d; j++) {
                double t = rows[offset + j] - centres[o + j];
                s += t * t;
            }
            if (s < bestValue || c == 0) {
                bestValue = s;
                best = c;
            }
        }
        return best;
    }

    /** Euclidean distances of each row to each centre (float, the engine's kernel), as {@code n x m}. */
    @Override
    public Optional<float[]> transform(Dataset data, ExecutionContext context) {
        checkDimension(data);
        long size = (long) data.n() * m;
        if (size > Integer.MAX_VALUE - 8) {
            throw new DataException(MeanShiftAlgorithm.ID + ": transform of the dataset '" + data.name() + "' needs " + data.n()
                    + " x " + m + " centre distances, more than one array holds; transform fewer rows at a time");
        }
        float[] out = new float[(int) size];
        float[] x = data.data();
        context.parallel().forEachChunk(data.n(), CHUNK, (chunk, from, to) -> {
            float[] block = new float[(to - from) * m];
            context.kernels().pairwise(Distance.EUCLIDEAN, x, from, to, floatCentres, 0, m, d, block);
            System.arraycopy(block, 0, out, from * m, block.length);
        });
        return Optional.of(out);
    }

    @Override
    public Optional<Map<String, Object>> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", FORMAT);
        state.put("version", 1);
        state.put("algorithm", MeanShiftAlgorithm.ID);
        state.putAll(params.values());
        state.put("d", d);
        state.put("clusters", m);
        List<List<Double>> rows = new ArrayList<>(m);
        List<Integer> labelList = new ArrayList<>(m);
        for (int c = 0; c < m; c++) {
            List<Double> row = new ArrayList<>(d);
            for (int j = 0; j < d; j++) {
                row.add(centres[c * d + j]);
            }
            rows.add(List.copyOf(row));
            labelList.add(labels[c]);
        }
        state.put("centres", List.copyOf(rows));
        state.put("labels", List.copyOf(labelList));
        return Optional.of(Map.copyOf(state));
    }

    /**
     * Rebuilds a model from {@link #state()}; it predicts as the saved one.
     *
     * @param state the saved state
     * @return the model
     * @throws DataException naming the first thing that is wrong
     */
    static MeanShiftModel restore(Map<String, Object> state) {
        String where = MeanShiftAlgorithm.ID + " model state";
        if (state == null) {
            throw new DataException(where + ": expected a map; got null");
        }
        if (!FORMAT.equals(state.get("format"))) {
            throw new DataException(where + ": 'format' must be \"" + FORMAT + "\"; got " + describe(state.get("format")));
        }
        if (!(state.get("version") instanceof Number v) || v.doubleValue() != 1) {
            throw new DataException(where + ": 'version' must be 1; got " + describe(state.get("version")));
        }
        if (!MeanShiftAlgorithm.ID.equals(state.get("algorithm"))) {
            throw new DataException(where + ": 'algorithm' must be \"" + MeanShiftAlgorithm.ID + "\"; got "
                    + describe(state.get("algorithm")));
        }
        MeanShiftParams params;
        try {
            params = new MeanShiftParams(number(where, state, "bandwidth").doubleValue(), number(where, state, "quantile").doubleValue(),
                    integer(where, state, "n_samples"), text(where, state, "seeds"), flag(where, state, "bin_seeding"),
                    integer(where, state, "min_bin_freq"), flag(where, state, "cluster_all"), integer(where, state, "max_iter"));
        } catch (RuntimeException e) {
            if (e instanceof DataException de) {
                throw de;
            }
            throw new DataException(where + ": the parameters are not valid: " + e.getMessage());
        }
        if (!(state.get("centres") instanceof List<?> rows) || rows.isEmpty()) {
            throw new DataException(where + ": 'centres' must be a non-empty list of lists of numbers; got "
                    + describe(state.get("centres")));
        }
        int m = rows.size();
        if (!(rows.getFirst() instanceof List<?> firstRow) || firstRow.isEmpty()) {
            throw new DataException(where + ": 'centres' row 1 must be a non-empty list of numbers; got " + describe(rows.getFirst()));
        }
        int d = firstRow.size();
        double[] centres = new double[Math.multiplyExact(m, d)];
        for (int c = 0; c < m; c++) {
            if (!(rows.get(c) instanceof List<?> row) || row.size() != d) {
                throw new DataException(where + ": 'centres' row " + (c + 1) + " must be a list of " + d
                        + " numbers (as row 1); got " + describe(rows.get(c)));
            }
            for (int j = 0; j < d; j++) {
                if (!(row.get(j) instanceof Number num) || !Double.isFinite(num.doubleValue())
                        || !Float.isFinite((float) num.doubleValue())) {
                    throw new DataException(where + ": 'centres' row " + (c + 1) + ", column " + (j + 1)
                            + " must be a finite number; got " + describe(row.get(j)));
                }
                centres[c * d + j] = num.doubleValue();
            }
        }
        if (!(state.get("labels") instanceof List<?> labelList) || labelList.size() != m) {
            throw new DataException(where + ": 'labels' must be a list of " + m + " integers (one per centre); got "
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
        checkCount(where, state, "clusters", m, " rows");
        checkCount(where, state, "d", d, " columns");
        return new MeanShiftModel(params, centres, m, d, labels);
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

    private static boolean flag(String where, Map<String, Object> state, String key) {
        if (!(state.get(key) instanceof Boolean b)) {
            throw new DataException(where + ": '" + key + "' must be true or false; got " + describe(state.get(key)));
        }
        return b;
    }

    private static String text(String where, Map<String, Object> state, String key) {
        if (!(state.get(key) instanceof String s)) {
            throw new DataException(where + ": '" + key + "' must be a text; got " + describe(state.get(key)));
        }
        return s;
    }

    private static void checkCount(String where, Map<String, Object> state, String key, int actual, String what) {
        Object v = state.get(key);
        if (v != null && (!(v instanceof Number num) || num.doubleValue() != actual)) {
            throw new DataException(where + ": '" + key + "' is " + describe(v) + " but 'centres' has " + actual + what);
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
            throw new DataException(MeanShiftAlgorithm.ID + ": the model was fitted on " + d + " features but the dataset '"
                    + data.name() + "' has " + data.d());
        }
    }
}
