package dev.clusterlab.plugins.meanshift;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.NeighborIndex;
import java.util.Arrays;

/**
 * scikit-learn 1.2.1's {@code estimate_bandwidth(X, quantile, n_samples, random_state=0)}: on the
 * sample (every point, or the first {@code n_samples} of numpy's {@code RandomState(0).permutation(n)}),
 * the average over the sample's points of the distance to their {@code k}-th nearest sample point, the
 * point itself counted first, with {@code k = max(1, int(m * quantile))}.
 *
 * <p>The nearest neighbours come from the engine's index (float distances); the {@code k}-th distance is
 * then taken in double among a few more than {@code k} candidates ({@value #EXTRA}), so that near ties in
 * float rounding do not move it: the figure is the double one scikit-learn computes, to rounding. Time
 * {@code O(m^2 d)} at worst (scikit-learn warns that it is at least quadratic), parallel over chunks of
 * rows; memory {@code O(chunk k)}.
 */
final class BandwidthEstimate {
    /** Candidates beyond k whose double distances are also looked at. */
    static final int EXTRA = 16;
    /** Neighbour ids held at once per chunk of rows. */
    private static final int BUDGET = 1 << 21;

    private BandwidthEstimate() {
    }

    /**
     * @param x row-major data, {@code n x d}
     * @param n rows
     * @param d dimension
     * @param quantile in {@code [0, 1]}
     * @param nSamples sample size, or 0 for all
     * @param context kernels, threads, cancellation
     * @return the estimated bandwidth
     */
    static double estimate(float[] x, int n, int d, double quantile, int nSamples, ExecutionContext context) {
        float[] sample = x;
        int m = n;
        if (nSamples > 0) {
            int[] perm = LegacyPermutation.of(0, n);
            m = Math.min(nSamples, n);
            sample = new float[m * d];
            for (int i = 0; i < m; i++) {
                System.arraycopy(x, perm[i] * d, sample, i * d, d);
            }
        }
        // Python's int(m * quantile): the product in double, truncated
        int k = Math.max(1, (int) (m * quantile));
        int wanted = Math.min(m, k + EXTRA);
        NeighborIndex index = context.kernels().neighborIndex(sample, m, d, Distance.EUCLIDEAN);
        int chunk = Math.max(1, Math.min(256, BUDGET / wanted));
        double[] kth = new double[m];
        float[] rows = sample;
        int kk = k;
        context.parallel().forEachChunk(m, chunk, (c, from, to) -> {
            context.checkCancelled();
            int len = to - from;
            int[] ids = new int[len * wanted];
            float[] dist = new float[len * wanted];
            index.knn(from, to, wanted, ids, dist);
            double[] exact = new double[wanted];
            for (int r = 0; r < len; r++) {
                int q = (from + r) * d;
                for (int t = 0; t < wanted; t++) {
                    exact[t] = Math.sqrt(squared(rows, q, rows, ids[r * wanted + t] * d, d));
                }
                Arrays.sort(exact);
                kth[from + r] = exact[kk - 1];
            }
        });
        double sum = 0;
        for (double v : kth) {
            sum += v;
        }
        double bandwidth = sum / m;
        if (!(bandwidth > 0)) {
            throw new DataException(MeanShiftAlgorithm.ID + ": the estimated bandwidth is 0 (the " + k
                    + " nearest neighbours of every sampled point are at distance 0, quantile=" + quantile
                    + "); give a bandwidth, or a larger quantile");
        }
        return bandwidth;
    }

    /** Squared Euclidean distance in double, by direct differences in coordinate order (scikit-learn's rdist). */
    static double squared(float[] a, int ao, float[] b, int bo, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = (double) a[ao + j] - b[bo + j];
            s += t * t;
        }
        return s;
    }
}
