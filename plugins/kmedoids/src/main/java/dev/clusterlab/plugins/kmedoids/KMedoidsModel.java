package dev.clusterlab.plugins.kmedoids;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ModelState;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
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
        state.put("medoids", ModelState.rows(medoids, k, d));
        state.put("rows", java.util.Arrays.stream(rows).boxed().toList());
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
        ModelState saved = ModelState.read(KMedoidsAlgorithm.ID, state, FORMAT, 1).require("algorithm", KMedoidsAlgorithm.ID);
        Distance distance;
        try {
            distance = Distance.byId(String.valueOf(saved.get("metric")));
        } catch (IllegalArgumentException e) {
            throw saved.error("'metric' must be a distance id; " + e.getMessage());
        }
        ModelState.Rows m = saved.rows("medoids");
        saved.checkCount("d", m.width(), "columns of 'medoids'");
        int k = m.count();
        int[] rows = new int[k];
        if (saved.get("rows") instanceof List<?> rowList && rowList.size() == k) {
            for (int c = 0; c < k; c++) {
                rows[c] = rowList.get(c) instanceof Number num ? num.intValue() : -1;
            }
        } else {
            java.util.Arrays.fill(rows, -1);
        }
        return new KMedoidsModel(distance, m.values(), rows, k, m.width());
    }

    private void checkDimension(Dataset data) {
        if (data.d() != d) {
            throw new DataException(KMedoidsAlgorithm.ID + ": the model was fitted on " + d + " features but the dataset '"
                    + data.name() + "' has " + data.d());
        }
    }
}
