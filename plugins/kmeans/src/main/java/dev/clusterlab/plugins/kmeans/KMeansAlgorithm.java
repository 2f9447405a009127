package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.Params;
import java.util.List;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * k-means clustering by Lloyd's algorithm, following scikit-learn's {@code KMeans(algorithm="lloyd")}.
 *
 * <p><b>Algorithm.</b> Choose {@code k} initial centres (greedy k-means++ or {@code k} distinct random
 * rows), then repeat: assign every point to its nearest centre with the kernel's nearest-centroid
 * assigner, and move each centre to the mean of its points; an empty cluster takes the point farthest
 * from its centre. Stop when no label changes, when the summed squared centre shift is at most
 * {@code tol} times the mean feature variance, or after {@code max_iter} iterations; labels are then made
 * consistent with the final centres. With {@code n_init > 1} the whole run is repeated from seeds drawn
 * from the context's seed and the run with the lowest inertia (the first on ties) is returned. Centroid
 * sums, inertia (from direct differences) and tolerances are computed in {@code double}, over fixed
 * chunks merged in order, so any thread count gives the same labels and objective bits. Clusters that
 * end empty (possible only with fewer distinct points than {@code k}) are dropped and labels renumbered.
 *
 * <p><b>Parameters.</b>
 * <ul>
 *   <li>{@code k}: integer in {@code [1, inf)}, default 8 (scikit-learn's {@code n_clusters}); at most n;</li>
 *   <li>{@code init}: {@code k-means++} (default) or {@code random};</li>
 *   <li>{@code n_init}: integer in {@code [1, inf)}, default 1, which is what scikit-learn 1.4+'s
 *       {@code n_init="auto"} means for k-means++ (use 10 for the pre-1.4 default);</li>
 *   <li>{@code max_iter}: integer in {@code [1, inf)}, default 300;</li>
 *   <li>{@code tol}: real in {@code [0, inf)}, default {@code 1e-4}, relative to the mean feature variance.</li>
 * </ul>
 *
 * <p><b>Complexity and memory.</b> Each iteration costs {@code O(n k d)} (one kernel assignment pass,
 * {@code n k} distances) plus {@code O(n d)} for sums and inertia; k-means++ costs
 * {@code O(n k d (2 + ln k))}. Besides the data (never copied), a run holds {@code 2n} labels, {@code n}
 * floats for k-means++ and {@code ceil(n / 4096) k d} doubles of per-chunk sums.
 *
 * <p><b>References.</b> S. P. Lloyd (1982), doi:10.1109/TIT.1982.1056489; D. Arthur and S. Vassilvitskii
 * (2007), doi:10.5555/1283383.1283494 (see the {@link Reference} annotations).
 *
 * {@snippet :
 * ClusteringAlgorithm kmeans = new KMeansAlgorithm();
 * Params params = ParamBinder.bind("kmeans", kmeans.descriptor().params(), Map.of("k", 3, "n_init", 10));
 * ClusteringResult result = kmeans.fit(data, params, context);
 * int[] nearest = result.model().orElseThrow().predict(newPoints, context);
 * }
 *
 * @since 0.1
 */
@Extension
@Reference(authors = "S. P. Lloyd", title = "Least squares quantization in PCM",
        venue = "IEEE Transactions on Information Theory 28(2), 129-137", year = 1982, doi = "10.1109/TIT.1982.1056489")
@Reference(authors = "D. Arthur, S. Vassilvitskii", title = "k-means++: the advantages of careful seeding",
        venue = "Proceedings of the 18th Annual ACM-SIAM Symposium on Discrete Algorithms (SODA), 1027-1035",
        year = 2007, doi = "10.5555/1283383.1283494")
public final class KMeansAlgorithm implements ClusteringAlgorithm {
    private static final String ID = "kmeans";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of("k-means", "lloyd"),
            "k-means (Lloyd)", "1.0",
            "Partitions points into k clusters around centroids by Lloyd's iterations, seeded by k-means++ "
                    + "or random rows, following scikit-learn's KMeans(algorithm='lloyd').",
            KMeansParams.SPECS, Citation.of(KMeansAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.1 */
    public KMeansAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, KMeansParams.from(params), context);
    }

    /**
     * Clusters the dataset with typed parameters.
     *
     * @param data the points; never modified
     * @param params the parameters
     * @param context kernels, threads, seed, progress and cancellation
     * @return labels, centroids, inertia as objective, per-iteration statistics and a predicting model
     * @throws DataException if the dataset is empty or has fewer points than {@code k}
     * @since 0.1
     */
    public ClusteringResult fit(Dataset data, KMeansParams params, ExecutionContext context) {
        int n = data.n();
        int d = data.d();
        int k = params.k();
        if (n == 0) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' is empty; k=" + k + " clusters need at least " + k + " points");
        }
        if (k > n) {
            throw new DataException(ID + ": k=" + k + " clusters requested but the dataset '" + data.name()
                    + "' has only " + n + " points");
        }
        float[] x = data.data();
        double tolerance = params.tol() * meanVariance(x, n, d);
        CentreInitializer init = CentreInitializer.of(params.init());
        LloydRun run = new LloydRun(x, n, d, k, params.maxIter(), tolerance, context);
        SplittableRandom seeds = new SplittableRandom(context.seed());
        LloydRun.Outcome best = null;
        for (int restart = 0; restart < params.nInit(); restart++) {
            SplittableRandom random = new SplittableRandom(seeds.nextLong());
            context.checkCancelled();
            float[] start = init.centres(x, n, d, k, random, context);
            LloydRun.Outcome outcome = run.run(start, restart, params.nInit());
            if (best == null || outcome.inertia() < best.inertia()) {
                best = outcome;
            }
        }
        return result(best, k, d);
    }

    /** Builds the result, dropping clusters left empty so that labels stay consecutive from 0. */
    private static ClusteringResult result(LloydRun.Outcome o, int k, int d) {
        int[] renumber = new int[k];
        for (int l : o.labels()) {
            renumber[l] = 1;
        }
        int used = 0;
        for (int c = 0; c < k; c++) {
            renumber[c] = renumber[c] == 1 ? used++ : -1;
        }
        float[] centroids = new float[used * d];
        for (int c = 0; c < k; c++) {
            if (renumber[c] >= 0) {
                System.arraycopy(o.centres(), c * d, centroids, renumber[c] * d, d);
            }
        }
        int[] labels = o.labels();
        if (used < k) {
            for (int i = 0; i < labels.length; i++) {
                labels[i] = renumber[labels[i]];
            }
        }
        return ClusteringResult.builder(labels)
                .centroids(centroids, used)
                .iterations(o.iterations())
                .converged(o.converged())
                .objective(o.inertia())
                .iterationStats(o.stats())
                .model(new NearestCentroidModel(centroids, used, d))
                .build();
    }

    /** scikit-learn's {@code _tolerance} without {@code tol}: the mean over features of the population variance. */
    static double meanVariance(float[] x, int n, int d) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double squares = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double diff = x[i * d + j] - mean[j];
                squares += diff * diff;
            }
        }
        return squares / n / d;
    }
}
