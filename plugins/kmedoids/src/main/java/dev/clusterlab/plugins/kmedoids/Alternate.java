package dev.clusterlab.plugins.kmedoids;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import java.util.List;
import java.util.Locale;

/**
 * The alternating k-medoids of Park and Jun (2009), scikit-learn-extra's {@code method='alternate'}: a
 * Voronoi iteration that assigns every point to its nearest medoid and then makes each cluster's medoid
 * its member with the smallest summed dissimilarity to the cluster's members, until no medoid changes
 * (a fixed point) or {@code max_iter} iterations. As scikit-learn-extra, a medoid is replaced only by a
 * member that is strictly better (the current one stays on ties; otherwise the lowest row), and an empty
 * cluster keeps its medoid (which the labels never leave empty: a medoid's own row stays in its
 * cluster when another medoid is as near). Each iteration costs {@code O(sum of |C|^2)}.
 *
 * <p><b>Threads.</b> A member's summed dissimilarity is a pure function of the labels, summed in row
 * order; members are evaluated in parallel over fixed chunks and combined in row order.
 *
 * @since 0.2
 */
final class Alternate {
    /** Members per parallel chunk. */
    static final int CHUNK = 64;

    private Alternate() {
    }

    private record Choice(int row, double cost) {
    }

    /**
     * Improves the state's medoids in place.
     *
     * @param state the medoids and caches, updated
     * @param maxIter the most iterations
     * @param context threads and cancellation
     * @param progress the phase's progress
     * @return iterations run (the last one changing nothing when converged), whether a fixed point was
     *     reached, medoid changes made
     */
    static FasterPam.Outcome run(MedoidState state, int maxIter, ExecutionContext context, ProgressListener progress) {
        int n = state.n;
        int k = state.k;
        float[] m = state.d.d;
        int changes = 0;
        for (int iteration = 1; iteration <= maxIter; iteration++) {
            context.checkCancelled();
            int[] labels = state.labels();
            // Members of each cluster in row order (a counting sort).
            int[] start = new int[k + 1];
            for (int l : labels) {
                start[l + 1]++;
            }
            for (int s = 0; s < k; s++) {
                start[s + 1] += start[s];
            }
            int[] members = new int[n];
            int[] fill = start.clone();
            for (int o = 0; o < n; o++) {
                members[fill[labels[o]]++] = o;
            }
            int[] next = state.medoids.clone();
            for (int s = 0; s < k; s++) {
                int from = start[s];
                int size = start[s + 1] - from;
                if (size == 0) {
                    continue;
                }
                int current = state.medoids[s];
                List<Choice> bests = context.parallel().mapChunks(size, CHUNK, (chunk, a, b) -> {
                    Choice best = null;
                    for (int i = a; i < b; i++) {
                        int row = members[from + i];
                        int base = row * n;
                        double cost = 0;
                        for (int j = 0; j < size; j++) {
                            cost += m[base + members[from + j]];
                        }
                        if (best == null || cost < best.cost()) {
                            best = new Choice(row, cost);
                        }
                    }
                    return best;
                });
                Choice best = null;
                for (Choice c : bests) {
                    if (best == null || c.cost() < best.cost()) {
                        best = c;
                    }
                }
                double currentCost = 0;
                int base = current * n;
                for (int j = 0; j < size; j++) {
                    currentCost += m[base + members[from + j]];
                }
                if (best.cost() < currentCost && best.row() != current) {
                    next[s] = best.row();
                }
            }
            boolean changed = false;
            for (int s = 0; s < k; s++) {
                if (next[s] != state.medoids[s]) {
                    changed = true;
                    changes++;
                }
            }
            if (!changed) {
                return new FasterPam.Outcome(iteration, true, changes);
            }
            state.replaceAll(next, context);
            progress.progress(Math.min(1.0, iteration / (double) Math.max(1, Math.min(maxIter, 20))),
                    String.format(Locale.ROOT, "%s: Voronoi iteration %d, total deviation %.6g", KMedoidsAlgorithm.ID, iteration,
                            state.loss()));
        }
        return new FasterPam.Outcome(maxIter, false, changes);
    }
}
