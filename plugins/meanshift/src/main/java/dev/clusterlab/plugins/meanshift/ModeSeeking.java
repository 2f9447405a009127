package dev.clusterlab.plugins.meanshift;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hill climbing of every seed, as scikit-learn's {@code _mean_shift_single_seed}: the seed moves to
 * the mean of the points within distance {@code <= bandwidth} of it (flat kernel, the boundary included),
 * and again, until a move is shorter than {@code 1e-3 * bandwidth} or {@code max_iter} moves have been
 * made after the first; a seed that finds no point is dropped. Each seed ends at its last mean, with
 * the number of points that mean was taken over (its intensity).
 *
 * <p><b>Exactness.</b> Means are double, the data float widened exactly; window membership is decided in
 * double by scikit-learn's test and the window's sum depends on its set of members only ({@link Windows}).
 * So seeds whose windows hold the same points reach bitwise the same mean, and collapse as in
 * scikit-learn's dictionary.
 *
 * <p><b>Speed, exactly.</b> A step is a pure function of the mean it starts from, and the seeds' paths
 * merge as they near a mode (on 20,000 blobs, 2.4 times as many steps as distinct starting means). So
 * steps are remembered by their starting mean (bitwise) and a seed that reaches a remembered mean takes
 * the remembered step; identical seeds (duplicate points) climb once. Seeds go in fixed chunks of
 * {@value #CHUNK} over {@link dev.clusterlab.api.exec.Parallel#forEachChunk}, each written to its own
 * slot: the outcome does not depend on the thread count, and the shared memory of steps changes only how
 * much is computed, never what. Time {@code O(distinct steps * (blocks + boundary points) d)}; memory
 * {@code O((seeds + remembered steps) d)}, the memory of steps capped at {@value #MEMO_LIMIT} entries (from the {@value #MEMO_FROM}th move on).
 */
final class ModeSeeking {
    /** Seeds per parallel chunk: small, so that a few slow seeds do not leave a thread idle. */
    static final int CHUNK = 8;
    /** Most steps remembered (about 100 bytes each at d = 2). */
    static final int MEMO_LIMIT = 1 << 20;
    /**
     * Steps are remembered from this move on: paths almost never meet in their first moves (on 20,000
     * blobs, 2% of the fifth moves start from a mean seen before, a quarter of the tenth), so remembering
     * those would double the memory for nothing.
     */
    static final int MEMO_FROM = 4;

    private ModeSeeking() {
    }

    /**
     * Where the seeds stopped.
     *
     * @param means row-major final means, {@code seeds x d}
     * @param counts points within bandwidth of the mean before the last move (0: dropped)
     * @param iterations moves after the first, per seed
     * @param converged whether the last move was shorter than the threshold
     */
    record Outcome(double[] means, int[] counts, int[] iterations, boolean[] converged) {
    }

    /**
     * @param windows the data's windows
     * @param d dimension
     * @param seeds row-major starting points
     * @param s number of seeds
     * @param bandwidth the kernel radius, {@code > 0}
     * @param maxIter scikit-learn's {@code max_iter}
     * @param context threads and cancellation
     * @param progress receives the fraction of seeds done
     * @return per seed, where it stopped
     */
    static Outcome climb(Windows windows, int d, double[] seeds, int s, double bandwidth, int maxIter,
                         ExecutionContext context, ProgressListener progress) {
        // Identical seeds climb identically: climb each distinct one once.
        Map<Key, Integer> firstOf = new HashMap<>();
        int[] unique = new int[s];
        int[] owner = new int[s];
        int u = 0;
        for (int i = 0; i < s; i++) {
            Integer first = firstOf.putIfAbsent(new Key(Arrays.copyOfRange(seeds, i * d, (i + 1) * d)), u);
            if (first == null) {
                unique[u] = i;
                owner[i] = u++;
            } else {
                owner[i] = first;
            }
        }
        double[] means = new double[u * d];
        int[] counts = new int[u];
        int[] iterations = new int[u];
        boolean[] converged = new boolean[u];
        double stop = 1e-3 * bandwidth;
        ConcurrentHashMap<Key, double[]> memo = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        int total = u;
        context.parallel().forEachChunk(u, CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            double[] mean = new double[d];
            double[] scratch = new double[2 * d];
            for (int r = from; r < to; r++) {
                System.arraycopy(seeds, unique[r] * d, mean, 0, d);
                int iter = 0;
                while (true) {
                    boolean remember = iter >= MEMO_FROM;
                    Key key = remember ? new Key(mean.clone()) : null;
                    double[] step = remember ? memo.get(key) : null;
                    if (step == null) {
                        step = new double[d + 1];
                        int c = windows.sum(mean, bandwidth, step, scratch);
                        for (int j = 0; j < d && c > 0; j++) {
                            step[j] /= c;
                        }
                        step[d] = c;
                        if (remember && memo.size() < MEMO_LIMIT) {
                            memo.putIfAbsent(key, step);
                        }
                    }
                    int c = (int) step[d];
                    if (c == 0) {
                        // no point within bandwidth: scikit-learn drops the seed
                        iterations[r] = iter;
                        break;
                    }
                    double moved = 0;
                    for (int j = 0; j < d; j++) {
                        double t = step[j] - mean[j];
                        moved += t * t;
                    }
                    moved = Math.sqrt(moved);
                    if (moved < stop || iter == maxIter) {
                        System.arraycopy(step, 0, means, r * d, d);
                        counts[r] = c;
                        iterations[r] = iter;
                        converged[r] = moved < stop;
                        break;
                    }
                    iter++;
                    System.arraycopy(step, 0, mean, 0, d);
                }
            }
            progress.progress((double) done.addAndGet(to - from) / total, "shifting seeds");
        });
        double[] outMeans = new double[s * d];
        int[] outCounts = new int[s];
        int[] outIterations = new int[s];
        boolean[] outConverged = new boolean[s];
        for (int i = 0; i < s; i++) {
            int o = owner[i];
            System.arraycopy(means, o * d, outMeans, i * d, d);
            outCounts[i] = counts[o];
            outIterations[i] = iterations[o];
            outConverged[i] = converged[o];
        }
        return new Outcome(outMeans, outCounts, outIterations, outConverged);
    }

    /** A point compared bitwise (-0.0 and 0.0 differ, which only costs a step). */
    private record Key(double[] at) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(at, k.at);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(at);
        }
    }
}
