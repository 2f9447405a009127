package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.exec.ExecutionContext;
import java.util.List;

/**
 * The nearest-neighbour chain algorithm (Murtagh 1983; in Müllner's form, arXiv:1109.2378, figure 4) on a
 * condensed matrix, for the reducible linkages complete, average and weighted. Follow nearest
 * neighbours from a cluster until two clusters are each other's nearest, merge them, and continue
 * from the rest of the chain: {@code O(n^2)} time, and memory of the matrix (float). Ties are broken
 * as SciPy's {@code nn_chain}: the previous cluster of the chain is kept unless another is strictly
 * nearer, otherwise the lowest index; the merged cluster takes the higher index, and the Lance-Williams
 * update is computed in double. The merges are then sorted by height ({@link MergeList}).
 *
 * <p>Speed: a scan reads one row of the symmetric matrix, half of it down a column of the triangle
 * (tiled, see {@link CondensedMatrix}); the matrix is copied down to the active clusters whenever half
 * its rows are merged away (order kept, so ties go the same way), and long scans and updates are split
 * between the threads (each part's first minimum, combined in order: the same answer on any number of
 * threads).
 */
final class NearestNeighborChain {
    /** Rows from which a scan or an update is split into {@value} -row parts for the threads. */
    private static final int PARALLEL_ROWS = 4096;

    private NearestNeighborChain() {
    }

    static MergeList merges(CondensedMatrix matrix, Linkage linkage, ExecutionContext context) {
        CondensedMatrix dist = matrix;
        int n = dist.n;
        MergeList merges = new MergeList(n);
        // By position in the (compacted) matrix: the cluster there and its size (0 once dropped).
        int[] clusterAt = new int[n];
        int[] sizeAt = new int[n];
        // By cluster: its position.
        int[] positionOf = new int[n];
        for (int i = 0; i < n; i++) {
            clusterAt[i] = i;
            positionOf[i] = i;
            sizeAt[i] = 1;
        }
        int m = n;
        int dropped = 0;
        int[] chain = new int[n]; // clusters
        int length = 0;
        for (int k = 0; k < n - 1; k++) {
            if (length == 0) {
                for (int p = 0; p < m; p++) {
                    if (sizeAt[p] > 0) {
                        chain[length++] = clusterAt[p];
                        break;
                    }
                }
            }
            int x;
            int y;
            float current;
            while (true) {
                x = positionOf[chain[length - 1]];
                int prev = length > 1 ? positionOf[chain[length - 2]] : -1;
                CondensedMatrix.Least least = least(dist, sizeAt, m, x, context);
                if (prev >= 0 && dist.get(x, prev) <= least.value()) {
                    y = prev;
                    current = dist.get(x, prev);
                } else {
                    y = least.row();
                    current = least.value();
                }
                if (y == prev) {
                    break;
                }
                chain[length++] = clusterAt[y];
            }
            length -= 2;
            if (x > y) {
                int t = x;
                x = y;
                y = t;
            }
            int nx = sizeAt[x];
            int ny = sizeAt[y];
            merges.add(clusterAt[x], clusterAt[y], current);
            sizeAt[x] = 0;
            sizeAt[y] = nx + ny;
            update(dist, sizeAt, m, x, y, nx, ny, linkage, context);
            dropped++;
            if (2 * dropped > m && m > 64) {
                int count = 0;
                int[] keep = new int[m - dropped];
                for (int p = 0; p < m; p++) {
                    if (sizeAt[p] > 0) {
                        keep[count] = p;
                        clusterAt[count] = clusterAt[p];
                        sizeAt[count] = sizeAt[p];
                        positionOf[clusterAt[count]] = count;
                        count++;
                    }
                }
                dist = dist.compacted(keep, count);
                m = count;
                dropped = 0;
            }
            if ((k & 1023) == 1023) {
                context.checkCancelled();
                context.progress().progress(0.5 + 0.5 * k / n, "agglomerative: merging");
            }
        }
        return merges;
    }

    /** The first position of the least distance from row {@code x} to an active row other than {@code x}. */
    private static CondensedMatrix.Least least(CondensedMatrix dist, int[] sizeAt, int m, int x, ExecutionContext context) {
        if (m < PARALLEL_ROWS || context.parallel().threads() < 2) {
            return dist.least(x, sizeAt, 0, m);
        }
        List<CondensedMatrix.Least> parts = context.parallel().mapChunks(m, (m + 1) / 2, (chunk, from, to) -> dist.least(x, sizeAt, from, to));
        CondensedMatrix.Least best = parts.getFirst();
        for (CondensedMatrix.Least l : parts) {
            if (l.value() < best.value()) {
                best = l;
            }
        }
        return best;
    }

    /** The Lance-Williams update of row {@code y}, the merge of {@code x} and {@code y}, against every active row. */
    private static void update(CondensedMatrix dist, int[] sizeAt, int m, int x, int y, int nx, int ny, Linkage linkage,
                               ExecutionContext context) {
        if (m < PARALLEL_ROWS || context.parallel().threads() < 2) {
            updateIn(dist, sizeAt, 0, m, x, y, nx, ny, linkage);
        } else {
            context.parallel().forEachChunk(m, (m + 1) / 2, (chunk, from, to) -> updateIn(dist, sizeAt, from, to, x, y, nx, ny, linkage));
        }
    }

    private static void updateIn(CondensedMatrix dist, int[] sizeAt, int from, int to, int x, int y, int nx, int ny,
                                 Linkage linkage) {
        for (int i = from; i < to; i++) {
            if (sizeAt[i] == 0 || i == y) {
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
    }
}
