package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code init=k-means++}, greedy as scikit-learn's {@code _kmeans_plusplus}: the first centre is a row
 * chosen uniformly; each further centre is the best of {@code 2 + floor(ln k)} candidate rows, each
 * sampled with probability proportional to its squared distance to the closest centre so far, where
 * "best" means the smallest potential (sum of those squared distances) once it is added. With sample
 * weights, as scikit-learn 1.3+ (1.2 ignores them here): the first row is drawn with probability
 * proportional to its weight, and the sampling probabilities and potentials weigh each squared
 * distance by the row's weight.
 *
 * <p>Distances come from the kernel's one-to-many {@link Kernels#distances} (direct differences, in
 * {@code float}); potentials and the cumulative sum used for sampling are {@code double}, summed per
 * fixed chunk and merged in chunk order. Cost: {@code O(n d k (2 + ln k))} time, {@code O(n)} memory.
 */
final class KMeansPlusPlus implements CentreInitializer {

    @Override
    public float[] centres(Points points, int k, SplittableRandom random, ExecutionContext context) {
        float[] x = points.x();
        int n = points.n();
        int d = points.d();
        float[] w = points.weights();
        int trials = 2 + (int) Math.floor(Math.log(k));
        float[] centres = new float[k * d];
        float[] closest = new float[n];
        double[] cumulative = new double[n];
        int first;
        if (w == null) {
            first = random.nextInt(n);
        } else {
            double running = 0;
            for (int i = 0; i < n; i++) {
                running += w[i];
                cumulative[i] = running;
            }
            first = Math.min(firstAtLeast(cumulative, random.nextDouble() * running), n - 1);
        }
        System.arraycopy(x, first * d, centres, 0, d);
        double potential = moveCloser(x, w, n, d, first, closest, true, context);
        int[] candidates = new int[trials];
        for (int c = 1; c < k; c++) {
            double running = 0;
            for (int i = 0; i < n; i++) {
                running += w == null ? closest[i] : (double) w[i] * closest[i];
                cumulative[i] = running;
            }
            for (int t = 0; t < trials; t++) {
                candidates[t] = Math.min(firstAtLeast(cumulative, random.nextDouble() * potential), n - 1);
            }
            double[] potentials = candidatePotentials(x, w, n, d, candidates, closest, context);
            int best = 0;
            for (int t = 1; t < trials; t++) {
                if (potentials[t] < potentials[best]) {
                    best = t;
                }
            }
            potential = moveCloser(x, w, n, d, candidates[best], closest, false, context);
            System.arraycopy(x, candidates[best] * d, centres, c * d, d);
        }
        return centres;
    }

    /**
     * Lowers {@code closest} to the distances from row {@code centre} (or sets them, the first time).
     *
     * @return the new potential
     */
    private static double moveCloser(float[] x, float[] w, int n, int d, int centre, float[] closest, boolean first,
                                     ExecutionContext context) {
        Kernels kernels = context.kernels();
        List<Double> sums = context.parallel().mapChunks(n, KMeansLoop.CHUNK, (chunk, from, to) -> {
            float[] dist = new float[to - from];
            kernels.distances(Distance.SQUARED_EUCLIDEAN, x, centre * d, x, from, to, d, dist, 0);
            double sum = 0;
            for (int i = from; i < to; i++) {
                closest[i] = first ? dist[i - from] : Math.min(closest[i], dist[i - from]);
                sum += w == null ? closest[i] : (double) w[i] * closest[i];
            }
            return sum;
        });
        double potential = 0;
        for (double s : sums) {
            potential += s;
        }
        return potential;
    }

    /** @return for each candidate, the potential if it were added (read only: {@code closest} is untouched) */
    private static double[] candidatePotentials(float[] x, float[] w, int n, int d, int[] candidates, float[] closest,
                                                ExecutionContext context) {
        Kernels kernels = context.kernels();
        List<double[]> parts = context.parallel().mapChunks(n, KMeansLoop.CHUNK, (chunk, from, to) -> {
            float[] dist = new float[to - from];
            double[] sums = new double[candidates.length];
            for (int t = 0; t < candidates.length; t++) {
                kernels.distances(Distance.SQUARED_EUCLIDEAN, x, candidates[t] * d, x, from, to, d, dist, 0);
                double sum = 0;
                for (int i = from; i < to; i++) {
                    float m = Math.min(closest[i], dist[i - from]);
                    sum += w == null ? m : (double) w[i] * m;
                }
                sums[t] = sum;
            }
            return sums;
        });
        double[] total = new double[candidates.length];
        for (double[] part : parts) {
            for (int t = 0; t < total.length; t++) {
                total[t] += part[t];
            }
        }
        return total;
    }

    /** numpy's {@code searchsorted(a, v, side='left')}: the first index with {@code a[i] >= v}, or {@code a.length}. */
    static int firstAtLeast(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
