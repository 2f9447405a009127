package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.artifact.MergeTree;
import dev.clusterlab.api.kernel.UnionFind;

/**
 * The merges of an agglomeration as an algorithm finds them, each naming two points that represent the
 * merged clusters (any member of each), with its height; {@link #toMergeTree} turns them into SciPy's
 * linkage matrix the way SciPy does: merges sorted by height, stably (so equal heights keep the
 * algorithm's order), then numbered by a union-find so that merge {@code i} forms cluster {@code n + i}
 * and names its two clusters smaller id first.
 */
final class MergeList {
    private final int n;
    private final int[] a;
    private final int[] b;
    private final double[] height;
    private int count;

    MergeList(int n) {
        this.n = n;
        int m = Math.max(0, n - 1);
        a = new int[m];
        b = new int[m];
        height = new double[m];
    }

    void add(int pointA, int pointB, double h) {
        a[count] = pointA;
        b[count] = pointB;
        height[count] = h;
        count++;
    }

    int size() {
        return count;
    }

    /**
     * @param sort whether to sort by height (SciPy sorts for every method; Genie keeps its own order)
     * @return the linkage matrix
     */
    MergeTree toMergeTree(boolean sort) {
        if (count != n - 1) {
            throw new IllegalStateException("an agglomeration of " + n + " points has " + (n - 1) + " merges; found " + count);
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        if (sort) {
            java.util.Arrays.sort(order, (x, y) -> Double.compare(height[x], height[y])); // stable (merge sort)
        }
        UnionFind sets = new UnionFind(n);
        int[] clusterOfRoot = new int[n];
        int[] sizeOfRoot = new int[n];
        for (int p = 0; p < n; p++) {
            clusterOfRoot[p] = p;
            sizeOfRoot[p] = 1;
        }
        int[] left = new int[count];
        int[] right = new int[count];
        double[] distance = new double[count];
        int[] size = new int[count];
        for (int i = 0; i < count; i++) {
            int e = order[i];
            int ra = sets.find(a[e]);
            int rb = sets.find(b[e]);
            if (ra == rb) {
                throw new IllegalStateException("merge " + e + " joins a cluster with itself");
            }
            int ca = clusterOfRoot[ra];
            int cb = clusterOfRoot[rb];
            left[i] = Math.min(ca, cb);
            right[i] = Math.max(ca, cb);
            distance[i] = height[e];
            size[i] = sizeOfRoot[ra] + sizeOfRoot[rb];
            sets.union(ra, rb);
            int r = sets.find(ra);
            clusterOfRoot[r] = n + i;
            sizeOfRoot[r] = size[i];
        }
        return new MergeTree(left, right, distance, size);
    }
}
