package dev.clusterlab.engine;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.NeighborIndex;

/**
 * Chooses the neighbour index structure from the dimension, the size and the distance. Both choices give
 * identical answers (tested), so this is a pure speed decision:
 * <ul>
 *   <li>kd-tree for {@code d <= }{@value #MAX_TREE_DIM} and at least {@value #MIN_TREE_N} points, for every
 *       distance whose value bounds the coordinate gaps (not cosine, not inner product): O(log n + neighbours)
 *       per query on low-dimensional data;</li>
 *   <li>otherwise the blocked scan through the one-to-many SIMD kernel: O(n) per query, which beats a tree
 *       once the dimension is high enough that the tree prunes little.</li>
 * </ul>
 */
final class NeighborIndexes {
    static final int MAX_TREE_DIM = 8;
    static final int MIN_TREE_N = 64;

    private NeighborIndexes() {
    }

    static NeighborIndex choose(Kernels kernels, float[] data, int n, int d, Distance distance) {
        if (d <= MAX_TREE_DIM && n >= MIN_TREE_N && KdTreeIndex.supports(distance)) {
            return new KdTreeIndex(kernels, data, n, d, distance);
        }
        return new ScanNeighborIndex(kernels, data, n, d, distance);
    }
}
