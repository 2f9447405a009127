package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Kernels;
import java.util.List;

/**
 * Elkan's exact acceleration of Lloyd's E-step (C. Elkan 2003, "Using the triangle inequality to
 * accelerate k-means", ICML, doi:10.5555/3041838.3041857), as scikit-learn's {@code algorithm="elkan"}:
 * each point keeps an upper bound on the distance to its centre and one lower bound per centre; after
 * the centres move by {@code p(c)}, the upper bound grows by its centre's shift and each lower bound
 * shrinks by that centre's. A point whose upper bound is within half the distance from its centre to
 * the nearest other centre keeps its label without any distance; otherwise a centre {@code c} is
 * examined only if its lower bound and half the centre-centre distance both fall below the upper bound.
 *
 * <p>The first iteration computes all {@code n k} distances (to set the lower bounds). Distances are the
 * kernel's one-to-one {@link Kernels#squaredEuclidean} (direct differences), compared as floats with
 * Lloyd's tie rule (the lowest index), and bounds are widened by {@link Bounds#slack}: with the scalar
 * kernel, labels and iteration counts are Lloyd's. Memory: {@code n k} floats of lower bounds and
 * {@code n} doubles of upper bounds; each iteration's bound update costs {@code O(n k)}.
 */
final class ElkanKMeans implements KMeansLoop.Assignment {
    private final Points points;
    private final int k;
    private final ExecutionContext context;
    private final double slack;
    private final double[] upper;
    private final float[] lower;
    /** Per-iteration scratch, made once: centre-centre squared and half distances, half separations. */
    private final float[] squaredPairs;
    private final double[] halfPairs;
    private final double[] separation;
    private final double[] shifts;

    /**
     * @param points the data
     * @param k number of clusters
     * @param context kernels and threads
     */
    ElkanKMeans(Points points, int k, ExecutionContext context) {
        this.points = points;
        this.k = k;
        this.context = context;
        this.slack = Bounds.slack(points.d());
        if ((long) points.n() * k > Integer.MAX_VALUE - 8) {
            throw new DataException("kmeans: algorithm=elkan keeps n*k = " + points.n() + "*" + k
                    + " lower bounds, more than one array holds; use algorithm=hamerly or lloyd");
        }
        this.upper = new double[points.n()];
        this.lower = new float[points.n() * k];
        this.squaredPairs = new float[k * k];
        this.halfPairs = new double[k * k];
        this.separation = new double[k];
        this.shifts = new double[k];
    }

    @Override
    public KMeansLoop.Pass assign(float[] centres, int iteration, int[] labels, KMeansLoop.ChunkSums sums) {
        Kernels kernels = context.kernels();
        int d = points.d();
        float[] x = points.x();
        Bounds.halfSeparation(kernels, centres, k, d, slack, halfPairs, squaredPairs, separation);
        boolean first = iteration == 1;
        List<KMeansLoop.Pass> parts = context.parallel().mapChunks(points.n(), KMeansLoop.CHUNK, (chunk, from, to) -> {
            double[] s = sums.sums(chunk);
            double[] w = sums.weights(chunk);
            long computed = 0;
            long reassigned = 0;
            double objective = 0;
            for (int i = from; i < to; i++) {
                int lo = i * k;
                int a = labels[i];
                if (first) {
                    float best = Float.POSITIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        float sq = kernels.squaredEuclidean(x, i * d, centres, c * d, d);
                        lower[lo + c] = Bounds.down(Math.sqrt(sq) * (1 - slack));
                        if (sq < best) {
                            best = sq;
                            a = c;
                        }
                    }
                    computed += k;
                    upper[i] = Math.sqrt(best) * (1 + slack);
                } else if (upper[i] > separation[a]) {
                    double u = upper[i];
                    boolean tight = false;
                    float best = Float.NaN;
                    for (int c = 0; c < k; c++) {
                        if (c == a || u <= lower[lo + c] || u <= halfPairs[a * k + c]) {
                            continue;
                        }
                        if (!tight) {
                            best = kernels.squaredEuclidean(x, i * d, centres, a * d, d);
                            computed++;
                            double exact = Math.sqrt(best);
                            u = exact * (1 + slack);
                            lower[lo + a] = Bounds.down(exact * (1 - slack));
                            tight = true;
                            if (u <= lower[lo + c] || u <= halfPairs[a * k + c]) {
                                continue;
                            }
                        }
                        float sq = kernels.squaredEuclidean(x, i * d, centres, c * d, d);
                        computed++;
                        double dist = Math.sqrt(sq);
                        lower[lo + c] = Bounds.down(dist * (1 - slack));
                        if (sq < best || (sq == best && c < a)) {
                            best = sq;
                            a = c;
                            u = dist * (1 + slack);
                        }
                    }
                    upper[i] = u;
                }
                if (a != labels[i]) {
                    reassigned++;
                    labels[i] = a;
                }
                objective += KMeansLoop.accumulateAndCost(points, i, a, centres, s, w);
            }
            return new KMeansLoop.Pass(objective, reassigned, computed);
        });
        return KMeansLoop.Pass.sum(parts);
    }

    @Override
    public void centresMoved(float[] before, float[] after, int[] labels) {
        double[] p = KMeansLoop.shifts(before, after, k, points.d(), shifts);
        context.parallel().forEachChunk(points.n(), KMeansLoop.CHUNK, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                upper[i] += p[labels[i]];
                int lo = i * k;
                for (int c = 0; c < k; c++) {
                    lower[lo + c] = Bounds.down(lower[lo + c] - p[c]);
                }
            }
        });
    }
}
