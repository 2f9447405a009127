package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ModelState;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.CentroidAssigner;
import dev.clusterlab.api.kernel.Distance;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted k-means model: labels new points with their nearest centroid (squared Euclidean, ties to
 * the lower label), through the kernel's {@link CentroidAssigner} over fixed chunks of rows, and gives
 * their Euclidean distances to every centroid ({@code transform}, as scikit-learn's).
 *
 * <p>Its {@link #state()} (the saved model file) is a map:
 * <pre>
 * format:    "clusterlab.kmeans.model"
 * version:   1
 * algorithm: the algorithm id ("kmeans", "minibatch_kmeans", "bisecting_kmeans")
 * variant:   how it was fitted (e.g. "lloyd", "elkan", "hamerly", "minibatch", "bisecting/biggest_inertia")
 * k, d:      numbers of centroids and features
 * centroids: k lists of d numbers
 * </pre>
 *
 * @since 0.1
 */
final class NearestCentroidModel implements ClusterModel {
    static final String FORMAT = "clusterlab.kmeans.model";
    private final String algorithm;
    private final String variant;
    private final float[] centroids;
    private final int k;
    private final int d;

    /**
     * @param algorithm algorithm id
     * @param variant how it was fitted
     * @param centroids row-major {@code k x d} centroids (copied)
     * @param k number of centroids
     * @param d dimension
     */
    NearestCentroidModel(String algorithm, String variant, float[] centroids, int k, int d) {
        this.algorithm = algorithm;
        this.variant = variant;
        this.centroids = Arrays.copyOf(centroids, k * d);
        this.k = k;
        this.d = d;
    }

    @Override
    public int d() {
        return d;
    }

    @Override
    public int[] predict(Dataset data, ExecutionContext context) {
        checkDimension(data);
        int[] labels = new int[data.n()];
        if (data.n() == 0) {
            return labels;
        }
        CentroidAssigner assigner = context.kernels().centroidAssigner(centroids, k, d);
        float[] x = data.data();
        context.parallel().forEachChunk(data.n(), KMeansLoop.CHUNK, (chunk, from, to) -> assigner.assign(x, from, to, labels, null));
        return labels;
    }

    @Override
    public Optional<float[]> transform(Dataset data, ExecutionContext context) {
        checkDimension(data);
        float[] out = new float[Math.multiplyExact(data.n(), k)];
        float[] x = data.data();
        context.parallel().forEachChunk(data.n(), KMeansLoop.CHUNK, (chunk, from, to) -> {
            float[] block = new float[(to - from) * k];
            context.kernels().pairwise(Distance.SQUARED_EUCLIDEAN, x, from, to, centroids, 0, k, d, block);
            for (int i = 0; i < block.length; i++) {
                out[from * k + i] = (float) Math.sqrt(block[i]);
            }
        });
        return Optional.of(out);
    }

    @Override
    public Optional<Map<String, Object>> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", FORMAT);
        state.put("version", 1);
        state.put("algorithm", algorithm);
        state.put("variant", variant);
        state.put("k", k);
        state.put("d", d);
        state.put("centroids", ModelState.rows(centroids, k, d));
        return Optional.of(Map.copyOf(state));
    }

    /** @return the centroids (a copy) */
    float[] centroids() {
        return centroids.clone();
    }

    /** @return the fitting variant recorded in the state */
    String variant() {
        return variant;
    }

    /**
     * Rebuilds a model from {@link #state()}.
     *
     * @param algorithm the id of the algorithm restoring it (must match the state's)
     * @param state the saved state
     * @return the model
     * @throws DataException naming the first thing that is wrong
     */
    static NearestCentroidModel restore(String algorithm, Map<String, Object> state) {
        ModelState saved = ModelState.read(algorithm, state, FORMAT, 1).require("algorithm", algorithm);
        String variant = saved.text("variant");
        ModelState.Rows c = saved.rows("centroids");
        saved.checkCount("k", c.count(), "rows of 'centroids'");
        saved.checkCount("d", c.width(), "columns of 'centroids'");
        return new NearestCentroidModel(algorithm, variant, c.values(), c.count(), c.width());
    }

    private void checkDimension(Dataset data) {
        if (data.d() != d) {
            throw new DataException(algorithm + ": the model was fitted on " + d + " features but the dataset '"
                    + data.name() + "' has " + data.d());
        }
    }
}
