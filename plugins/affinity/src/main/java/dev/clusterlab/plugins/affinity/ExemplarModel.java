package dev.clusterlab.plugins.affinity;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.exec.ExecutionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted Affinity Propagation model on features: a new point joins its nearest exemplar (squared
 * Euclidean in double, the first exemplar on ties), as scikit-learn's {@code predict}
 * ({@code pairwise_distances_argmin} to {@code cluster_centers_}). Without exemplars (a fit that did not
 * converge to any) every point gets {@code -1}, as there.
 *
 * <p>Its {@link #state()} (the saved model file) is a map:
 * <pre>
 * format:    "clusterlab.affinity_propagation.model"
 * version:   1
 * algorithm: "affinity_propagation"
 * d:         number of features
 * exemplars: k lists of d numbers (the exemplars' features, in label order)
 * </pre>
 */
final class ExemplarModel implements ClusterModel {
    static final String FORMAT = "clusterlab.affinity_propagation.model";
    private final float[] exemplars;
    private final int k;
    private final int d;

    /**
     * @param exemplars row-major {@code k x d} features of the exemplars, in label order (taken over)
     * @param k exemplars, possibly 0
     * @param d features
     */
    ExemplarModel(float[] exemplars, int k, int d) {
        this.exemplars = exemplars;
        this.k = k;
        this.d = d;
    }

    @Override
    public int d() {
        return d;
    }

    @Override
    public int[] predict(Dataset data, ExecutionContext context) {
        if (data.d() != d) {
            throw new DataException(AffinityPropagationAlgorithm.ID + ": the model was fitted on " + d
                    + " features but the dataset '" + data.name() + "' has " + data.d());
        }
        int n = data.n();
        int[] labels = new int[n];
        float[] x = data.data();
        context.parallel().forEachChunk(n, 1024, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                labels[i] = nearest(x, i * d);
            }
        });
        return labels;
    }

    private int nearest(float[] x, int offset) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                double diff = (double) x[offset + j] - exemplars[c * d + j];
                sum += diff * diff;
            }
            if (sum < bestDistance || best < 0) {
                bestDistance = sum;
                best = c;
            }
        }
        return best;
    }

    @Override
    public Optional<Map<String, Object>> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", FORMAT);
        state.put("version", 1);
        state.put("algorithm", AffinityPropagationAlgorithm.ID);
        state.put("d", d);
        List<List<Double>> rows = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            List<Double> row = new ArrayList<>(d);
            for (int j = 0; j < d; j++) {
                row.add((double) exemplars[c * d + j]);
            }
            rows.add(List.copyOf(row));
        }
        state.put("exemplars", List.copyOf(rows));
        return Optional.of(Map.copyOf(state));
    }

    /**
     * Rebuilds a model from {@link #state()}.
     *
     * @param state the saved state
     * @return the model
     * @throws DataException naming the first thing that is wrong
     */
    static ExemplarModel restore(Map<String, Object> state) {
        String where = AffinityPropagationAlgorithm.ID + " model state";
        if (state == null || !FORMAT.equals(state.get("format"))) {
            throw new DataException(where + ": 'format' must be \"" + FORMAT + "\"; got "
                    + (state == null ? "no state" : describe(state.get("format"))));
        }
        if (!(state.get("version") instanceof Number v) || v.doubleValue() != 1) {
            throw new DataException(where + ": 'version' must be 1; got " + describe(state.get("version")));
        }
        if (!(state.get("d") instanceof Number dn) || dn.doubleValue() != Math.rint(dn.doubleValue()) || dn.doubleValue() < 1
                || dn.doubleValue() > Integer.MAX_VALUE) {
            throw new DataException(where + ": 'd' must be a positive integer; got " + describe(state.get("d")));
        }
        int d = dn.intValue();
        if (!(state.get("exemplars") instanceof List<?> rows)) {
            throw new DataException(where + ": 'exemplars' must be a list of lists of " + d + " numbers; got "
                    + describe(state.get("exemplars")));
        }
        int k = rows.size();
        float[] exemplars = new float[Math.multiplyExact(k, d)];
        for (int c = 0; c < k; c++) {
            if (!(rows.get(c) instanceof List<?> row) || row.size() != d) {
                throw new DataException(where + ": 'exemplars' row " + (c + 1) + " must be a list of " + d + " numbers; got "
                        + describe(rows.get(c)));
            }
            for (int j = 0; j < d; j++) {
                if (!(row.get(j) instanceof Number num) || !Float.isFinite((float) num.doubleValue())) {
                    throw new DataException(where + ": 'exemplars' row " + (c + 1) + ", column " + (j + 1)
                            + " must be a finite number; got " + describe(row.get(j)));
                }
                exemplars[c * d + j] = num.floatValue();
            }
        }
        return new ExemplarModel(exemplars, k, d);
    }

    private static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
