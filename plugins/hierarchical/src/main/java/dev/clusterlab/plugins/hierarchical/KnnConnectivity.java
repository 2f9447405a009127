package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.NeighborIndex;
import dev.clusterlab.api.kernel.UnionFind;
import java.util.Arrays;

/**
 * The connectivity graph of scikit-learn's structured agglomeration, built as
 * {@code AgglomerativeClustering(connectivity=kneighbors_graph(X, n_neighbors, include_self=False))}
 * builds it: each point linked to its {@code n_neighbors} nearest other points (the engine's neighbour
 * index), the links made symmetric, and, when the graph falls apart into several components, each pair
 * of components joined by its closest pair of points (scikit-learn's {@code _fix_connected_components},
 * which warns where this class's caller documents it). Neighbour lists come out sorted by row, as
 * scikit-learn's LIL matrix rows.
 */
final class KnnConnectivity {
    private KnnConnectivity() {
    }

    /**
     * @param x row-major points
     * @param n rows, at least 2
     * @param d dimension
     * @param neighbors neighbours per point, in {@code [1, n - 1]}
     * @param context kernels and cancellation
     * @return for each point, its neighbours in ascending order
     */
    static int[][] graph(float[] x, int n, int d, int neighbors, ExecutionContext context) {
        NeighborIndex index = context.kernels().neighborIndex(x, n, d, Distance.EUCLIDEAN);
        int q = neighbors + 1;
        int[] ids = new int[n * q];
        int chunk = Math.max(512, (n + 7) / 8);
        context.parallel().forEachChunk(n, chunk, (part, from, to) -> {
            int[] found = new int[(to - from) * q]; // the index writes a range's answers from 0
            index.knn(from, to, q, found, new float[found.length]);
            System.arraycopy(found, 0, ids, from * q, found.length);
        });
        int[] degree = new int[n];
        int[] out = new int[n * neighbors];
        for (int i = 0; i < n; i++) {
            // scikit-learn drops the point itself, or, when more duplicates than neighbours hide it, the first.
            int drop = 0;
            for (int t = 0; t < q; t++) {
                if (ids[i * q + t] == i) {
                    drop = t;
                    break;
                }
            }
            int w = 0;
            for (int t = 0; t < q; t++) {
                if (t != drop) {
                    int j = ids[i * q + t];
                    out[i * neighbors + w++] = j;
                    degree[i]++;
                    degree[j]++;
                }
            }
        }
        context.checkCancelled();
        int[][] adj = new int[n][];
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            adj[i] = new int[degree[i]];
        }
        for (int i = 0; i < n; i++) {
            for (int w = 0; w < neighbors; w++) {
                int j = out[i * neighbors + w];
                adj[i][fill[i]++] = j;
                adj[j][fill[j]++] = i;
            }
        }
        for (int i = 0; i < n; i++) {
            adj[i] = sortedUnique(adj[i]);
        }
        return connectComponents(adj, x, n, d, context);
    }

    private static int[] sortedUnique(int[] a) {
        Arrays.sort(a);
        int m = 0;
        for (int v : a) {
            if (m == 0 || a[m - 1] != v) {
                a[m++] = v;
            }
        }
        return m == a.length ? a : Arrays.copyOf(a, m);
    }

    /**
     * Joins every pair of components by its closest pair of points ({@link ComponentBridges}), the
     * later-numbered component's points as rows: components are numbered by their first point.
     */
    private static int[][] connectComponents(int[][] adj, float[] x, int n, int d, ExecutionContext context) {
        UnionFind sets = new UnionFind(n);
        for (int i = 0; i < n; i++) {
            for (int j : adj[i]) {
                sets.union(i, j);
            }
        }
        int[] label = new int[n];
        int[] labelOfRoot = new int[n];
        Arrays.fill(labelOfRoot, -1);
        int components = 0;
        for (int i = 0; i < n; i++) {
            int r = sets.find(i);
            if (labelOfRoot[r] < 0) {
                labelOfRoot[r] = components++;
            }
            label[i] = labelOfRoot[r];
        }
        if (components == 1) {
            return adj;
        }
        int[][] members = new int[components][];
        int[] count = new int[components];
        for (int i = 0; i < n; i++) {
            count[label[i]]++;
        }
        for (int c = 0; c < components; c++) {
            members[c] = new int[count[c]];
            count[c] = 0;
        }
        for (int i = 0; i < n; i++) {
            members[label[i]][count[label[i]]++] = i;
        }
        int[] extraDegree = new int[n];
        int pairs = components * (components - 1) / 2;
        int[] pairRows = new int[pairs];
        int[] pairColumns = new int[pairs];
        for (int ci = 0, p = 0; ci < components; ci++) {
            for (int cj = 0; cj < ci; cj++, p++) {
                pairRows[p] = ci;
                pairColumns[p] = cj;
            }
        }
        ComponentBridges closest = new ComponentBridges(x, d, members, context.kernels());
        int[][] bridge = new int[pairs][];
        context.parallel().forEachChunk(pairs, 1, (p, from, to) -> {
            for (int q = from; q < to; q++) {
                bridge[q] = closest.closestPair(pairRows[q], pairColumns[q]);
            }
            context.checkCancelled();
        });
        for (int[] b : bridge) {
            extraDegree[b[0]]++;
            extraDegree[b[1]]++;
        }
        for (int i = 0; i < n; i++) {
            if (extraDegree[i] > 0) {
                int[] grown = Arrays.copyOf(adj[i], adj[i].length + extraDegree[i]);
                adj[i] = grown;
                extraDegree[i] = adj[i].length - extraDegree[i]; // next free slot
            }
        }
        for (int[] b : bridge) {
            adj[b[0]][extraDegree[b[0]]++] = b[1];
            adj[b[1]][extraDegree[b[1]]++] = b[0];
        }
        for (int i = 0; i < n; i++) {
            adj[i] = sortedUnique(adj[i]);
        }
        return adj;
    }
}
