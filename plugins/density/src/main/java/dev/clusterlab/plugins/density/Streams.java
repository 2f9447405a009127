package dev.clusterlab.plugins.density;

import dev.clusterlab.api.kernel.NeighborIndex;
import dev.clusterlab.api.kernel.NeighborSink;

/** Range queries over the rows of a chunk that pass a filter, batched into runs of consecutive rows. */
final class Streams {
    /**
     * Rows per parallel chunk of range queries. Fixed, so chunk boundaries never depend on the thread
     * count; small enough that a few hundred neighbourhoods in flight stay in cache and that work is
     * balanced when neighbourhood sizes vary (dense cores next to sparse noise).
     */
    static final int CHUNK = 256;

    private Streams() {
    }

    /**
     * Runs {@code index.rangeQuery} on the rows of {@code [from, to)} whose flag equals {@code wanted},
     * one call per run of consecutive such rows.
     */
    static void rangeQueries(NeighborIndex index, int from, int to, boolean[] flags, boolean wanted, double eps,
                             NeighborSink sink) {
        int i = from;
        while (i < to) {
            while (i < to && flags[i] != wanted) {
                i++;
            }
            int start = i;
            while (i < to && flags[i] == wanted) {
                i++;
            }
            if (start < i) {
                index.rangeQuery(start, i, eps, sink);
            }
        }
    }
}
