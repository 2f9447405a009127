package dev.clusterlab.engine;

import dev.clusterlab.api.kernel.SpanningTree;
import java.util.PriorityQueue;

/**
 * Lists a spanning tree's edges as Prim would add them: start at row 0, then repeatedly the cheapest
 * edge from the rows reached to a row not reached, ties to the lowest row, written as
 * {@code (row reached, new row, weight)}. Prim on the complete graph picks, at every step, an edge of
 * the cut's least weight, and when that edge is unique it is a tree edge; so when the spanning tree is
 * unique (no ties that matter) the result is {@link PrimMst#plain}'s, edge for edge and in the same
 * order: the same single-linkage tree with the same left and right children. {@code O(n log n)}.
 */
final class PrimOrder {
    private PrimOrder() {
    }

    static SpanningTree of(int n, int[] a, int[] b, float[] w) {
        int m = a.length;
        int[] offset = new int[n + 1];
        for (int e = 0; e < m; e++) {
            offset[a[e] + 1]++;
            offset[b[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            offset[i + 1] += offset[i];
        }
        int[] fill = offset.clone();
        int[] incident = new int[2 * m];
        for (int e = 0; e < m; e++) {
            incident[fill[a[e]]++] = e;
            incident[fill[b[e]]++] = e;
        }
        boolean[] reached = new boolean[n];
        int[] via = new int[n];
        int[] source = new int[m];
        int[] target = new int[m];
        float[] weight = new float[m];
        PriorityQueue<Long> frontier = new PriorityQueue<>();
        int count = 0;
        int node = 0;
        while (true) {
            reached[node] = true;
            for (int k = offset[node]; k < offset[node + 1]; k++) {
                int e = incident[k];
                int other = a[e] == node ? b[e] : a[e];
                if (!reached[other]) {
                    via[other] = e;
                    // Weights are >= 0 (-0 folded to 0): their bits sort like the values; then the lowest row.
                    frontier.add(((long) Float.floatToIntBits(w[e] + 0f) << 32) | other);
                }
            }
            if (frontier.isEmpty()) {
                break;
            }
            int next = (int) (long) frontier.poll();
            int e = via[next];
            source[count] = a[e] == next ? b[e] : a[e];
            target[count] = next;
            weight[count] = w[e];
            count++;
            node = next;
        }
        if (count != m) {
            throw new IllegalStateException("not a spanning tree: reached " + (count + 1) + " of " + n + " rows");
        }
        return new SpanningTree(source, target, weight);
    }
}
