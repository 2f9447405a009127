package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.exec.ExecutionContext;

/**
 * Complete, average and weighted linkage by Müllner's generic algorithm (arXiv:1109.2378, figure 3) on
 * the condensed matrix: every cluster keeps a candidate nearest neighbour among the clusters of higher
 * index, with a lower bound on its distance, in a heap; the pair at the top is merged when its bound is
 * still its distance, else the candidate is looked for again. The point of it here: looking for a
 * candidate reads only the half of a row that is contiguous in the matrix, and the other half is read
 * once per merge, by the Lance-Williams update that must touch it anyway, which lowers the bounds in
 * the same pass. The nearest-neighbour chain (SciPy's {@code nn_chain}) reads both halves of about
 * three rows per merge, half of them down a column; on 20,000 points this took twice as long. The
 * tree is the same as the chain's when no two distances tie (both find the unique dendrogram of a
 * reducible linkage); the merges are then sorted by height as SciPy does ({@link MergeList}). Ties:
 * the lowest index, as SciPy's scans. Time {@code O(n^2)} on typical data ({@code O(n^3)} at worst),
 * memory the matrix plus {@code O(n)}.
 */
final class GenericMatrix {
    private GenericMatrix() {
    }

    static MergeList merges(CondensedMatrix matrix, Linkage linkage, ExecutionContext context) {
        CondensedMatrix dist = matrix;
        int n = dist.n;
        MergeList merges = new MergeList(n);
        if (n < 2) {
            return merges;
        }
        // By position in the (compacted) matrix: the cluster there (a point of it, for the merge list),
        // its size (0 once merged away), its candidate neighbour (a position above) and that bound.
        int[] clusterAt = new int[n];
        int[] size = new int[n];
        int[] neighbor = new int[n];
        double[] minDist = new double[n];
        for (int i = 0; i < n; i++) {
            clusterAt[i] = i;
            size[i] = 1;
        }
        int m = n;
        for (int i = 0; i < m; i++) {
            nearestAbove(dist, size, m, i, neighbor, minDist);
        }
        IndexedMinHeap heap = new IndexedMinHeap(java.util.Arrays.copyOf(minDist, m));
        int dropped = 0;
        float[] fresh = new float[n];
        for (int k = 0; k < n - 1; k++) {
            int x;
            int y;
            float current;
            while (true) {
                x = heap.minKey();
                y = neighbor[x];
                current = (float) minDist[x];
                if (y >= 0 && size[y] > 0 && dist.get(x, y) == current) {
                    break;
                }
                nearestAbove(dist, size, m, x, neighbor, minDist);
                heap.change(x, minDist[x]);
            }
            heap.removeMin();
            heap.change(x, Double.POSITIVE_INFINITY);
            int nx = size[x];
            int ny = size[y];
            merges.add(clusterAt[x], clusterAt[y], current);
            size[x] = 0;
            size[y] = nx + ny;
            // Candidates that pointed to x now point to y, as a guess (their bound stays a lower bound).
            for (int z = 0; z < x; z++) {
                if (neighbor[z] == x) {
                    neighbor[z] = y;
                }
            }
            dist.update(x, y, size, m, combine(linkage, nx, ny), fresh, context.parallel());
            // Lower the bound of every z < y now nearer to y than its bound.
            for (int z = 0; z < y; z++) {
                if (size[z] > 0 && z != x && fresh[z] < minDist[z]) {
                    neighbor[z] = y;
                    minDist[z] = fresh[z];
                    heap.change(z, fresh[z]);
                }
            }
            nearestAbove(dist, size, m, y, neighbor, minDist);
            heap.change(y, minDist[y]);
            dropped++;
            if (2 * dropped > m && m > 2 * CondensedMatrix.B && k < n - 2) {
                // Copy the matrix down to the active clusters (order kept, so ties go the same way).
                int[] keep = new int[m - dropped];
                int[] newPosition = new int[m];
                int count = 0;
                for (int p = 0; p < m; p++) {
                    newPosition[p] = -1;
                    if (size[p] > 0) {
                        keep[count] = p;
                        newPosition[p] = count++;
                    }
                }
                dist = dist.compacted(keep, count);
                for (int c = 0; c < count; c++) {
                    int p = keep[c];
                    clusterAt[c] = clusterAt[p];
                    size[c] = size[p];
                    neighbor[c] = neighbor[p] < 0 || newPosition[neighbor[p]] < 0 ? -1 : newPosition[neighbor[p]];
                    minDist[c] = minDist[p];
                }
                m = count;
                java.util.Arrays.fill(size, m, n, 0);
                heap = new IndexedMinHeap(java.util.Arrays.copyOf(minDist, m));
                dropped = 0;
            }
            if ((k & 1023) == 1023) {
                context.checkCancelled();
                context.progress().progress(0.5 + 0.5 * k / n, "agglomerative: merging");
            }
        }
        return merges;
    }

    /** Sets position {@code x}'s candidate: its nearest active position above it (ties: the lowest), or -1 and infinity. */
    private static void nearestAbove(CondensedMatrix dist, int[] size, int m, int x, int[] neighbor, double[] minDist) {
        if (x + 1 >= m) {
            neighbor[x] = -1;
            minDist[x] = Double.POSITIVE_INFINITY;
            return;
        }
        CondensedMatrix.Least l = dist.least(x, size, x + 1, m);
        neighbor[x] = l.row();
        minDist[x] = l.row() < 0 ? Double.POSITIVE_INFINITY : l.value();
    }

    private static CondensedMatrix.Combine combine(Linkage linkage, int nx, int ny) {
        return switch (linkage) {
            case COMPLETE -> Math::max;
            case AVERAGE -> (dx, dy) -> (float) ((nx * (double) dx + ny * (double) dy) / (nx + ny));
            case WEIGHTED -> (dx, dy) -> (float) (0.5 * ((double) dx + dy));
            default -> throw new IllegalArgumentException("not a matrix linkage: " + linkage);
        };
    }
}
