package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Kernels;
import java.util.Arrays;

/**
 * Yinyang k-means, an exact acceleration of Lloyd's E-step (Y. Ding, Y. Zhao, X. Shen, M. Musuvathi,
 * T. Mytkowicz 2015, "Yinyang K-Means: A Drop-In Replacement of the Classic K-Means with Consistent
 * Speedup", ICML, PMLR 37:579-587): the centres are split once into {@code t = k / 10} groups
 * ({@link CentreGroups}); each point keeps an upper bound on the distance to its centre and one lower
 * bound per group on the distance to every other centre of that group. After the centres move, the
 * upper bound grows by its centre's shift and each group's lower bound shrinks by the largest shift in
 * the group. Three filters then decide which distances to compute:
 * <ul>
 *   <li><b>global</b>: a point whose upper bound is at most its smallest group bound keeps its label;
 *       otherwise the upper bound is tightened with one distance and the test repeated;</li>
 *   <li><b>group</b>: a group whose bound is at least the upper bound is skipped whole;</li>
 *   <li><b>local</b>: inside a group that is examined, centre {@code c} is skipped when the group's bound
 *       before this iteration's shift, less {@code c}'s own shift, is at least the upper bound.</li>
 * </ul>
 * Every group examined gets a fresh bound from the distances computed and the bounds of the centres
 * skipped; a centre that stops being the nearest lends its distance to its group's bound.
 *
 * <p>Distances are the kernel's one-to-one {@link Kernels#squaredEuclidean}, compared as floats with
 * Lloyd's tie rule (the lowest index wins among equal distances), and bounds are widened by
 * {@link Bounds#slack}: a centre is skipped only when its computed distance would have lost strictly,
 * so with the scalar kernel labels and iteration counts are Lloyd's. The first iteration computes all
 * {@code n k} distances. Memory: {@code n t} floats of group bounds and {@code n} doubles of upper
 * bounds, all allocated once per run; an iteration's bound update costs {@code O(n t)}.
 */
final class YinyangKMeans implements KMeansLoop.Assignment {
    private final Points points;
    private final int k;
    private final ExecutionContext context;
    private final double slack;
    /** Stride of {@link #lower}: the groups asked for; empty groups leave their slots unused. */
    private final int stride;
    private final double[] upper;
    private final float[] lower;
    /** This iteration's shift of each centre and the largest shift in each group; zero before the first move. */
    private final double[] drift;
    private final double[] groupDrift;
    private final double[] chunkObjective;
    private final long[] chunkReassigned;
    private final long[] chunkComputed;
    private CentreGroups groups;

    /**
     * @param points the data
     * @param k number of clusters
     * @param context kernels and threads
     */
    YinyangKMeans(Points points, int k, ExecutionContext context) {
        this.points = points;
        this.k = k;
        this.context = context;
        this.slack = Bounds.slack(points.d());
        this.stride = CentreGroups.recommended(k);
        if ((long) points.n() * stride > Integer.MAX_VALUE - 8) {
            throw new DataException("kmeans: algorithm=yinyang keeps n*(k/10) = " + points.n() + "*" + stride
                    + " group bounds, more than one array holds; use algorithm=hamerly or lloyd");
        }
        this.upper = new double[points.n()];
        this.lower = new float[points.n() * stride];
        this.drift = new double[k];
        this.groupDrift = new double[stride];
        int chunks = dev.clusterlab.api.exec.Parallel.chunkCount(points.n(), KMeansLoop.CHUNK);
        this.chunkObjective = new double[chunks];
        this.chunkReassigned = new long[chunks];
        this.chunkComputed = new long[chunks];
    }

    @Override
    public KMeansLoop.Pass assign(float[] centres, int iteration, int[] labels, KMeansLoop.ChunkSums sums) {
        boolean first = iteration == 1;
        if (first) {
            groups = CentreGroups.of(centres, k, points.d(), stride);
        }
        context.parallel().forEachChunk(points.n(), KMeansLoop.CHUNK, (chunk, from, to) -> {
            double[] s = sums.sums(chunk);
            double[] w = sums.weights(chunk);
            long computed = 0;
            long reassigned = 0;
            double objective = 0;
            for (int i = from; i < to; i++) {
                int a;
                if (first) {
                    a = scanAll(centres, i);
                    computed += k;
                } else {
                    a = labels[i];
                    double u = upper[i];
                    if (u > smallestGroupBound(i)) {
                        float best = distance(centres, i, a);
                        computed++;
                        u = Math.sqrt(best) * (1 + slack);
                        upper[i] = u;
                        if (u > smallestGroupBound(i)) {
                            long found = scanGroups(centres, i, a, best);
                            a = (int) found;
                            computed += found >>> 32;
                        }
                    }
                }
                if (a != labels[i]) {
                    reassigned++;
                    labels[i] = a;
                }
                objective += KMeansLoop.accumulateAndCost(points, i, a, centres, s, w);
            }
            chunkObjective[chunk] = objective;
            chunkReassigned[chunk] = reassigned;
            chunkComputed[chunk] = computed;
        });
        Arrays.fill(drift, 0);
        Arrays.fill(groupDrift, 0);
        double objective = 0;
        long reassigned = 0;
        long computed = 0;
        for (int chunk = 0; chunk < chunkObjective.length; chunk++) {
            objective += chunkObjective[chunk];
            reassigned += chunkReassigned[chunk];
            computed += chunkComputed[chunk];
        }
        return new KMeansLoop.Pass(objective, reassigned, computed);
    }

    /** First iteration: all {@code k} distances in index order; sets the upper bound and every group bound. */
    private int scanAll(float[] centres, int i) {
        int lo = i * stride;
        Arrays.fill(lower, lo, lo + groups.count(), Float.POSITIVE_INFINITY);
        int a = -1;
        float best = Float.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            float sq = distance(centres, i, c);
            if (sq < best || a < 0) {
                if (a >= 0) {
                    lowerGroupBound(lo + groups.groupOf()[a], best);
                }
                best = sq;
                a = c;
            } else {
                lowerGroupBound(lo + groups.groupOf()[c], sq);
            }
        }
        upper[i] = Math.sqrt(best) * (1 + slack);
        return a;
    }

    /**
     * Group and local filters for a point whose tightened upper bound passed the global filter.
     *
     * @param a the point's centre
     * @param best its computed squared distance to {@code a}
     * @return the new centre in the low 32 bits and the distances computed in the high 32 bits
     */
    private long scanGroups(float[] centres, int i, int a, float best) {
        int lo = i * stride;
        int[] start = groups.start();
        int[] members = groups.members();
        int original = a;
        double originalLow = Math.sqrt(best) * (1 - slack);
        double u = upper[i];
        long computed = 0;
        for (int g = 0; g < groups.count(); g++) {
            float bound = lower[lo + g];
            if (u <= bound) {
                continue;
            }
            double before = bound + groupDrift[g];
            double fresh = Double.POSITIVE_INFINITY;
            for (int m = start[g]; m < start[g + 1]; m++) {
                int c = members[m];
                if (c == a) {
                    continue;
                }
                if (c == original) {
                    // its group bound never covered it: its distance is known
                    fresh = Math.min(fresh, originalLow);
                    continue;
                }
                double local = before - drift[c];
                if (u <= local) {
                    fresh = Math.min(fresh, local);
                    continue;
                }
                float sq = distance(centres, i, c);
                computed++;
                double dist = Math.sqrt(sq);
                if (sq < best || (sq == best && c < a)) {
                    double displaced = Math.sqrt(best) * (1 - slack);
                    int ga = groups.groupOf()[a];
                    if (ga == g) {
                        fresh = Math.min(fresh, displaced);
                    } else {
                        lower[lo + ga] = Bounds.down(Math.min(lower[lo + ga], displaced));
                    }
                    best = sq;
                    a = c;
                    u = dist * (1 + slack);
                } else {
                    fresh = Math.min(fresh, dist * (1 - slack));
                }
            }
            lower[lo + g] = Bounds.down(fresh);
        }
        upper[i] = u;
        return computed << 32 | a;
    }

    private float smallestGroupBound(int i) {
        int lo = i * stride;
        float min = Float.POSITIVE_INFINITY;
        for (int g = 0; g < groups.count(); g++) {
            min = Math.min(min, lower[lo + g]);
        }
        return min;
    }

    /** Lowers the group bound at {@code at} to cover a centre at computed squared distance {@code sq}. */
    private void lowerGroupBound(int at, float sq) {
        lower[at] = Math.min(lower[at], Bounds.down(Math.sqrt(sq) * (1 - slack)));
    }

    private float distance(float[] centres, int i, int c) {
        int d = points.d();
        return context.kernels().squaredEuclidean(points.x(), i * d, centres, c * d, d);
    }

    @Override
    public void centresMoved(float[] before, float[] after, int[] labels) {
        KMeansLoop.shifts(before, after, k, points.d(), drift);
        int[] start = groups.start();
        int[] members = groups.members();
        int count = groups.count();
        for (int g = 0; g < count; g++) {
            double max = 0;
            for (int m = start[g]; m < start[g + 1]; m++) {
                max = Math.max(max, drift[members[m]]);
            }
            groupDrift[g] = max;
        }
        context.parallel().forEachChunk(points.n(), KMeansLoop.CHUNK, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                upper[i] += drift[labels[i]];
                int lo = i * stride;
                for (int g = 0; g < count; g++) {
                    lower[lo + g] = Bounds.down(lower[lo + g] - groupDrift[g]);
                }
            }
        });
    }
}
