package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.algorithm.IterationStats;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.kernel.CentroidAssigner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The iteration shared by Lloyd, Elkan and Hamerly, as scikit-learn's {@code _kmeans_single_*}: the
 * variant's E-step assigns every point and adds it (times its weight) to per-chunk {@code double} sums;
 * the sums are merged in chunk order, empty clusters are relocated ({@link EmptyClusters}) and the new
 * centres are the weighted means. The run stops when no label changed (strict convergence), when the
 * summed squared centre shift is at most the absolute tolerance, or after {@code max_iter} iterations.
 * If the last centres differ from those the labels were computed against, one more (full) E-step makes
 * labels and centres consistent, as scikit-learn does; the final inertia is then computed exactly.
 *
 * <p>Chunks of {@link #CHUNK} rows depend only on {@code n}, so labels and objective bits are the same
 * for any number of threads. Memory: {@code n} labels and {@code ceil(n / CHUNK) (k d + k)} doubles.
 */
final class KMeansLoop {
    /** Rows per chunk: a constant, so chunk boundaries never depend on the thread count. */
    static final int CHUNK = 4096;

    /**
     * One variant's E-step, with whatever bounds it keeps between iterations.
     */
    interface Assignment {
        /**
         * Assigns every point to its nearest centre, updating {@code labels} in place ({@code -1} before
         * the first iteration) and filling the per-chunk sums of the new clusters.
         *
         * @param centres row-major {@code k x d} centres
         * @param iteration 1-based iteration
         * @param labels current labels, updated
         * @param sums per-chunk accumulators, to be overwritten by each chunk
         * @return what the pass found
         */
        Pass assign(float[] centres, int iteration, int[] labels, ChunkSums sums);

        /**
         * The centres moved (after the M-step): update the bounds.
         *
         * @param before the centres the labels were computed against
         * @param after the new centres
         * @param labels the labels
         */
        default void centresMoved(float[] before, float[] after, int[] labels) {
        }
    }

    /**
     * What one E-step found.
     *
     * @param objective weighted sum of squared distances to the assigned centres (exact, double)
     * @param reassigned points whose label changed
     * @param distances point-centre distances computed
     */
    record Pass(double objective, long reassigned, long distances) {
        static Pass sum(List<Pass> parts) {
            double o = 0;
            long r = 0;
            long dc = 0;
            for (Pass p : parts) {
                o += p.objective;
                r += p.reassigned;
                dc += p.distances;
            }
            return new Pass(o, r, dc);
        }
    }

    /**
     * Per-chunk sums.
     *
     * @param sums {@code [chunk][k * d]} weighted coordinate sums
     * @param weights {@code [chunk][k]} total weights
     */
    record ChunkSums(double[][] sums, double[][] weights) {
        /** @return the zeroed sums of one chunk, to fill */
        double[] sums(int chunk) {
            Arrays.fill(sums[chunk], 0);
            Arrays.fill(weights[chunk], 0);
            return sums[chunk];
        }

        double[] weights(int chunk) {
            return weights[chunk];
        }
    }

    /**
     * The outcome of one run.
     *
     * @param labels final labels, consistent with {@code centres} (a cluster may be empty)
     * @param centres row-major {@code k x d} centres
     * @param iterations iterations run
     * @param converged whether strict or tolerance convergence was reached before {@code max_iter}
     * @param inertia weighted sum of squared distances to the assigned centre, exact in {@code double}
     * @param stats one entry per iteration
     */
    record Outcome(int[] labels, float[] centres, int iterations, boolean converged, double inertia,
                   List<IterationStats> stats) {
    }

    private final Points points;
    private final int k;
    private final int maxIter;
    private final double tolerance;
    private final ExecutionContext context;

    /**
     * @param points the data
     * @param k number of clusters, at most {@code n}
     * @param maxIter maximum iterations
     * @param tolerance absolute tolerance on the summed squared centre shift
     * @param context kernels, threads, progress and cancellation
     */
    KMeansLoop(Points points, int k, int maxIter, double tolerance, ExecutionContext context) {
        this.points = points;
        this.k = k;
        this.maxIter = maxIter;
        this.tolerance = tolerance;
        this.context = context;
    }

    /**
     * @param step the variant's E-step (fresh for this run)
     * @param initialCentres row-major {@code k x d} starting centres (taken over)
     * @param restart 0-based restart number, for progress
     * @param restarts number of restarts, for progress
     * @return the outcome
     */
    Outcome run(Assignment step, float[] initialCentres, int restart, int restarts) {
        int n = points.n();
        int d = points.d();
        int chunks = Parallel.chunkCount(n, CHUNK);
        ChunkSums chunkSums = new ChunkSums(new double[chunks][k * d], new double[chunks][k]);
        float[] centres = initialCentres;
        // Every array an iteration needs is made here once: the merged sums, and the centres' second
        // buffer (the two swap roles each iteration).
        double[] sums = new double[k * d];
        double[] weights = new double[k];
        float[] spare = new float[k * d];
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        List<IterationStats> stats = new ArrayList<>();
        boolean converged = false;
        boolean centresMoved = true;
        int iteration = 0;
        while (iteration < maxIter) {
            context.checkCancelled();
            iteration++;
            Pass pass = step.assign(centres, iteration, labels, chunkSums);
            merge(chunkSums, sums, weights);
            boolean relocated = EmptyClusters.relocate(points, k, centres, labels, sums, weights);
            float[] updated = means(centres, sums, weights, d, spare);
            double shift = squaredShift(centres, updated);
            centresMoved = !Arrays.equals(centres, updated);
            if (centresMoved) {
                step.centresMoved(centres, updated, labels);
            }
            spare = centres;
            centres = updated;
            stats.add(new IterationStats(iteration, pass.objective(), pass.reassigned(), pass.distances()));
            context.progress().progress((restart + (double) iteration / maxIter) / restarts,
                    "init " + (restart + 1) + "/" + restarts + ", iteration " + iteration);
            if ((pass.reassigned() == 0 && !relocated) || shift <= tolerance) {
                converged = true;
                break;
            }
        }
        if (centresMoved) {
            assignAll(points, centres, k, labels, context);
        }
        return new Outcome(labels, centres, iteration, converged, inertia(points, centres, labels, context),
                List.copyOf(stats));
    }

    /** Labels every point with its nearest centre (the kernel's assigner, in fixed chunks). */
    static void assignAll(Points points, float[] centres, int k, int[] labels, ExecutionContext context) {
        CentroidAssigner assigner = context.kernels().centroidAssigner(centres, k, points.d());
        float[] x = points.x();
        context.parallel().forEachChunk(points.n(), CHUNK, (chunk, from, to) -> assigner.assign(x, from, to, labels, null));
    }

    /** @return the weighted sum of exact squared distances to the assigned centres, merged in chunk order */
    static double inertia(Points points, float[] centres, int[] labels, ExecutionContext context) {
        List<Double> parts = context.parallel().mapChunks(points.n(), CHUNK, (chunk, from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                s += points.weight(i) * points.exactSquared(i, centres, labels[i]);
            }
            return s;
        });
        double total = 0;
        for (double p : parts) {
            total += p;
        }
        return total;
    }

    /**
     * {@link #accumulate} and the weighted exact squared distance of row {@code i} to centre {@code c}
     * ({@link Points#exactSquared}, same bits) in one pass over the row: the bounded variants' per-point
     * work besides their distances.
     *
     * @return the row's weight times its exact squared distance to centre {@code c}
     */
    static double accumulateAndCost(Points points, int i, int c, float[] centres, double[] sums, double[] weights) {
        double w = points.weight(i);
        float[] x = points.x();
        int d = points.d();
        weights[c] += w;
        int xo = i * d;
        int so = c * d;
        double squared = 0;
        for (int j = 0; j < d; j++) {
            float v = x[xo + j];
            sums[so + j] += w * v;
            double diff = (double) v - centres[so + j];
            squared += diff * diff;
        }
        return w * squared;
    }

    /** Adds row {@code i} times its weight to the sums of cluster {@code c}. */
    static void accumulate(Points points, int i, int c, double[] sums, double[] weights) {
        double w = points.weight(i);
        float[] x = points.x();
        int d = points.d();
        weights[c] += w;
        int xo = i * d;
        int so = c * d;
        for (int j = 0; j < d; j++) {
            sums[so + j] += w * x[xo + j];
        }
    }

    /** Sums the per-chunk accumulators in chunk order into {@code sums} and {@code weights} (overwritten). */
    private void merge(ChunkSums chunkSums, double[] sums, double[] weights) {
        Arrays.fill(sums, 0);
        Arrays.fill(weights, 0);
        for (int chunk = 0; chunk < chunkSums.sums().length; chunk++) {
            double[] s = chunkSums.sums()[chunk];
            double[] w = chunkSums.weights()[chunk];
            for (int i = 0; i < sums.length; i++) {
                sums[i] += s[i];
            }
            for (int i = 0; i < k; i++) {
                weights[i] += w[i];
            }
        }
    }

    /** New centres; a cluster still without weight after relocation keeps its previous centre (never NaN). */
    static float[] means(float[] centres, double[] sums, double[] weights, int d) {
        return means(centres, sums, weights, d, new float[centres.length]);
    }

    /**
     * @param updated receives the new centres (not {@code centres})
     * @return {@code updated}
     */
    static float[] means(float[] centres, double[] sums, double[] weights, int d, float[] updated) {
        int k = weights.length;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                int at = c * d + j;
                updated[at] = weights[c] > 0 ? (float) (sums[at] / weights[c]) : centres[at];
            }
        }
        return updated;
    }

    static double squaredShift(float[] before, float[] after) {
        double total = 0;
        for (int i = 0; i < before.length; i++) {
            double diff = (double) after[i] - before[i];
            total += diff * diff;
        }
        return total;
    }

    /**
     * @param p receives per centre the Euclidean distance it moved, in double
     * @return {@code p}
     */
    static double[] shifts(float[] before, float[] after, int k, int d, double[] p) {
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double diff = (double) after[c * d + j] - before[c * d + j];
                s += diff * diff;
            }
            p[c] = Math.sqrt(s);
        }
        return p;
    }
}
