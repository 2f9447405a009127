package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.IterationStats;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.CentroidAssigner;
import dev.clusterlab.api.param.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * Mini-batch k-means (D. Sculley 2010, doi:10.1145/1772690.1772862), following scikit-learn 1.2's
 * {@code MiniBatchKMeans}.
 *
 * <p><b>Algorithm.</b> A validation sample of {@code init_size} rows is drawn; each of {@code n_init}
 * initialisations runs {@code init} on its own sample of {@code init_size} rows and the one with the
 * lowest inertia on the validation sample is kept. Then {@code max_iter n / batch_size} steps each draw
 * {@code batch_size} rows with replacement, assign them to the nearest centre and move every centre
 * that received rows to the weighted mean of its accumulated weight and the new rows (per-centre
 * learning rate {@code 1 / total weight}). Every {@code 10k} sampled rows (or whenever a centre has no
 * weight), centres whose weight is below {@code reassignment_ratio} times the largest are moved to
 * random rows of the batch (at most half the batch) and given the smallest remaining weight. The run
 * stops early when one step moves the centres by at most {@code tol} times the mean feature variance
 * ({@code tol > 0}), or when an exponentially weighted average of the per-row batch inertia has not
 * improved for {@code max_no_improvement} steps (the first step is ignored). Labels and inertia are
 * finally computed over all rows.
 *
 * <p><b>Parameters.</b> See {@link MiniBatchParams}: {@code k} (8), {@code init} (k-means++),
 * {@code n_init} (3, scikit-learn 1.2's default), {@code max_iter} (100), {@code batch_size} (1024),
 * {@code tol} (0), {@code max_no_improvement} (10; 0 disables), {@code init_size} (0 = {@code 3 batch_size}),
 * {@code reassignment_ratio} (0.01).
 *
 * <p><b>Complexity and memory.</b> {@code O(batch_size k d)} per step, {@code O(n k d)} for the final
 * labels; memory {@code O(batch_size d + init_size d + n)} besides the data. Randomness comes from one
 * generator seeded by the context, so results do not depend on the thread count. The stream differs from
 * numpy's, so results match scikit-learn's in distribution, not run by run.
 *
 * {@snippet :
 * Params params = ParamBinder.bind("minibatch_kmeans", algorithm.descriptor().params(), Map.of("k", 10));
 * ClusteringResult result = new MiniBatchKMeansAlgorithm().fit(data, params, context);
 * }
 *
 * @since 0.1
 */
@Extension
@Reference(authors = "D. Sculley", title = "Web-scale k-means clustering",
        venue = "Proceedings of the 19th International Conference on World Wide Web (WWW), 1177-1178",
        year = 2010, doi = "10.1145/1772690.1772862")
public final class MiniBatchKMeansAlgorithm implements ClusteringAlgorithm {
    static final String ID = "minibatch_kmeans";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of("mini-batch-kmeans"),
            "mini-batch k-means", "1.0",
            "k-means on random mini-batches with per-centre learning rates, low-weight centre reassignment and "
                    + "early stopping on the smoothed batch inertia, following scikit-learn's MiniBatchKMeans.",
            MiniBatchParams.SPECS, Citation.of(MiniBatchKMeansAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.1 */
    public MiniBatchKMeansAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, MiniBatchParams.from(params), context);
    }

    @Override
    public Optional<ClusterModel> restoreModel(Map<String, Object> state) {
        return Optional.of(NearestCentroidModel.restore(ID, state));
    }

    /**
     * Clusters the dataset with typed parameters.
     *
     * @param data the points; never modified
     * @param params the parameters
     * @param context kernels, threads, seed, progress and cancellation
     * @return labels, centroids, inertia, per-step statistics and a predicting model
     * @since 0.1
     */
    public ClusteringResult fit(Dataset data, MiniBatchParams params, ExecutionContext context) {
        int k = params.k();
        KMeansAlgorithm.checkSize(ID, data, k);
        Points points = Points.of(data);
        int n = points.n();
        int d = points.d();
        int batch = Math.min(params.batchSize(), n);
        int initSize = params.initSize() > 0 ? params.initSize() : 3 * batch;
        if (initSize < k) {
            initSize = 3 * k;
        }
        initSize = Math.min(initSize, n);
        SplittableRandom random = new SplittableRandom(context.seed());
        Points validation = sample(points, drawRows(random, n, initSize));
        CentreInitializer init = CentreInitializer.of(params.init());
        float[] centres = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int r = 0; r < params.nInit(); r++) {
            context.checkCancelled();
            float[] candidate = init.centres(sample(points, drawRows(random, n, initSize)), k, random, context);
            int[] labels = new int[validation.n()];
            KMeansLoop.assignAll(validation, candidate, k, labels, context);
            double inertia = KMeansLoop.inertia(validation, candidate, labels, context);
            if (centres == null || inertia < bestInertia) {
                centres = candidate;
                bestInertia = inertia;
            }
        }
        Run run = new Run(points, k, batch, params, KMeansAlgorithm.meanVariance(points) * params.tol(), context);
        int steps = run.iterate(centres, random);
        int[] labels = new int[n];
        KMeansLoop.assignAll(points, centres, k, labels, context);
        double inertia = KMeansLoop.inertia(points, centres, labels, context);
        KMeansLoop.Outcome outcome = new KMeansLoop.Outcome(labels, centres,
                (int) Math.min(Integer.MAX_VALUE, ((long) steps * batch + n - 1) / n), run.converged, inertia, run.stats);
        return KMeansAlgorithm.result(ID, "minibatch", outcome, k, d);
    }

    /** The mutable state of the mini-batch steps of one fit. */
    private static final class Run {
        private final Points points;
        private final int k;
        private final int batch;
        private final MiniBatchParams params;
        private final double tolerance;
        private final ExecutionContext context;
        private final double[] counts;
        private final List<IterationStats> stats = new ArrayList<>();
        private boolean converged;
        private double ewa = Double.NaN;
        private double ewaMin = Double.NaN;
        private int noImprovement;
        private long sinceReassign;

        Run(Points points, int k, int batch, MiniBatchParams params, double tolerance, ExecutionContext context) {
            this.points = points;
            this.k = k;
            this.batch = batch;
            this.params = params;
            this.tolerance = tolerance;
            this.context = context;
            this.counts = new double[k];
        }

        /** Runs the steps, updating {@code centres} in place. @return steps run */
        int iterate(float[] centres, SplittableRandom random) {
            int n = points.n();
            int d = points.d();
            long steps = Math.max(1, (long) params.maxIter() * n / batch);
            int[] labels = new int[batch];
            float[] squared = new float[batch];
            long step = 0;
            while (step < steps) {
                if ((step & 15) == 0) {
                    context.checkCancelled();
                }
                step++;
                Points b = sample(points, drawRows(random, n, batch));
                CentroidAssigner assigner = context.kernels().centroidAssigner(centres, k, d);
                assigner.assign(b.x(), 0, batch, labels, squared);
                double inertia = 0;
                double[] sums = new double[k * d];
                double[] weights = new double[k];
                for (int i = 0; i < batch; i++) {
                    inertia += KMeansLoop.accumulateAndCost(b, i, labels[i], centres, sums, weights);
                }
                float[] before = tolerance > 0 ? centres.clone() : null;
                for (int c = 0; c < k; c++) {
                    if (weights[c] > 0) {
                        double total = counts[c] + weights[c];
                        for (int j = 0; j < d; j++) {
                            centres[c * d + j] = (float) ((centres[c * d + j] * counts[c] + sums[c * d + j]) / total);
                        }
                        counts[c] = total;
                    }
                }
                if (randomReassign() && params.reassignmentRatio() > 0) {
                    reassign(centres, b, random);
                }
                double shift = before == null ? 0 : KMeansLoop.squaredShift(before, centres);
                stats.add(new IterationStats((int) Math.min(Integer.MAX_VALUE, step), inertia / batch, -1, (long) batch * k));
                context.progress().progress((double) step / steps, "step " + step + "/" + steps);
                if (converged(step, shift, inertia / batch)) {
                    converged = true;
                    break;
                }
            }
            return (int) Math.min(Integer.MAX_VALUE, step);
        }

        /** scikit-learn's {@code _random_reassign}: every {@code 10k} sampled rows, or when a centre has no weight. */
        private boolean randomReassign() {
            sinceReassign += batch;
            boolean empty = Arrays.stream(counts).anyMatch(c -> c == 0);
            if (empty || sinceReassign >= 10L * k) {
                sinceReassign = 0;
                return true;
            }
            return false;
        }

        /** Moves low-weight centres to distinct random rows of the batch (at most half of it). */
        private void reassign(float[] centres, Points b, SplittableRandom random) {
            double max = Arrays.stream(counts).max().orElse(0);
            Integer[] order = new Integer[k];
            for (int c = 0; c < k; c++) {
                order[c] = c;
            }
            Arrays.sort(order, (p, q) -> Double.compare(counts[p], counts[q]));
            boolean[] move = new boolean[k];
            int moves = 0;
            int cap = (int) (0.5 * b.n());
            for (int c = 0; c < k; c++) {
                move[c] = counts[c] < params.reassignmentRatio() * max;
            }
            // As numpy's argsort(weight_sums)[cap:]: only the cap lightest centres may move.
            for (int r = cap; r < k; r++) {
                move[order[r]] = false;
            }
            double keptMin = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (move[c]) {
                    moves++;
                } else {
                    keptMin = Math.min(keptMin, counts[c]);
                }
            }
            if (moves == 0) {
                return;
            }
            int[] rows = drawDistinct(random, b.n(), moves);
            int d = b.d();
            int next = 0;
            for (int c = 0; c < k; c++) {
                if (move[c]) {
                    System.arraycopy(b.x(), rows[next++] * d, centres, c * d, d);
                    if (keptMin < Double.POSITIVE_INFINITY) {
                        counts[c] = keptMin;
                    }
                }
            }
        }

        /** scikit-learn's {@code _mini_batch_convergence}. */
        private boolean converged(long step, double shift, double batchInertia) {
            if (step == 1) {
                return false;
            }
            if (Double.isNaN(ewa)) {
                ewa = batchInertia;
            } else {
                double alpha = Math.min(1.0, batch * 2.0 / (points.n() + 1));
                ewa = ewa * (1 - alpha) + batchInertia * alpha;
            }
            if (tolerance > 0 && shift <= tolerance) {
                return true;
            }
            if (Double.isNaN(ewaMin) || ewa < ewaMin) {
                noImprovement = 0;
                ewaMin = ewa;
            } else {
                noImprovement++;
            }
            return params.maxNoImprovement() > 0 && noImprovement >= params.maxNoImprovement();
        }
    }

    /** @return {@code m} row numbers in {@code [0, n)} drawn uniformly with replacement */
    static int[] drawRows(SplittableRandom random, int n, int m) {
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = random.nextInt(n);
        }
        return rows;
    }

    /** @return {@code m} distinct numbers in {@code [0, n)} (partial Fisher-Yates) */
    static int[] drawDistinct(SplittableRandom random, int n, int m) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, m);
    }

    /** @return the given rows (and their weights) copied into a new point set */
    static Points sample(Points points, int[] rows) {
        int d = points.d();
        float[] x = new float[rows.length * d];
        float[] w = points.weights() == null ? null : new float[rows.length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(points.x(), rows[r] * d, x, r * d, d);
            if (w != null) {
                w[r] = points.weights()[rows[r]];
            }
        }
        return new Points(x, rows.length, d, w);
    }
}
