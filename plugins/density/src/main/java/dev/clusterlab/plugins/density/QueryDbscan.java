package dev.clusterlab.plugins.density;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.NeighborIndex;
import dev.clusterlab.api.kernel.UnionFind;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DBSCAN through the engine's range queries (its kd-tree in low dimensions), streamed: each query's
 * neighbours are used inside the query's callback and dropped, so no neighbour list outlives it. Three
 * passes over fixed chunks of rows: every row's neighbourhood weight (core flags); the core rows' queries,
 * each core neighbour joined in the union-find; the other rows' queries, each taking the smallest root among
 * its core neighbours. The same decisions as every other strategy: these are the range queries' own.
 */
final class QueryDbscan {
    private QueryDbscan() {
    }

    static DbscanCore run(NeighborIndex index, int n, double eps, int minSamples, float[] weights, ExecutionContext context) {
        boolean[] core = new boolean[n];
        AtomicLong found = new AtomicLong();
        context.parallel().forEachChunk(n, Streams.CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            long[] pairs = new long[1];
            index.rangeQuery(from, to, eps, (q, ids, dist, count) -> {
                core[q] = mass(q, ids, count, weights) >= minSamples;
                pairs[0] += count;
            });
            found.addAndGet(pairs[0]);
        });
        context.progress().progress(1.0 / 3, "dbscan: core points found");

        UnionFind components = new UnionFind(n);
        context.parallel().forEachChunk(n, Streams.CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            Streams.rangeQueries(index, from, to, core, true, eps, (q, ids, dist, count) -> {
                for (int j = 0; j < count; j++) {
                    if (core[ids[j]] && ids[j] != q) {
                        components.union(q, ids[j]);
                    }
                }
            });
        });
        context.progress().progress(2.0 / 3, "dbscan: core points connected");

        int[] root = new int[n];
        context.parallel().forEachChunk(n, Streams.CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            for (int i = from; i < to; i++) {
                root[i] = core[i] ? components.find(i) : -1;
            }
            Streams.rangeQueries(index, from, to, core, false, eps, (q, ids, dist, count) -> {
                int best = -1;
                for (int j = 0; j < count; j++) {
                    if (core[ids[j]]) {
                        int r = components.find(ids[j]);
                        best = best < 0 ? r : Math.min(best, r);
                    }
                }
                root[q] = best;
            });
        });
        return new DbscanCore(core, root, "range queries (" + index.structure() + ")", found.get());
    }

    /**
     * The weight of a neighbourhood ({@code ids} ascending, {@code q} among them): its size without weights,
     * else the sum of the weights in ascending row order, in double (scikit-learn's float64 sum).
     */
    static double mass(int q, int[] ids, int count, float[] weights) {
        if (weights == null) {
            return count;
        }
        double mass = 0;
        for (int j = 0; j < count; j++) {
            mass += weights[ids[j]];
        }
        return mass;
    }
}
