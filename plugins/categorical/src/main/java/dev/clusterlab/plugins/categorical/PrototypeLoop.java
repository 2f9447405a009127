package dev.clusterlab.plugins.categorical;

import dev.clusterlab.api.algorithm.IterationStats;
import dev.clusterlab.api.exec.ExecutionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of k-modes / k-prototypes from given initial prototypes: alternate an assignment step and
 * an update step until no point changes cluster or {@code max_iter} updates were made.
 *
 * <ul>
 *   <li><b>Assignment</b>: every row goes to its nearest prototype ({@link Prototypes#nearest}, the
 *       lowest cluster index on ties), over fixed chunks of {@value #CHUNK} rows in parallel.</li>
 *   <li><b>Empty clusters</b>: a cluster that received no row is re-seeded, in cluster order, with the
 *       row farthest from its own prototype (the lowest row on ties) among rows whose cluster keeps at
 *       least one other row, and that row moves to it; if every such row sits on its prototype the
 *       cluster stays empty and is left out of the result. (The Python {@code kmodes} package moves a
 *       random row of the largest cluster; the farthest row is what scikit-learn's k-means takes, and it
 *       lowers the cost most.)</li>
 *   <li><b>Update</b>: each mode becomes the most frequent level of its cluster's rows in that attribute
 *       (the smallest code on ties, as the package: the first level, or the smallest value for a
 *       numeric column in k-modes), counted in exact integers per attribute in parallel; each mean is
 *       the average of its cluster's rows, summed in double over the same row chunks and combined in
 *       chunk order. A cluster without rows keeps its prototype.</li>
 * </ul>
 * This is the batch form of Huang's iteration (all rows assigned, then all prototypes updated, as
 * Lloyd's k-means); Huang's papers and the {@code kmodes} package update the two prototypes concerned
 * after every single move, which cannot be split over threads. Both lower the cost at every step and
 * stop at a partition no single row leaves. The labels and cost bits do not depend on the thread count.
 */
final class PrototypeLoop {
    static final int CHUNK = 2048;

    /**
     * The outcome of one run.
     *
     * @param labels cluster of every row, {@code 0..k-1} (some clusters possibly empty)
     * @param prototypes the final prototypes (the ones the labels were assigned to)
     * @param cost the sum of every row's dissimilarity to its prototype
     * @param iterations updates made
     * @param converged whether the last assignment moved no row
     * @param stats cost and moves after every assignment
     */
    record Outcome(int[] labels, Prototypes prototypes, double cost, int iterations, boolean converged,
                   List<IterationStats> stats) {
    }

    private PrototypeLoop() {
    }

    static Outcome run(EncodedRows x, Prototypes initial, int[] levelCounts, double gamma, int maxIter, ExecutionContext context) {
        int n = x.n();
        Prototypes q = initial.copy();
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, -1);
        double[] dist = new double[n];
        List<IterationStats> stats = new ArrayList<>();
        long moved = assign(x, q, gamma, labels, dist, context) + reseedEmpty(x, q, labels, dist);
        double cost = sum(dist, context);
        stats.add(new IterationStats(0, cost, moved, (long) n * q.k));
        boolean converged = false;
        int iterations = 0;
        while (iterations < maxIter) {
            context.checkCancelled();
            update(x, q, levelCounts, labels, context);
            iterations++;
            moved = assign(x, q, gamma, labels, dist, context) + reseedEmpty(x, q, labels, dist);
            cost = sum(dist, context);
            stats.add(new IterationStats(iterations, cost, moved, (long) n * q.k));
            if (moved == 0) {
                converged = true;
                break;
            }
        }
        return new Outcome(labels, q, cost, iterations, converged, List.copyOf(stats));
    }

    /** Assigns every row to its nearest prototype; @return how many rows changed cluster */
    static long assign(EncodedRows x, Prototypes q, double gamma, int[] labels, double[] dist, ExecutionContext context) {
        List<Integer> moves = context.parallel().mapChunks(x.n(), CHUNK, (chunk, from, to) -> {
            int changed = 0;
            for (int i = from; i < to; i++) {
                int c = q.nearest(x, i, gamma, dist, i);
                if (c != labels[i]) {
                    labels[i] = c;
                    changed++;
                }
            }
            return changed;
        });
        long total = 0;
        for (int c : moves) {
            total += c;
        }
        return total;
    }

    /** Re-seeds every empty cluster (see the class comment); @return rows moved */
    static int reseedEmpty(EncodedRows x, Prototypes q, int[] labels, double[] dist) {
        int[] sizes = new int[q.k];
        for (int l : labels) {
            sizes[l]++;
        }
        int moved = 0;
        for (int c = 0; c < q.k; c++) {
            if (sizes[c] > 0) {
                continue;
            }
            int far = -1;
            double farthest = 0;
            for (int i = 0; i < labels.length; i++) {
                if (dist[i] > farthest && sizes[labels[i]] > 1) {
                    farthest = dist[i];
                    far = i;
                }
            }
            if (far < 0) {
                continue;
            }
            sizes[labels[far]]--;
            labels[far] = c;
            sizes[c] = 1;
            dist[far] = 0;
            q.setToRow(c, x, far);
            moved++;
        }
        return moved;
    }

    /** Modes and means from the labels (see the class comment). */
    static void update(EncodedRows x, Prototypes q, int[] levelCounts, int[] labels, ExecutionContext context) {
        int n = x.n();
        int k = q.k;
        int m = x.m();
        int p = x.p();
        int[] sizes = new int[k];
        for (int l : labels) {
            sizes[l]++;
        }
        if (m > 0) {
            int[] cat = x.cat();
            // Integer counts are exact in any order, so attributes are counted in parallel, each over all rows.
            context.parallel().forEachChunk(m, 1, (chunk, from, to) -> {
                for (int a = from; a < to; a++) {
                    int levels = levelCounts[a];
                    int[] counts = new int[k * levels];
                    for (int i = 0; i < n; i++) {
                        counts[labels[i] * levels + cat[i * m + a]]++;
                    }
                    for (int c = 0; c < k; c++) {
                        if (sizes[c] == 0) {
                            continue;
                        }
                        int best = 0;
                        int o = c * levels;
                        for (int v = 1; v < levels; v++) {
                            if (counts[o + v] > counts[o + best]) {
                                best = v;
                            }
                        }
                        q.modes[c * m + a] = best;
                    }
                }
            });
        }
        if (p > 0) {
            float[] num = x.num();
            List<double[]> partial = context.parallel().mapChunks(n, CHUNK, (chunk, from, to) -> {
                double[] s = new double[k * p];
                for (int i = from; i < to; i++) {
                    int o = labels[i] * p;
                    for (int j = 0; j < p; j++) {
                        s[o + j] += num[i * p + j];
                    }
                }
                return s;
            });
            double[] sums = new double[k * p];
            for (double[] s : partial) {
                for (int e = 0; e < s.length; e++) {
                    sums[e] += s[e];
                }
            }
            for (int c = 0; c < k; c++) {
                if (sizes[c] > 0) {
                    for (int j = 0; j < p; j++) {
                        q.means[c * p + j] = sums[c * p + j] / sizes[c];
                    }
                }
            }
        }
    }

    /** The sum of {@code v} over the row chunks, combined in chunk order. */
    static double sum(double[] v, ExecutionContext context) {
        List<Double> parts = context.parallel().mapChunks(v.length, CHUNK, (chunk, from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                s += v[i];
            }
            return s;
        });
        double total = 0;
        for (double s : parts) {
            total += s;
        }
        return total;
    }
}
