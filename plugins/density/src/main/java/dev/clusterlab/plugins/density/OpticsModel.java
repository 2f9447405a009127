package dev.clusterlab.plugins.density;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.NeighborIndex;
import java.util.List;

/**
 * A fitted OPTICS: the reachability plot data (ordering, reachability, core distances, predecessors,
 * as scikit-learn's {@code ordering_}, {@code reachability_}, {@code core_distances_},
 * {@code predecessor_}) and, for {@code xi} extraction, the cluster hierarchy as {@code [start, end]}
 * positions in the ordering ({@code cluster_hierarchy_}). The ordering, reachability and core distances
 * also travel in the result ({@code ordering()}, {@code pointScores()}); predecessors and the xi
 * hierarchy only here.
 *
 * <p>{@code predict} (scikit-learn's OPTICS has none) gives a new point the label of its nearest
 * fitted point when the new point lies within that point's core distance, i.e. would be directly
 * density-reachable from it, and noise otherwise. Approximate: the new point does not change the
 * ordering.
 *
 * @since 0.1
 */
public final class OpticsModel implements ClusterModel {
    private final float[] data;
    private final int n;
    private final int d;
    private final OpticsParams params;
    private final OpticsGraph graph;
    private final List<int[]> hierarchy;
    private final int[] labels;

    OpticsModel(float[] data, int n, int d, OpticsParams params, OpticsGraph graph, List<int[]> hierarchy, int[] labels) {
        this.data = data;
        this.n = n;
        this.d = d;
        this.params = params;
        this.graph = graph;
        this.hierarchy = hierarchy.stream().map(int[]::clone).toList();
        this.labels = labels;
    }

    /** @return the rows in the order OPTICS visited them (a copy) @since 0.1 */
    public int[] ordering() {
        return graph.ordering().clone();
    }

    /** @return reachability distance per row, {@code inf} where undefined (a copy) @since 0.1 */
    public double[] reachability() {
        return graph.reachability().clone();
    }

    /** @return core distance per row, {@code inf} beyond {@code max_eps} (a copy) @since 0.1 */
    public double[] coreDistances() {
        return graph.coreDistance().clone();
    }

    /** @return per row, the point that last lowered its reachability, or {@code -1} (a copy) @since 0.1 */
    public int[] predecessor() {
        return graph.predecessor().clone();
    }

    /** @return xi clusters as {@code [start, end]} positions in the ordering; empty for dbscan extraction @since 0.1 */
    public List<int[]> clusterHierarchy() {
        return hierarchy.stream().map(int[]::clone).toList();
    }

    /** @return the parameters of the fit @since 0.1 */
    public OpticsParams params() {
        return params;
    }

    @Override
    public int d() {
        return d;
    }

    @Override
    public int[] predict(Dataset points, ExecutionContext context) {
        if (points.d() != d) {
            throw new DataException("optics: the model was fitted on " + d + " features but the dataset '"
                    + points.name() + "' has " + points.d());
        }
        int m = points.n();
        int[] out = new int[m];
        if (m == 0) {
            return out;
        }
        NeighborIndex index = context.kernels().neighborIndex(data, n, d, params.metric());
        float[] queries = points.data();
        context.parallel().forEachChunk(m, Streams.CHUNK, (chunk, from, to) -> {
            int[] ids = new int[to - from];
            float[] dist = new float[to - from];
            index.knn(queries, from, to, 1, ids, dist);
            for (int q = from; q < to; q++) {
                int nearest = ids[q - from];
                out[q] = dist[q - from] <= graph.coreDistance()[nearest] ? labels[nearest] : -1;
            }
        });
        return out;
    }
}
