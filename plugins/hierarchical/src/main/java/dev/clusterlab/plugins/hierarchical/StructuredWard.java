package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.exec.ExecutionContext;
import java.util.Arrays;

/**
 * Ward's linkage restricted to a connectivity graph (scikit-learn's structured {@code ward_tree}): only
 * clusters joined by an edge may merge, and of those the pair with the least increase of variance merges
 * first. Candidate pairs sit in a heap keyed by scikit-learn's inertia
 * {@code |A||B| / (|A| + |B|) * |c_A - c_B|^2}, computed from the same double-precision moments (sizes and
 * coordinate sums) and ordered as scikit-learn's tuples {@code (inertia, i, j)}, so equal inertias merge
 * in its order; entries of clusters already merged are skipped when they surface. A merge's height is
 * {@code sqrt(2 * inertia)}, the unstructured Ward distance of the pair, and may be lower than an
 * earlier one: the merges keep the order found. Time {@code O(E log E)} heap work plus {@code O(d)} per
 * candidate pair, memory {@code O(n d + E)} for {@code E} graph edges; no matrix.
 */
final class StructuredWard {
    private StructuredWard() {
    }

    static MergeList merges(float[] x, int n, int d, int[][] graph, ExecutionContext context) {
        MergeList merges = new MergeList(n);
        int nodes = 2 * n - 1;
        double[] count = new double[nodes];
        double[] sum = new double[nodes * d];
        int[] parent = new int[nodes];
        int[] member = new int[nodes]; // any point of the node: MergeList names clusters by a member
        boolean[] used = new boolean[nodes];
        int[][] adjacent = new int[nodes][];
        int[] adjacentLength = new int[nodes];
        for (int i = 0; i < n; i++) {
            count[i] = 1;
            for (int t = 0; t < d; t++) {
                sum[i * d + t] = x[i * d + t];
            }
            member[i] = i;
            adjacent[i] = graph[i]; // the graph is this fit's own: its lists grow here in place of copies
            adjacentLength[i] = graph[i].length;
        }
        for (int i = 0; i < nodes; i++) {
            parent[i] = i;
        }
        PairHeap heap = new PairHeap(Math.max(16, n * 4));
        for (int i = 0; i < n; i++) {
            for (int j : graph[i]) {
                if (j < i) {
                    heap.add(inertia(count, sum, d, i, j), i, j);
                }
            }
        }
        int[] heads = new int[16];
        int[] seenAt = new int[nodes]; // seenAt[c] == k: c is already among merge k's neighbours
        Arrays.fill(seenAt, -1);
        for (int k = n; k < nodes; k++) {
            int i;
            int j;
            double inertia;
            do {
                if (heap.isEmpty()) {
                    throw new IllegalStateException("the connectivity graph of " + n + " points left clusters unjoined");
                }
                inertia = heap.minValue();
                i = heap.minI();
                j = heap.minJ();
                heap.removeMin();
            } while (used[i] || used[j]);
            used[i] = true;
            used[j] = true;
            parent[i] = k;
            parent[j] = k;
            member[k] = member[i];
            merges.add(member[i], member[j], Math.sqrt(2.0 * inertia));
            count[k] = count[i] + count[j];
            for (int t = 0; t < d; t++) {
                sum[k * d + t] = sum[i * d + t] + sum[j * d + t];
            }
            // The merged node's neighbours: the current clusters of i's and j's neighbours, once each.
            int h = 0;
            for (int side = 0; side < 2; side++) {
                int node = side == 0 ? i : j;
                for (int a = 0; a < adjacentLength[node]; a++) {
                    int head = head(parent, adjacent[node][a]);
                    if (head != k && seenAt[head] != k) {
                        seenAt[head] = k;
                        if (h == heads.length) {
                            heads = Arrays.copyOf(heads, 2 * h);
                        }
                        heads[h++] = head;
                    }
                }
            }
            adjacent[k] = Arrays.copyOf(heads, h);
            adjacentLength[k] = h;
            adjacent[i] = null; // merged nodes are never read again
            adjacent[j] = null;
            for (int a = 0; a < h; a++) {
                int col = heads[a];
                append(adjacent, adjacentLength, col, k);
                heap.add(inertia(count, sum, d, k, col), k, col);
            }
            if ((k & 255) == 255) {
                context.checkCancelled();
                context.progress().progress((double) (k - n) / n, "agglomerative: structured ward merges");
            }
        }
        return merges;
    }

    /** scikit-learn's {@code compute_ward_dist}, operation for operation. */
    private static double inertia(double[] count, double[] sum, int d, int row, int col) {
        double mr = count[row];
        double mc = count[col];
        double factor = mr * mc / (mr + mc);
        double s = 0;
        for (int t = 0; t < d; t++) {
            double diff = sum[row * d + t] / mr - sum[col * d + t] / mc;
            s += diff * diff;
        }
        return s * factor;
    }

    /** The current cluster of a node: the root of its parent chain, compressed on the way. */
    private static int head(int[] parent, int node) {
        int root = node;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[node] != root) {
            int next = parent[node];
            parent[node] = root;
            node = next;
        }
        return root;
    }

    private static void append(int[][] adjacent, int[] length, int node, int v) {
        int[] a = adjacent[node];
        if (length[node] == a.length) {
            a = Arrays.copyOf(a, Math.max(4, 2 * a.length));
            adjacent[node] = a;
        }
        a[length[node]++] = v;
    }
}
