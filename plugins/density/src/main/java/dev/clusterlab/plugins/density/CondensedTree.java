package dev.clusterlab.plugins.density;

import dev.clusterlab.api.algorithm.ClusterHierarchy;
import dev.clusterlab.api.kernel.SpanningTree;
import java.util.Arrays;

/**
 * The HDBSCAN* hierarchy: the single-linkage tree of the mutual reachability spanning tree, condensed
 * by {@code min_cluster_size}, with scikit-learn 1.3's numbering and row order
 * ({@code make_single_linkage} and {@code _condense_tree}).
 *
 * <p>Rows are {@code (parent, child, lambda, childSize)} with {@code lambda = 1 / distance}. Points are
 * {@code 0..n-1}; clusters are {@code n} (the root) upwards, numbered in breadth-first order, so a
 * child cluster always has a larger id than its parent. A split into two parts of at least
 * {@code min_cluster_size} points creates two child clusters; a smaller part's points fall out of the
 * parent at that lambda; the larger part continues as the parent.
 *
 * @param parent per row, a cluster id
 * @param child per row, a point or a cluster id
 * @param lambda per row, {@code 1 / distance} at which the child leaves the parent ({@code inf} at distance 0)
 * @param childSize per row, 1 for a point, the size of a child cluster otherwise
 * @param n number of points
 * @param clusterCount number of clusters, the root included
 */
record CondensedTree(int[] parent, int[] child, double[] lambda, int[] childSize, int n, int clusterCount) {

    /** @return the root cluster's id, {@code n} @since 0.1 */
    int root() {
        return n;
    }

    /** @return the number of rows */
    int rows() {
        return parent.length;
    }

    /** @return the rows as the api's {@link ClusterHierarchy}, on copies of the arrays */
    ClusterHierarchy toApi() {
        return new ClusterHierarchy(parent.clone(), child.clone(), lambda.clone(), childSize.clone());
    }

    /**
     * Builds the tree from the spanning tree's edges (any order; sorted here stably by weight, as
     * scikit-learn's mergesort).
     */
    static CondensedTree of(SpanningTree mst, int n, int minClusterSize) {
        int m = n - 1;
        long[] order = new long[m];
        for (int i = 0; i < m; i++) {
            // Weights are >= 0, so their float bits sort like the values; the row breaks ties: a stable sort.
            order[i] = ((long) Float.floatToIntBits(mst.weight()[i]) << 32) | i;
        }
        Arrays.sort(order);
        // Single linkage: node n + i merges the components of edge i (scikit-learn's make_single_linkage).
        int[] left = new int[m];
        int[] right = new int[m];
        double[] distance = new double[m];
        int[] size = new int[2 * n - 1];
        int[] up = new int[2 * n - 1];
        for (int i = 0; i < up.length; i++) {
            up[i] = i;
            size[i] = i < n ? 1 : 0;
        }
        for (int i = 0; i < m; i++) {
            int e = (int) order[i];
            int a = find(up, mst.source()[e]);
            int b = find(up, mst.target()[e]);
            left[i] = a;
            right[i] = b;
            distance[i] = mst.weight()[e];
            size[n + i] = size[a] + size[b];
            up[a] = n + i;
            up[b] = n + i;
        }
        return condense(left, right, distance, size, n, minClusterSize);
    }

    private static int find(int[] up, int x) {
        int root = x;
        while (up[root] != root) {
            root = up[root];
        }
        while (up[x] != root) {
            int next = up[x];
            up[x] = root;
            x = next;
        }
        return root;
    }

    /** scikit-learn's {@code _condense_tree}, walking the single-linkage tree breadth first from its root. */
    private static CondensedTree condense(int[] left, int[] right, double[] distance, int[] size, int n, int minClusterSize) {
        int total = 2 * n - 1;
        int[] relabel = new int[total];
        boolean[] ignore = new boolean[total];
        Rows rows = new Rows(n);
        int root = total - 1;
        relabel[root] = n;
        int nextLabel = n + 1;
        int[] queue = bfs(left, right, n, root, total);
        for (int node : queue) {
            if (ignore[node] || node < n) {
                continue;
            }
            int l = left[node - n];
            int r = right[node - n];
            double lambda = distance[node - n] > 0 ? 1.0 / distance[node - n] : Double.POSITIVE_INFINITY;
            int leftCount = size[l];
            int rightCount = size[r];
            int parent = relabel[node];
            if (leftCount >= minClusterSize && rightCount >= minClusterSize) {
                relabel[l] = nextLabel++;
                rows.add(parent, relabel[l], lambda, leftCount);
                relabel[r] = nextLabel++;
                rows.add(parent, relabel[r], lambda, rightCount);
            } else if (leftCount < minClusterSize && rightCount < minClusterSize) {
                fallOut(left, right, size, n, l, parent, lambda, rows, ignore);
                fallOut(left, right, size, n, r, parent, lambda, rows, ignore);
            } else if (leftCount < minClusterSize) {
                relabel[r] = parent;
                fallOut(left, right, size, n, l, parent, lambda, rows, ignore);
            } else {
                relabel[l] = parent;
                fallOut(left, right, size, n, r, parent, lambda, rows, ignore);
            }
        }
        return rows.build(n, nextLabel - n);
    }

    /** Every point under {@code top} leaves {@code parent} at {@code lambda}; the subtree is done. */
    private static void fallOut(int[] left, int[] right, int[] size, int n, int top, int parent, double lambda, Rows rows,
                                boolean[] ignore) {
        for (int sub : bfs(left, right, n, top, 2 * size[top] - 1)) {
            if (sub < n) {
                rows.add(parent, sub, lambda, 1);
            }
            ignore[sub] = true;
        }
    }

    /**
     * Breadth-first order of the single-linkage subtree under {@code top}, left before right
     * (scikit-learn's bfs_from_hierarchy); {@code nodes} is its node count, {@code 2 x leaves - 1}.
     */
    private static int[] bfs(int[] left, int[] right, int n, int top, int nodes) {
        int[] out = new int[nodes];
        int head = 0;
        int tail = 0;
        out[tail++] = top;
        while (head < tail) {
            int node = out[head++];
            if (node >= n) {
                out[tail++] = left[node - n];
                out[tail++] = right[node - n];
            }
        }
        return out;
    }

    /** A growable table of condensed rows. */
    private static final class Rows {
        private int[] parent;
        private int[] child;
        private double[] lambda;
        private int[] childSize;
        private int count;

        Rows(int n) {
            int capacity = Math.max(4, n + 16);
            parent = new int[capacity];
            child = new int[capacity];
            lambda = new double[capacity];
            childSize = new int[capacity];
        }

        void add(int p, int c, double l, int s) {
            if (count == parent.length) {
                int capacity = parent.length * 2;
                parent = Arrays.copyOf(parent, capacity);
                child = Arrays.copyOf(child, capacity);
                lambda = Arrays.copyOf(lambda, capacity);
                childSize = Arrays.copyOf(childSize, capacity);
            }
            parent[count] = p;
            child[count] = c;
            lambda[count] = l;
            childSize[count++] = s;
        }

        CondensedTree build(int n, int clusters) {
            return new CondensedTree(Arrays.copyOf(parent, count), Arrays.copyOf(child, count),
                    Arrays.copyOf(lambda, count), Arrays.copyOf(childSize, count), n, clusters);
        }
    }
}
