package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.SpanningTree;

/**
 * Single linkage from the minimum spanning tree (Gower and Ross 1969): the tree's edges, sorted by
 * weight, are the merges. The engine's spanning tree (shared with HDBSCAN*) holds no distance matrix, so
 * memory is O(n) beyond the data.
 */
final class SingleLinkage {
    private SingleLinkage() {
    }

    static MergeList merges(float[] x, int n, int d, Distance metric, ExecutionContext context, ProgressListener progress) {
        MergeList merges = new MergeList(n);
        if (n < 2) {
            return merges;
        }
        SpanningTree tree = context.kernels().spanningTree(x, n, d, metric, null, context, progress);
        for (int e = 0; e < tree.edges(); e++) {
            merges.add(tree.source()[e], tree.target()[e], tree.weight()[e]);
        }
        return merges;
    }
}
