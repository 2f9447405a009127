package dev.clusterlab.plugins.kmedoids;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted k-medoids model on features: the medoids' rows and the distance. A new point gets the label
 * of its nearest medoid in that distance (the lowest label on ties), as scikit-learn-extra's
 * {@code KMedoids.predict}; {@link #transform} gives its distances to the {@code k} medoids, as
 * {@code KMedoids.transform}. Distances come from the engine's one-to-many kernel in float, in chunks
 * of rows, in parallel; each row's answer depends on that row only.
 *
 * <p>With {@code metric: precomputed} there are no coordinates, so no model is made (predicting would
 * need each new point's dissimilarities to the medoid rows, which the host has no way to pass).
 *
 * <p>Its {@link #state()} (the saved model file) is a map:
 * <pre>
 * format:    "clusterlab.kmedoids.model"
 * version:   1
 * algorithm: "kmedoids"
 * metric:    the distance id (euclidean, manhattan, minkowski:3, ...)
 * d:         number of features
 * medoids:   k lists of d numbers (the medoids' rows, float values)
 * rows:      k integers (the medoids' 0-based rows in the training data; informative)
 * </pre>
 *
 * @since 0.2
 */
public final class KMedoidsModel implements ClusterModel {
    static final String FORMAT = "clusterlab.kmedoids.model";
    static final int CHUNK = 1024;
    private final Distance distance;
    private final float[] medoids;
    private final int[] rows;
    private final int k;
    private final int d;

    /**
     * @param distance the distance
     * @param medoids row-major {@code k x d} features of the medoids, in label order (taken over)
     * @param rows the medoids' training rows (taken over)
     * @param k medoids, at least 1
     * @param d features
     */
    KMedoidsModel(Distance distance, float[] medoids, int[] rows, int k, int d) {
        this.distance = distance;
        this.medoids = medoids;
        this.rows = rows;
        this.k = k;
        this.d = d;
    }

    @Override
    public int d() {
        return d;
    }

    /** @return the distance the model predicts in @since 0.2 */
    public Distance distance() {
        return distance;
    }

    /** @return the medoids' features, row-major {@code k x d}, in label order; a copy @since 0.2 */
    public float[] medoids() {
        return medoids.clone();
    }

    /** @return the medoids' 0-based training rows, in label order; a copy @since 0.2 */
    public int[] medoidRows() {
        return rows.clone();
    }

    @Override
    public int[] predict(Dataset data, ExecutionContext context) {
        checkDimension(data);
        int n = data.n();
        int[] labels = new int[n];
        float[] x = data.data();
        context.parallel().forEachChunk(n, CHUNK, (chunk, from, to) -> {
            float[] dist = new float[k];
            for (int i = from; i < to; i++) {
                context.kernels().distances(distance, x, i * d, medoids, 0, k, d, dist, 0);
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (dist[c] < dist[best]) {
                        best = c;
                    }
                }
                labels[i] = best;
            }
        });
        return labels;
    }

    /**
     * The distances of each row to each medoid, row-major {@code n x k}.
     *
     * @throws DataException if {@code n x k} distances do not fit in one array
     */
    @Override
    public Optional<float[]> transform(Dataset data, ExecutionContext context) {
        checkDimension(data);
        long size = (long) data.n() * k;
        if (size > Integer.MAX_VALUE - 8) {
            throw new DataException(KMedoidsAlgorithm.ID + ": transform of the dataset '" + data.name() + "' needs " + data.n()
                    + " x " + k + " medoid distances, more than one array holds; transform fewer rows at a time");
        }
        float[] out = new float[(int) size];
        float[] x = data.data();
        context.parallel().forEachChunk(data.n(), CHUNK, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                context.kernels().distances(distance, x, i * d, medoids, 0, k, d, out, i * k);
            }
        });
        return Optional.of(out);
    }

    @Override
    public Optional<Map<String, Object>> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", FORMAT);
        state.put("version", 1);
        state.put("algorithm", KMedoidsAlgorithm.ID);
        state.put("metric", distance.id());
        state.put("d", d);
        List<List<Double>> list = new ArrayList<>(k);
        List<Integer> rowList = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            List<Double> row = new ArrayList<>(d);
            for (int j = 0; j < d; j++) {
                row.add((double) medoids[c * d + j]);
            }
            list.add(List.copyOf(row));
            rowList.add(rows[c]);
        }
        state.put("medoids", List.copyOf(list));
        state.put("rows", List.copyOf(rowList));
        return Optional.of(Map.copyOf(state));
    }

    /**
     * Rebuilds a model from {@link #state()}; it predicts as the saved one.
     *
     * @param state the saved state
     * @return the model
     * @throws DataException naming the first thing that is wrong
     */
    static KMedoidsModel restore(Map<String, Object> state) {
        String where = KMedoidsAlgorithm.ID + " model state";
        if (state == null) {
            throw new DataException(where + ": expected a map; got null");
        }
        if (!FORMAT.equals(state.get("format"))) {
            throw new DataException(where + ": 'format' must be \"" + FORMAT + "\"; got " + describe(state.get("format")));
        }
        if (!(state.get("version") instanceof Number v) || v.doubleValue() != 1) {
            throw new DataException(where + ": 'version' must be 1; got " + describe(state.get("version")));
        }
        if (!KMedoidsAlgorithm.ID.equals(state.get("algorithm"))) {
            throw new DataException(where + ": 'algorithm' must be \"" + KMedoidsAlgorithm.ID + "\"; got "
                    + describe(state.get("algorithm")));
        }
        Distance distance;
        try {
            distance = Distance.byId(String.valueOf(state.get("metric")));
        } catch (IllegalArgumentException e) {
            throw new DataException(where + ": 'metric' must be a distance id; " + e.getMessage());
        }
        if (!(state.get("medoids") instanceof List<?> list) || list.isEmpty()) {
            throw new DataException(where + ": 'medoids' must be a non-empty list of lists of numbers; got "
                    + describe(state.get("medoids")));
        }
        int k = list.size();
        if (!(list.getFirst() instanceof List<?> firstRow) || firstRow.isEmpty()) {
            throw new DataException(where + ": 'medoids' row 1 must be a non-empty list of numbers; got " + describe(list.getFirst()));
        }
        int d = firstRow.size();
        float[] medoids = new float[Math.multiplyExact(k, d)];
        for (int c = 0; c < k; c++) {
            if (!(list.get(c) instanceof List<?> row) || row.size() != d) {
                throw new DataException(where + ": 'medoids' row " + (c + 1) + " must be a list of " + d
                        + " numbers (as row 1); got " + describe(list.get(c)));
            }
            for (int j = 0; j < d; j++) {
                if (!(row.get(j) instanceof Number num) || !Float.isFinite((float) num.doubleValue())) {
                    throw new DataException(where + ": 'medoids' row " + (c + 1) + ", column " + (j + 1)
                            + " must be a finite number; got " + describe(row.get(j)));
                }
                medoids[c * d + j] = (float) num.doubleValue();
            }
        }
        Object dv = state.get("d");
        if (dv != null && (!(dv instanceof Number num) || num.doubleValue() != d)) {
            throw new DataException(where + ": 'd' is " + describe(dv) + " but 'medoids' has " + d + " columns");
        }
        int[] rows = new int[k];
        if (state.get("rows") instanceof List<?> rowList && rowList.size() == k) {
            for (int c = 0; c < k; c++) {
                rows[c] = rowList.get(c) instanceof Number num ? num.intValue() : -1;
            }
        } else {
            java.util.Arrays.fill(rows, -1);
        }
        return new KMedoidsModel(distance, medoids, rows, k, d);
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
            throw new DataException(KMedoidsAlgorithm.ID + ": the model was fitted on " + d + " features but the dataset '"
                    + data.name() + "' has " + data.d());
        }
    }
}
