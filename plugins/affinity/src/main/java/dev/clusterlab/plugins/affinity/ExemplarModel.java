package dev.clusterlab.plugins.affinity;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ModelState;
import dev.clusterlab.api.exec.ExecutionContext;
import java.util.LinkedHashMap;
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
        state.put("exemplars", ModelState.rows(exemplars, k, d));
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
        ModelState saved = ModelState.read(AffinityPropagationAlgorithm.ID, state, FORMAT, 1);
        ModelState.Rows e = saved.rows("exemplars", saved.integer("d", 1));
        return new ExemplarModel(e.values(), e.count(), e.width());
    }
}
