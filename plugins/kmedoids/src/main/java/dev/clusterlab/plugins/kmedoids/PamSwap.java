package dev.clusterlab.plugins.kmedoids;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import java.util.List;
import java.util.Locale;

/**
 * PAM's SWAP phase (Kaufman and Rousseeuw 1990): each iteration finds the best of all {@code k (n - k)}
 * swaps of a medoid and a non-medoid and makes it if it lowers the total deviation; it stops when none
 * does, or after {@code max_iter} iterations. The swaps are evaluated with FastPAM1's one pass per
 * candidate for all medoids ({@link SwapCost}), which finds the same best swap as the original's
 * {@code O(k)} passes (Schubert and Rousseeuw 2021, section 3). The best is the smallest change, the
 * lowest candidate row and then the lowest slot on ties.
 *
 * <p><b>Threads.</b> The candidates are evaluated in parallel over fixed chunks of rows, and the chunks'
 * bests are combined in row order: the same swap for any thread count.
 *
 * @since 0.2
 */
final class PamSwap {
    /** Candidate rows per parallel chunk. */
    static final int CHUNK = 64;

    private PamSwap() {
    }

    private record Candidate(int row, SwapCost.Best best) {
    }

    /**
     * Improves the state's medoids in place.
     *
     * @param state the medoids and caches, updated
     * @param maxIter the most iterations (swap searches)
     * @param context threads and cancellation
     * @param progress the phase's progress
     * @return iterations run (searches, the last one finding no improvement when converged), whether no
     *     swap improves, swaps made
     */
    static FasterPam.Outcome run(MedoidState state, int maxIter, ExecutionContext context, ProgressListener progress) {
        int n = state.n;
        int k = state.k;
        double[] removal = new double[k];
        int swaps = 0;
        for (int iteration = 1; iteration <= maxIter; iteration++) {
            context.checkCancelled();
            if (k > 1) {
                state.removalLoss(removal);
            }
            double loss = state.loss();
            List<Candidate> bests = context.parallel().mapChunks(n, CHUNK, (chunk, from, to) -> {
                double[] scratch = new double[k];
                Candidate best = null;
                for (int c = from; c < to; c++) {
                    if (state.slotOf[c] < 0) {
                        SwapCost.Best b = SwapCost.evaluate(state, removal, c, scratch);
                        if (best == null || b.delta() < best.best().delta()) {
                            best = new Candidate(c, b);
                        }
                    }
                }
                return best;
            });
            Candidate best = null;
            for (Candidate b : bests) {
                if (b != null && (best == null || b.best().delta() < best.best().delta())) {
                    best = b;
                }
            }
            if (best == null || !(best.best().delta() < -SwapCost.tolerance(loss, n))) {
                return new FasterPam.Outcome(iteration, true, swaps);
            }
            state.swap(best.best().slot(), best.row(), context);
            swaps++;
            progress.progress(Math.min(1.0, iteration / (double) Math.max(1, Math.min(maxIter, 4 * k))),
                    String.format(Locale.ROOT, "%s: PAM swap %d, total deviation %.6g", KMedoidsAlgorithm.ID, swaps, state.loss()));
        }
        return new FasterPam.Outcome(maxIter, false, swaps);
    }
}
