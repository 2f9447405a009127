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
import dev.clusterlab.api.algorithm.ClusterModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * k-means clustering following scikit-learn's {@code KMeans}, with Lloyd's iterations or their exact
 * accelerations by Elkan, Hamerly and Yinyang.
 *
 * <p><b>Algorithm.</b> Choose {@code k} initial centres (greedy k-means++, {@code k} distinct random
 * rows, k-means|| or the centroids of a CSV file), then repeat: assign every point to its nearest centre
 * (Lloyd: all {@code n k} distances through the kernel's fused assign-and-accumulate pass; Elkan,
 * Hamerly and Yinyang skip the distances their triangle-inequality bounds rule out and give the same labels), and
 * move each centre to the weighted mean of its points; an empty cluster takes the point farthest from
 * its centre. Stop when no label changes, when the summed squared centre shift is at most {@code tol}
 * times the mean feature variance, or after {@code max_iter} iterations; labels are then made
 * consistent with the final centres. With {@code n_init > 1} the whole run is repeated from seeds drawn
 * from the context's seed and the run with the lowest inertia (the first on ties) is returned. Sample
 * weights ({@link Dataset#weights()}) weigh the means, the inertia and k-means++/k-means|| sampling.
 * Centroid sums, inertia (from direct differences) and tolerances are computed in {@code double}, over
 * fixed chunks merged in order, so any thread count gives the same labels and objective bits. Clusters
 * that end empty (possible only with fewer distinct points than {@code k}) are dropped and labels
 * renumbered. Per-iteration statistics give the objective, the reassignments and the point-centre
 * distances computed (what the accelerated variants save).
 *
 * <p><b>Parameters.</b>
 * <ul>
 *   <li>{@code k}: integer in {@code [1, inf)}, default 8 (scikit-learn's {@code n_clusters}); at most n;</li>
 *   <li>{@code init}: {@code k-means++} (default), {@code random} or {@code k-means||};</li>
 *   <li>{@code n_init}: integer in {@code [1, inf)}, default 1, which is what scikit-learn 1.4+'s
 *       {@code n_init="auto"} means for k-means++ (use 10 for the pre-1.4 default);</li>
 *   <li>{@code max_iter}: integer in {@code [1, inf)}, default 300;</li>
 *   <li>{@code tol}: real in {@code [0, inf)}, default {@code 1e-4}, relative to the mean feature variance;</li>
 *   <li>{@code algorithm}: {@code lloyd}, {@code elkan}, {@code hamerly}, {@code yinyang} or {@code auto}
 *       (default: Lloyd, or for large problems with {@code d >= 64} Lloyd then Yinyang if its first
 *       iterations skip enough distances; the rule is {@link KMeansParams.Variant#resolve}, what ran is
 *       recorded in the model's variant and the {@code auto_variant} artifact);</li>
 *   <li>{@code init_centroids}: a CSV file of {@code k} rows x {@code d} columns, default none; replaces
 *       {@code init} and runs once.</li>
 * </ul>
 *
 * <p><b>Complexity and memory.</b> A Lloyd iteration costs {@code O(n k d)} ({@code n k} distances) plus
 * {@code O(n d)} for sums and inertia; Elkan, Hamerly and Yinyang compute far fewer distances once
 * clusters settle but pay {@code O(n k)} (Elkan), {@code O(n)} (Hamerly) or {@code O(n k / 10)} (Yinyang)
 * bound updates per iteration. k-means++ costs
 * {@code O(n k d (2 + ln k))}. Besides the data (never copied), a run holds {@code n} labels, {@code n}
 * floats for k-means++, {@code ceil(n / 4096) (k d + k)} doubles of per-chunk sums, and Elkan's
 * {@code n k} float or Hamerly's {@code 2n} double bounds.
 *
 * <p><b>References.</b> S. P. Lloyd (1982), doi:10.1109/TIT.1982.1056489; D. Arthur and S. Vassilvitskii
 * (2007), doi:10.5555/1283383.1283494; C. Elkan (2003), doi:10.5555/3041838.3041857; G. Hamerly (2010),
 * doi:10.1137/1.9781611972801.12; Y. Ding et al. (2015), PMLR 37:579-587; B. Bahmani et al. (2012), doi:10.14778/2180912.2180915 (see the
 * {@link Reference} annotations).
 *
 * {@snippet :
 * ClusteringAlgorithm kmeans = new KMeansAlgorithm();
 * Params params = ParamBinder.bind("kmeans", kmeans.descriptor().params(),
 *         Map.of("k", 3, "n_init", 10, "algorithm", "elkan"));
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
@Reference(authors = "C. Elkan", title = "Using the triangle inequality to accelerate k-means",
        venue = "Proceedings of the 20th International Conference on Machine Learning (ICML), 147-153",
        year = 2003, doi = "10.5555/3041838.3041857")
@Reference(authors = "G. Hamerly", title = "Making k-means even faster",
        venue = "Proceedings of the 2010 SIAM International Conference on Data Mining (SDM), 130-140",
        year = 2010, doi = "10.1137/1.9781611972801.12")
@Reference(authors = "Y. Ding, Y. Zhao, X. Shen, M. Musuvathi, T. Mytkowicz",
        title = "Yinyang K-Means: a drop-in replacement of the classic k-means with consistent speedup",
        venue = "Proceedings of the 32nd International Conference on Machine Learning (ICML), PMLR 37, 579-587",
        year = 2015)
@Reference(authors = "B. Bahmani, B. Moseley, A. Vattani, R. Kumar, S. Vassilvitskii", title = "Scalable k-means++",
        venue = "Proceedings of the VLDB Endowment 5(7), 622-633", year = 2012, doi = "10.14778/2180912.2180915")
public final class KMeansAlgorithm implements ClusteringAlgorithm {
    static final String ID = "kmeans";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of("k-means", "lloyd"),
            "k-means (Lloyd, Elkan, Hamerly, Yinyang)", "1.2",
            "Partitions points into k clusters around centroids by Lloyd's iterations or Elkan's, Hamerly's "
                    + "or Yinyang's exact accelerations, seeded by k-means++, random rows, k-means|| or given centroids, "
                    + "following scikit-learn's KMeans (sample weights supported).",
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
        checkSize(ID, data, k);
        Points points = Points.of(data);
        KMeansParams.Variant variant = params.algorithm().resolve(n, d, k);
        double tolerance = params.tol() * meanVariance(points);
        KMeansLoop loop = new KMeansLoop(points, k, params.maxIter(), tolerance, context);
        float[] given = params.initCentroids().isEmpty() ? null : GivenCentroids.read(ID, params.initCentroids(), k, d);
        CentreInitializer init = CentreInitializer.of(params.init());
        int restarts = given != null ? 1 : params.nInit();
        SplittableRandom seeds = new SplittableRandom(context.seed());
        KMeansLoop.Outcome best = null;
        KMeansLoop.Assignment bestStep = null;
        for (int restart = 0; restart < restarts; restart++) {
            SplittableRandom random = new SplittableRandom(seeds.nextLong());
            context.checkCancelled();
            float[] start = given != null ? given.clone() : init.centres(points, k, random, context);
            KMeansLoop.Assignment step = step(variant, points, k, params.maxIter(), context);
            KMeansLoop.Outcome outcome = loop.run(step, start, restart, restarts);
            if (best == null || outcome.inertia() < best.inertia()) {
                best = outcome;
                bestStep = step;
            }
        }
        if (bestStep instanceof AutoKMeans auto) {
            // What auto ran is part of the result: the model names the last variant, the artifact each iteration's.
            return result(ID, "auto/" + auto.last().id(), best, k, d, auto.artifact());
        }
        return result(ID, params.algorithm() == KMeansParams.Variant.AUTO ? "auto/" + variant.id() : variant.id(),
                best, k, d, null);
    }

    /** @return a fresh E-step of the variant for one run */
    static KMeansLoop.Assignment step(KMeansParams.Variant variant, Points points, int k, int maxIter,
                                      ExecutionContext context) {
        return switch (variant) {
            case LLOYD -> new LloydKMeans(points, k, context);
            case AUTO -> new AutoKMeans(points, k, maxIter, context);
            case ELKAN -> new ElkanKMeans(points, k, context);
            case HAMERLY -> new HamerlyKMeans(points, k, context);
            case EXPONION -> new HamerlyKMeans(points, k, context, true);
            case YINYANG -> new YinyangKMeans(points, k, context);
        };
    }

    @Override
    public Optional<ClusterModel> restoreModel(Map<String, Object> state) {
        return Optional.of(NearestCentroidModel.restore(ID, state));
    }

    /** Rejects empty data and {@code k > n}, naming the dataset. */
    static void checkSize(String owner, Dataset data, int k) {
        if (data.n() == 0) {
            throw new DataException(owner + ": the dataset '" + data.name() + "' is empty; k=" + k
                    + " clusters need at least " + k + " points");
        }
        if (k > data.n()) {
            throw new DataException(owner + ": k=" + k + " clusters requested but the dataset '" + data.name()
                    + "' has only " + data.n() + " points");
        }
    }

    /** Builds the result, dropping clusters left empty so that labels stay consecutive from 0. */
    static ClusteringResult result(String owner, String variant, KMeansLoop.Outcome o, int k, int d) {
        return result(owner, variant, o, k, d, null);
    }

    /** As {@link #result(String, String, KMeansLoop.Outcome, int, int)}, with {@code auto}'s record if not null. */
    static ClusteringResult result(String owner, String variant, KMeansLoop.Outcome o, int k, int d,
                                   dev.clusterlab.api.artifact.TableArtifact autoRecord) {
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
        ClusteringResult.Builder builder = ClusteringResult.builder(labels)
                .centroids(centroids, used)
                .iterations(o.iterations())
                .converged(o.converged())
                .objective(o.inertia())
                .iterationStats(o.stats())
                .model(new NearestCentroidModel(owner, variant, centroids, used, d));
        if (autoRecord != null) {
            builder.artifact(AutoKMeans.ARTIFACT, autoRecord);
        }
        return builder.build();
    }

    /** scikit-learn's {@code _tolerance} without {@code tol}: the mean over features of the population variance. */
    static double meanVariance(Points points) {
        float[] x = points.x();
        int n = points.n();
        int d = points.d();
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
