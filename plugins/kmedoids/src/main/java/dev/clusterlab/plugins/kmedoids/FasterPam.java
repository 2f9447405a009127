package dev.clusterlab.plugins.kmedoids;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import java.util.List;

/**
 * FasterPAM's swap phase (Schubert and Rousseeuw 2021, Algorithm 3): the candidates are visited in row
 * order, pass after pass; each non-medoid's best swap ({@link SwapCost}, all medoids at once) is made
 * at once when it lowers the total deviation (eager, first improvement), and the visit goes on with the
 * next row. The phase ends when the visit comes back to the row of the last swap without another one
 * (a whole cycle of {@code n} candidates found nothing: a local optimum for single swaps), or after
 * {@code max_iter} passes.
 *
 * <p><b>Threads.</b> The result is the sequential one for any thread count. With more than one thread
 * and enough points, a batch of the next candidates is evaluated at once against the current state (a
 * pure function of it) and the first improving one in row order is taken: the evaluations after it are
 * thrown away and the visit goes on after it, exactly as the sequential loop would.
 *
 * @since 0.2
 */
final class FasterPam {
    /** Candidates evaluated together per thread in a batch. */
    static final int BATCH_PER_THREAD = 4;

    /** The outcome of the swap phase. */
    record Outcome(int passes, boolean converged, int swaps) {
    }

    private FasterPam() {
    }

    /**
     * Improves the state's medoids in place.
     *
     * @param state the medoids and caches, updated
     * @param maxIter the most passes over the candidates
     * @param context threads and cancellation
     * @param progress the phase's progress
     * @return passes run, whether a local optimum was reached, swaps made
     */
    static Outcome run(MedoidState state, int maxIter, ExecutionContext context, ProgressListener progress) {
        int n = state.n;
        int k = state.k;
        double[] removal = new double[k];
        if (k > 1) {
            state.removalLoss(removal);
        }
        double loss = state.loss();
        int threads = context.parallel().threads();
        boolean batched = threads > 1 && n >= MedoidState.PARALLEL_MIN;
        int batch = batched ? threads * BATCH_PER_THREAD : 1;
        double[] scratch = new double[k];
        double[][] scratches = new double[batch][k];
        int lastSwap = -1;
        int swaps = 0;
        int passes = 0;
        while (passes < maxIter) {
            passes++;
            boolean swapped = false;
            int c = 0;
            while (c < n) {
                context.checkCancelled();
                double tol = SwapCost.tolerance(loss, n);
                int found = -1;
                SwapCost.Best best = null;
                if (!batched) {
                    if (c == lastSwap) {
                        return new Outcome(passes, true, swaps);
                    }
                    if (state.slotOf[c] < 0) {
                        SwapCost.Best b = SwapCost.evaluate(state, removal, c, scratch);
                        if (b.delta() < -tol) {
                            found = c;
                            best = b;
                        }
                    }
                    c++;
                } else {
                    int from = c;
                    int to = Math.min(n, from + batch);
                    // Stop the batch at the last swap's row: reaching it again ends the phase.
                    int stop = lastSwap >= from && lastSwap < to ? lastSwap : to;
                    final double[] removalNow = removal;
                    List<SwapCost.Best> results = context.parallel().mapChunks(stop - from, 1, (chunk, a, b) -> {
                        int row = from + a;
                        return state.slotOf[row] >= 0 ? null : SwapCost.evaluate(state, removalNow, row, scratches[chunk]);
                    });
                    for (int i = 0; i < results.size(); i++) {
                        SwapCost.Best b = results.get(i);
                        if (b != null && b.delta() < -tol) {
                            found = from + i;
                            best = b;
                            break;
                        }
                    }
                    if (found < 0 && stop == lastSwap) {
                        return new Outcome(passes, true, swaps);
                    }
                    c = found >= 0 ? found + 1 : stop;
                }
                if (found >= 0) {
                    state.swap(best.slot(), found, context);
                    if (k > 1) {
                        state.removalLoss(removal);
                    }
                    loss = state.loss();
                    lastSwap = found;
                    swapped = true;
                    swaps++;
                }
            }
            progress.progress(Math.min(1.0, passes / (double) Math.max(1, Math.min(maxIter, 10))),
                    String.format(java.util.Locale.ROOT, "%s: pass %d, %d swaps, total deviation %.6g", KMedoidsAlgorithm.ID,
                            passes, swaps, loss));
            if (!swapped) {
                return new Outcome(passes, true, swaps);
            }
        }
        return new Outcome(passes, false, swaps);
    }
}
