package dev.clusterlab.plugins.density;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.NeighborIndex;

/**
 * A fitted DBSCAN: the core points (scikit-learn's {@code core_sample_indices_}) and a {@code predict}
 * that gives a new point the cluster of its nearest core point within {@code eps} (ties to the lower
 * row), or noise when no core point is that close: the rule by which DBSCAN itself labels border
 * points, up to the tie rule. scikit-learn's DBSCAN has no {@code predict}.
 *
 * <p>Holds the fitted data by reference (datasets are immutable), the core row numbers and the labels.
 *
 * @since 0.1
 */
public final class DbscanModel implements ClusterModel {
    private final float[] data;
    private final int n;
    private final int d;
    private final DbscanParams params;
    private final int[] coreIndices;
    private final int[] labels;
    private final String strategy;

    DbscanModel(float[] data, int n, int d, DbscanParams params, int[] coreIndices, int[] labels, String strategy) {
        this.data = data;
        this.n = n;
        this.d = d;
        this.params = params;
        this.coreIndices = coreIndices;
        this.labels = labels;
        this.strategy = strategy;
    }

    /**
     * @return which of DBSCAN's strategies made the fit, and on what structure (e.g. {@code "grid 2-d,
     *     41523 cells"}, {@code "tiled scan (compact blocks of 128)"}, {@code "range queries (kd-tree 5-d)"})
     * @since 0.3
     */
    public String strategy() {
        return strategy;
    }

    /** @return the rows of the core points, ascending (a copy) @since 0.1 */
    public int[] coreSampleIndices() {
        return coreIndices.clone();
    }

    /** @return the parameters of the fit @since 0.1 */
    public DbscanParams params() {
        return params;
    }

    @Override
    public int d() {
        return d;
    }

    @Override
    public int[] predict(Dataset points, ExecutionContext context) {
        if (points.d() != d) {
            throw new DataException("dbscan: the model was fitted on " + d + " features but the dataset '"
                    + points.name() + "' has " + points.d());
        }
        boolean[] isCore = new boolean[n];
        for (int c : coreIndices) {
            isCore[c] = true;
        }
        int[] out = new int[points.n()];
        if (points.n() == 0) {
            return out;
        }
        NeighborIndex index = context.kernels().neighborIndex(data, n, d, params.metric());
        float[] queries = points.data();
        context.parallel().forEachChunk(points.n(), Streams.CHUNK, (chunk, from, to) ->
                index.rangeQuery(queries, from, to, params.eps(), (q, ids, dist, count) -> {
                    int best = -1;
                    for (int j = 0; j < count; j++) {
                        if (isCore[ids[j]] && (best < 0 || dist[j] < dist[best])) {
                            best = j;
                        }
                    }
                    out[q] = best < 0 ? -1 : labels[ids[best]];
                }));
        return out;
    }
}
