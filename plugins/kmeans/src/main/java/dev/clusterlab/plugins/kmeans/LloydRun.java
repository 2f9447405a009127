package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.algorithm.IterationStats;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.kernel.CentroidAssigner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One Lloyd run (one restart) with its mutable per-fit state, as scikit-learn's
 * {@code _kmeans_single_lloyd}: each iteration assigns every point to its nearest centre with the
 * kernel (E-step) and, in the same pass over the rows, adds the point to per-chunk {@code double} sums
 * of its new cluster (M-step); sums are merged in chunk order, empty clusters are relocated
 * ({@link EmptyClusters}) and the new centres are the means. The run stops when no label changed
 * (strict convergence), when the summed squared centre shift is at most the absolute tolerance, or
 * after {@code max_iter} iterations. If the last centres differ from those the labels were computed
 * against, one more E-step makes labels and centres consistent, as scikit-learn does.
 *
 * <p>Chunks of {@link #CHUNK} rows depend only on {@code n}, so labels and objective bits are the same
 * for any number of threads. Memory: labels twice ({@code 2n} ints) and one {@code k x d} block of
 * {@code double} sums per chunk ({@code ceil(n / CHUNK) k d} doubles), reused across iterations.
 */
final class LloydRun {
    /** Rows per chunk: a constant, so chunk boundaries never depend on the thread count. */
    static final int CHUNK = 4096;

    private final float[] x;
    private final int n;
    private final int d;
    private final int k;
    private final int maxIter;
    private final double tolerance;
    private final ExecutionContext context;
    private final double[][] chunkSums;
    private final long[][] chunkCounts;
    private int[] labels;
    private int[] next;
    private float[] centres;

    /** What one chunk of one pass found. */
    private record ChunkPass(double inertia, long reassigned) {
    }

    /**
     * The outcome of one run.
     *
     * @param labels final labels, consistent with {@code centres} (a cluster may be empty)
     * @param centres row-major {@code k x d} centres
     * @param iterations Lloyd iterations run
     * @param converged whether strict or tolerance convergence was reached before {@code max_iter}
     * @param inertia sum of squared distances to the assigned centre, exact in {@code double}
     * @param stats one entry per iteration
     */
    record Outcome(int[] labels, float[] centres, int iterations, boolean converged, double inertia,
                   List<IterationStats> stats) {
    }

    /**
     * @param x row-major {@code n x d} points (read only)
     * @param n number of points
     * @param d dimension
     * @param k number of clusters, at most {@code n}
     * @param maxIter maximum iterations
     * @param tolerance absolute tolerance on the summed squared centre shift
     * @param context kernels, threads, progress and cancellation
     */
    LloydRun(float[] x, int n, int d, int k, int maxIter, double tolerance, ExecutionContext context) {
        this.x = x;
        this.n = n;
        this.d = d;
        this.k = k;
        this.maxIter = maxIter;
        this.tolerance = tolerance;
        this.context = context;
        int chunks = Parallel.chunkCount(n, CHUNK);
        this.chunkSums = new double[chunks][k * d];
        this.chunkCounts = new long[chunks][k];
    }

    /**
     * @param initialCentres row-major {@code k x d} starting centres (taken over)
     * @param restart 0-based restart number, for progress
     * @param restarts number of restarts, for progress
     * @return the outcome
     */
    Outcome run(float[] initialCentres, int restart, int restarts) {
        centres = initialCentres;
        labels = new int[n];
        Arrays.fill(labels, -1);
        next = new int[n];
        List<IterationStats> stats = new ArrayList<>();
        boolean converged = false;
        boolean centresMoved = true;
        double inertia = Double.NaN;
        int iteration = 0;
        while (iteration < maxIter) {
            context.checkCancelled();
            iteration++;
            ChunkPass pass = pass(true);
            double[] sums = new double[k * d];
            long[] counts = new long[k];
            mergeChunks(sums, counts);
            boolean relocated = EmptyClusters.relocate(x, n, d, k, centres, next, sums, counts);
            float[] updated = means(sums, counts);
            double shift = squaredShift(centres, updated);
            centresMoved = !Arrays.equals(centres, updated);
            centres = updated;
            inertia = pass.inertia();
            int[] swap = labels;
            labels = next;
            next = swap;
            stats.add(new IterationStats(iteration, pass.inertia(), pass.reassigned(), (long) n * k));
            context.progress().progress((restart + (double) iteration / maxIter) / restarts,
                    "init " + (restart + 1) + "/" + restarts + ", iteration " + iteration);
            if ((pass.reassigned() == 0 && !relocated) || shift <= tolerance) {
                converged = true;
                break;
            }
        }
        if (centresMoved) {
            inertia = pass(false).inertia();
            int[] swap = labels;
            labels = next;
            next = swap;
        }
        return new Outcome(labels, centres, iteration, converged, inertia, List.copyOf(stats));
    }

    /**
     * Assigns every row to the nearest of {@link #centres} into {@link #next}, counting changes against
     * {@link #labels} and summing exact squared distances; with {@code accumulate}, also fills the
     * per-chunk sums and counts of the new clusters.
     */
    private ChunkPass pass(boolean accumulate) {
        CentroidAssigner assigner = context.kernels().centroidAssigner(centres, k, d);
        float[] c = centres;
        List<ChunkPass> parts = context.parallel().mapChunks(n, CHUNK, (chunk, from, to) -> {
            assigner.assign(x, from, to, next, null);
            double[] sums = chunkSums[chunk];
            long[] counts = chunkCounts[chunk];
            if (accumulate) {
                Arrays.fill(sums, 0);
                Arrays.fill(counts, 0);
            }
            double inertia = 0;
            long reassigned = 0;
            for (int i = from; i < to; i++) {
                int l = next[i];
                if (l != labels[i]) {
                    reassigned++;
                }
                int xo = i * d;
                int co = l * d;
                double squared = 0;
                for (int j = 0; j < d; j++) {
                    double diff = (double) x[xo + j] - c[co + j];
                    squared += diff * diff;
                }
                inertia += squared;
                if (accumulate) {
                    counts[l]++;
                    for (int j = 0; j < d; j++) {
                        sums[co + j] += x[xo + j];
                    }
                }
            }
            return new ChunkPass(inertia, reassigned);
        });
        double inertia = 0;
        long reassigned = 0;
        for (ChunkPass p : parts) {
            inertia += p.inertia();
            reassigned += p.reassigned();
        }
        return new ChunkPass(inertia, reassigned);
    }

    private void mergeChunks(double[] sums, long[] counts) {
        for (int chunk = 0; chunk < chunkSums.length; chunk++) {
            double[] s = chunkSums[chunk];
            long[] c = chunkCounts[chunk];
            for (int i = 0; i < sums.length; i++) {
                sums[i] += s[i];
            }
            for (int i = 0; i < k; i++) {
                counts[i] += c[i];
            }
        }
    }

    /** New centres; a cluster still empty after relocation keeps its previous centre (never NaN). */
    private float[] means(double[] sums, long[] counts) {
        float[] updated = new float[k * d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                int at = c * d + j;
                updated[at] = counts[c] > 0 ? (float) (sums[at] / counts[c]) : centres[at];
            }
        }
        return updated;
    }

    private static double squaredShift(float[] before, float[] after) {
        double total = 0;
        for (int i = 0; i < before.length; i++) {
            double diff = (double) after[i] - before[i];
            total += diff * diff;
        }
        return total;
    }
}
