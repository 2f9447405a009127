package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.exec.ExecutionContext;

/**
 * The nearest-neighbour chain algorithm (Murtagh 1983; in Müllner's form, arXiv:1109.2378, figure 4) on a
 * condensed matrix, for the reducible linkages complete, average and weighted. Follow nearest
 * neighbours from a cluster until two clusters are each other's nearest, merge them, and continue
 * from the rest of the chain: {@code O(n^2)} time, and memory of the matrix (float). Ties are broken
 * as SciPy's {@code nn_chain}: the previous cluster of the chain is kept unless another is strictly
 * nearer, otherwise the lowest index; the merged cluster takes the higher index, and the Lance-Williams
 * update is computed in double. The merges are then sorted by height ({@link MergeList}).
 */
final class NearestNeighborChain {
    private NearestNeighborChain() {
    }

    static MergeList merges(CondensedMatrix dist, Linkage linkage, ExecutionContext context) {
        int n = dist.n;
        MergeList merges = new MergeList(n);
        int[] size = new int[n];
        java.util.Arrays.fill(size, 1);
        int[] chain = new int[n];
        int length = 0;
        for (int k = 0; k < n - 1; k++) {
            if (length == 0) {
                for (int i = 0; i < n; i++) {
                    if (size[i] > 0) {
                        chain[length++] = i;
                        break;
                    }
                }
            }
            int x;
            int y;
            double current;
            while (true) {
                x = chain[length - 1];
                if (length > 1) {
                    y = chain[length - 2];
                    current = dist.get(x, y);
                } else {
                    y = -1;
                    current = Double.POSITIVE_INFINITY;
                }
                // Row x of the condensed matrix: a column above the diagonal (stride n - i - 2), then contiguous.
                float[] values = dist.values;
                int at = x - 1;
                for (int i = 0; i < x; i++) {
                    if (size[i] > 0 && values[at] < current) {
                        current = values[at];
                        y = i;
                    }
                    at += n - i - 2;
                }
                at = x + 1 < n ? (int) dist.index(x, x + 1) : 0;
                for (int i = x + 1; i < n; i++, at++) {
                    if (size[i] > 0 && values[at] < current) {
                        current = values[at];
                        y = i;
                    }
                }
                if (length > 1 && y == chain[length - 2]) {
                    break;
                }
                chain[length++] = y;
            }
            length -= 2;
            if (x > y) {
                int t = x;
                x = y;
                y = t;
            }
            int nx = size[x];
            int ny = size[y];
            merges.add(x, y, current);
            size[x] = 0;
            size[y] = nx + ny;
            for (int i = 0; i < n; i++) {
                if (size[i] == 0 || i == y) {
                    continue;
                }
                double dxi = dist.get(i, x);
                double dyi = dist.get(i, y);
                double v = switch (linkage) {
                    case COMPLETE -> Math.max(dxi, dyi);
                    case AVERAGE -> (nx * dxi + ny * dyi) / (nx + ny);
                    case WEIGHTED -> 0.5 * (dxi + dyi);
                    default -> throw new IllegalArgumentException("not a matrix linkage: " + linkage);
                };
                dist.set(i, y, (float) v);
            }
            if ((k & 1023) == 1023) {
                context.checkCancelled();
                context.progress().progress(0.5 + 0.5 * k / n, "agglomerative: merging");
            }
        }
        return merges;
    }
}
