package dev.clusterlab.plugins.density;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.NeighborIndex;
import java.util.Arrays;

/**
 * The OPTICS reachability graph, as scikit-learn's {@code compute_optics_graph}: the ordering, and
 * per point (by row) its reachability, core distance and predecessor.
 *
 * @param ordering the rows in the order visited
 * @param reachability per row; {@code inf} for the first point of each connected region
 * @param coreDistance per row: distance to its {@code min_samples}-th nearest point (itself
 *     included), {@code inf} when that exceeds {@code max_eps}
 * @param predecessor per row: the point from which its reachability was last lowered, or {@code -1}
 */
record OpticsGraph(int[] ordering, double[] reachability, double[] coreDistance, int[] predecessor) {

    /** Rows per chunk of kNN queries for the core distances. */
    private static final int KNN_CHUNK = 256;

    /**
     * Computes the graph. Core distances come from the engine's kNN in parallel chunks; the ordering is
     * sequential by nature: each visited core point streams its {@code max_eps} neighbourhood once and
     * lowers the reachability {@code max(core distance, distance)} of unprocessed neighbours (strictly
     * smaller values only, as scikit-learn). The next point is the unprocessed one of smallest
     * reachability, ties and all-infinite to the smallest row ({@link SeedList}).
     */
    static OpticsGraph compute(float[] x, int n, int d, OpticsParams params, ExecutionContext context) {
        NeighborIndex index = context.kernels().neighborIndex(x, n, d, params.metric());
        int k = params.minSamples();
        double maxEps = params.maxEps();
        double[] core = new double[n];
        context.parallel().forEachChunk(n, KNN_CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            int[] ids = new int[(to - from) * k];
            float[] dist = new float[(to - from) * k];
            index.knn(from, to, k, ids, dist);
            for (int q = from; q < to; q++) {
                double c = dist[(q - from) * k + k - 1];
                core[q] = c > maxEps ? Double.POSITIVE_INFINITY : c;
            }
        });
        double[] reach = new double[n];
        Arrays.fill(reach, Double.POSITIVE_INFINITY);
        int[] predecessor = new int[n];
        Arrays.fill(predecessor, -1);
        boolean[] processed = new boolean[n];
        int[] ordering = new int[n];
        SeedList seeds = new SeedList(reach);
        int lowestUnprocessed = 0;
        for (int visited = 0; visited < n; visited++) {
            int point;
            if (seeds.isEmpty()) {
                while (processed[lowestUnprocessed]) {
                    lowestUnprocessed++;
                }
                point = lowestUnprocessed;
            } else {
                point = seeds.poll();
            }
            processed[point] = true;
            ordering[visited] = point;
            if (core[point] != Double.POSITIVE_INFINITY) {
                double coreDistance = core[point];
                int from = point;
                index.rangeQuery(point, point + 1, maxEps, (q, ids, dist, count) -> {
                    for (int j = 0; j < count; j++) {
                        int v = ids[j];
                        if (!processed[v]) {
                            double r = Math.max(dist[j], coreDistance);
                            if (r < reach[v]) {
                                reach[v] = r;
                                predecessor[v] = from;
                                seeds.decreased(v);
                            }
                        }
                    }
                });
            }
            if ((visited & 1023) == 1023) {
                context.checkCancelled();
                context.progress().progress((double) visited / n, "optics: ordering");
            }
        }
        return new OpticsGraph(ordering, reach, core, predecessor);
    }
}
