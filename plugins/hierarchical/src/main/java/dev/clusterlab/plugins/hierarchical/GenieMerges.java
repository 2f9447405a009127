package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.kernel.SpanningTree;
import dev.clusterlab.api.kernel.UnionFind;

/**
 * Genie's merges (Gagolewski, Bartoszuk and Cena 2016, doi:10.1016/j.ins.2016.05.003), written from
 * the paper: single linkage, that is the minimum spanning tree's edges by increasing weight, except
 * that while the Gini index of the cluster sizes exceeds the threshold, the merge must involve a
 * cluster of the smallest size (the cheapest unused edge that touches one). This keeps single
 * linkage's chaining from leaving a few outliers as clusters.
 *
 * <p>The Gini index of sizes {@code c_1..c_m} is {@code sum_{i<j} |c_i - c_j| / ((m - 1) n)}, kept up
 * to date in {@code O(distinct sizes)} per merge from a histogram of sizes. The cheapest edge touching
 * a smallest cluster is found by a scan over the unused edges that resumes where it stopped while the
 * smallest size stays the same (an edge skipped then joins two larger clusters, which only grow), and
 * restarts when it grows. Time {@code O(n sqrt n)} at worst beyond sorting, memory {@code O(n)}.
 */
final class GenieMerges {
    private GenieMerges() {
    }

    static MergeList of(SpanningTree tree, int n, double giniThreshold) {
        MergeList merges = new MergeList(n);
        int m = tree.edges();
        if (m == 0) {
            return merges;
        }
        Integer[] byWeight = new Integer[m];
        for (int e = 0; e < m; e++) {
            byWeight[e] = e;
        }
        float[] w = tree.weight();
        java.util.Arrays.sort(byWeight, (a, b) -> Float.compare(w[a], w[b])); // stable: Prim's order on ties
        int[] edge = new int[m];
        for (int i = 0; i < m; i++) {
            edge[i] = byWeight[i];
        }
        // Unused edges, in weight order, as a doubly linked list over positions 0..m-1 (m: the end).
        int[] next = new int[m + 1];
        int[] prev = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            next[i] = i + 1;
            prev[i] = i - 1;
        }
        int head = 0;
        Sizes sizes = new Sizes(n);
        UnionFind sets = new UnionFind(n);
        int[] sizeOf = new int[n];
        java.util.Arrays.fill(sizeOf, 1);
        int scan = -1;
        int scanFor = -1;
        for (int step = 0; step < m; step++) {
            int pick;
            if (sizes.gini() <= giniThreshold) {
                pick = head;
            } else {
                int smallest = sizes.smallest();
                if (smallest != scanFor || scan >= m) {
                    scan = head;
                    scanFor = smallest;
                }
                while (scan < m) {
                    int e = edge[scan];
                    if (sizeOf[sets.find(tree.source()[e])] == smallest || sizeOf[sets.find(tree.target()[e])] == smallest) {
                        break;
                    }
                    scan = next[scan];
                }
                pick = scan;
            }
            int e = edge[pick];
            // unlink the edge
            if (prev[pick] >= 0) {
                next[prev[pick]] = next[pick];
            } else {
                head = next[pick];
            }
            prev[next[pick]] = prev[pick];
            if (scan == pick) {
                scan = next[pick];
            }
            int ra = sets.find(tree.source()[e]);
            int rb = sets.find(tree.target()[e]);
            sizes.merge(sizeOf[ra], sizeOf[rb]);
            int merged = sizeOf[ra] + sizeOf[rb];
            sets.union(ra, rb);
            sizeOf[sets.find(ra)] = merged;
            merges.add(tree.source()[e], tree.target()[e], w[e]);
        }
        return merges;
    }

    /** The multiset of cluster sizes: a histogram with a list of the sizes present, and the Gini numerator. */
    static final class Sizes {
        private final int n;
        private final int[] count;
        private final int[] nextSize;
        private final int[] prevSize;
        private int first;
        private int clusters;
        /** {@code sum_{i<j} |c_i - c_j|} over the clusters: at most {@code n^2 / 4}, exact in a long. */
        private long spread;

        Sizes(int n) {
            this.n = n;
            count = new int[n + 1];
            nextSize = new int[n + 2];
            prevSize = new int[n + 2];
            count[1] = n;
            first = 1;
            nextSize[1] = 0; // 0 ends the list
            prevSize[1] = 0;
            clusters = n;
        }

        double gini() {
            return clusters <= 1 ? 0 : (double) spread / ((double) (clusters - 1) * n);
        }

        /** @return the smallest size present */
        int smallest() {
            int min = Integer.MAX_VALUE;
            for (int s = first; s != 0; s = nextSize[s]) {
                min = Math.min(min, s);
            }
            return min;
        }

        void merge(int a, int b) {
            remove(a);
            remove(b);
            add(a + b);
        }

        /** {@code sum_j |s - c_j|} over the clusters present. */
        private long distanceTo(int s) {
            long sum = 0;
            for (int c = first; c != 0; c = nextSize[c]) {
                sum += (long) count[c] * Math.abs(s - c);
            }
            return sum;
        }

        private void remove(int s) {
            count[s]--;
            clusters--;
            if (count[s] == 0) {
                unlink(s);
            }
            spread -= distanceTo(s);
        }

        private void add(int s) {
            spread += distanceTo(s);
            if (count[s] == 0) {
                link(s);
            }
            count[s]++;
            clusters++;
        }

        private void link(int s) {
            nextSize[s] = first;
            prevSize[s] = 0;
            if (first != 0) {
                prevSize[first] = s;
            }
            first = s;
        }

        private void unlink(int s) {
            if (prevSize[s] != 0) {
                nextSize[prevSize[s]] = nextSize[s];
            } else {
                first = nextSize[s];
            }
            if (nextSize[s] != 0) {
                prevSize[nextSize[s]] = prevSize[s];
            }
        }
    }
}
