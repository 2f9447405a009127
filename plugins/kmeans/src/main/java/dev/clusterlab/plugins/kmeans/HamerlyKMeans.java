package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Kernels;
import java.util.List;

/**
 * Hamerly's exact acceleration of Lloyd's E-step (G. Hamerly 2010, "Making k-means even faster",
 * SIAM SDM, doi:10.1137/1.9781611972801.12): each point keeps an upper bound on the distance to its
 * centre and a single lower bound on the distance to any other centre. After the centres move, the
 * upper bound grows by the point's centre's shift and the lower bound shrinks by the largest shift of
 * the other centres. A point is rescanned only when its upper bound exceeds both the lower bound and
 * half the distance from its centre to the nearest other centre, first after tightening the upper
 * bound with one distance, then over all {@code k} centres.
 *
 * <p><b>Exponion</b> (Newling and Fleuret 2016, "Fast k-means with accurate bounds", ICML): the same
 * bounds, but a rescan after the first iteration examines only the centres within {@code R = 2u + m} of
 * the point's centre {@code a}, where {@code u} is the tightened upper bound and {@code m} the distance
 * from {@code a} to its nearest other centre. Any centre {@code j} outside that ball is farther than
 * {@code R - u >= u} from the point (triangle inequality), so it cannot be nearest, and {@code R - u}
 * bounds the unexamined centres for the new lower bound. Centres come from {@link SortedCentres}.
 *
 * <p>Distances are the kernel's one-to-one {@link Kernels#squaredEuclidean}, both scans keep Lloyd's tie
 * rule (smallest index among equal distances), and bounds are widened by {@link Bounds#slack}, so with
 * the scalar kernel labels and iteration counts are Lloyd's. Memory: {@code 2n} doubles (exponion: and
 * {@code k²} ints and doubles); suited to small and moderate {@code d}.
 */
final class HamerlyKMeans implements KMeansLoop.Assignment {
    private final Points points;
    private final int k;
    private final ExecutionContext context;
    private final double slack;
    private final double[] upper;
    private final double[] lower;
    /** Per-iteration scratch, made once: centre-centre squared distances, half separations, shifts. */
    private final float[] squaredPairs;
    private final double[] separation;
    private final double[] shifts;
    /** The exponion's sorted centre lists; null for Hamerly's full rescans. */
    private final SortedCentres sorted;

    /**
     * @param points the data
     * @param k number of clusters
     * @param context kernels and threads
     */
    HamerlyKMeans(Points points, int k, ExecutionContext context) {
        this(points, k, context, false);
    }

    /**
     * @param points the data
     * @param k number of clusters
     * @param context kernels and threads
     * @param exponion whether rescans examine only the exponion's ball instead of all {@code k} centres
     */
    HamerlyKMeans(Points points, int k, ExecutionContext context, boolean exponion) {
        this.sorted = exponion && k > 1 ? new SortedCentres(k) : null;
        this.points = points;
        this.k = k;
        this.context = context;
        this.slack = Bounds.slack(points.d());
        this.upper = new double[points.n()];
        this.lower = new double[points.n()];
        this.squaredPairs = new float[k * k];
        this.separation = new double[k];
        this.shifts = new double[k];
    }

    @Override
    public KMeansLoop.Pass assign(float[] centres, int iteration, int[] labels, KMeansLoop.ChunkSums sums) {
        Kernels kernels = context.kernels();
        int d = points.d();
        float[] x = points.x();
        Bounds.halfSeparation(kernels, centres, k, d, slack, null, squaredPairs, separation);
        boolean first = iteration == 1;
        if (sorted != null) {
            sorted.update(squaredPairs, slack);
        }
        List<KMeansLoop.Pass> parts = context.parallel().mapChunks(points.n(), KMeansLoop.CHUNK, (chunk, from, to) -> {
            double[] s = sums.sums(chunk);
            double[] w = sums.weights(chunk);
            long computed = 0;
            long reassigned = 0;
            double objective = 0;
            for (int i = from; i < to; i++) {
                int a = labels[i];
                boolean scan = first;
                float own = 0;
                if (!first) {
                    double bound = Math.max(separation[a], lower[i]);
                    if (upper[i] > bound) {
                        own = kernels.squaredEuclidean(x, i * d, centres, a * d, d);
                        computed++;
                        upper[i] = Math.sqrt(own) * (1 + slack);
                        scan = upper[i] > bound;
                    }
                }
                if (scan && sorted != null && !first) {
                    long scanned = ballScan(kernels, x, i, a, own, centres);
                    computed += scanned >>> 32;
                    a = (int) scanned;
                } else if (scan) {
                    float best = Float.POSITIVE_INFINITY;
                    float second = Float.POSITIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        float sq = kernels.squaredEuclidean(x, i * d, centres, c * d, d);
                        if (sq < best) {
                            second = best;
                            best = sq;
                            a = c;
                        } else if (sq < second) {
                            second = sq;
                        }
                    }
                    computed += k;
                    upper[i] = Math.sqrt(best) * (1 + slack);
                    lower[i] = Math.sqrt(second) * (1 - slack);
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

    /**
     * The exponion's rescan of point {@code i}, whose centre {@code a} is at squared distance {@code own}
     * and whose upper bound was just tightened: the centres of the ball {@code R = 2u + m} in increasing
     * distance from {@code a}, then the bounds from the best and second best found and {@code R - u} for
     * the rest.
     *
     * @return the distances computed in the high 32 bits, the new label in the low 32
     */
    private long ballScan(Kernels kernels, float[] x, int i, int a, float own, float[] centres) {
        int d = points.d();
        double u = upper[i];
        double radius = 2 * u + 2 * separation[a];
        float best = own;
        int label = a;
        float second = Float.POSITIVE_INFINITY;
        int others = sorted.others();
        int r = 0;
        for (; r < others && sorted.distance(a, r) <= radius; r++) {
            int c = sorted.centre(a, r);
            float sq = kernels.squaredEuclidean(x, i * d, centres, c * d, d);
            // Lloyd's rule in any visiting order: the smaller distance, then the smaller index
            if (sq < best || (sq == best && c < label)) {
                second = best;
                best = sq;
                label = c;
            } else if (sq < second) {
                second = sq;
            }
        }
        double rest = r < others ? sorted.distance(a, r) - u : Double.POSITIVE_INFINITY;
        upper[i] = Math.sqrt(best) * (1 + slack);
        lower[i] = Math.max(0, Math.min(Math.sqrt(second) * (1 - slack), rest));
        return ((long) r << 32) | label;
    }

    @Override
    public void centresMoved(float[] before, float[] after, int[] labels) {
        double[] p = KMeansLoop.shifts(before, after, k, points.d(), shifts);
        int largest = 0;
        for (int c = 1; c < k; c++) {
            if (p[c] > p[largest]) {
                largest = c;
            }
        }
        double max = p[largest];
        double secondMax = 0;
        for (int c = 0; c < k; c++) {
            if (c != largest) {
                secondMax = Math.max(secondMax, p[c]);
            }
        }
        double other = secondMax;
        int top = largest;
        context.parallel().forEachChunk(points.n(), KMeansLoop.CHUNK, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                upper[i] += p[labels[i]];
                lower[i] = Math.max(0, lower[i] - (labels[i] == top ? other : max));
            }
        });
    }
}
