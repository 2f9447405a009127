package dev.clusterlab.plugins.kmedoids;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.ArtifactTable;
import dev.clusterlab.api.artifact.TableArtifact;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.Params;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.pf4j.Extension;

/**
 * k-medoids: {@code k} input rows (the medoids) that minimise the total deviation, the sum over all
 * points of the dissimilarity to the nearest medoid; any dissimilarity works, the engine's distances or a
 * precomputed matrix. Three ways to improve the initial medoids:
 * <ul>
 *   <li>{@code fasterpam} (default): FasterPAM (Schubert and Rousseeuw 2021), eager first-improvement
 *       swaps with the removal loss and the nearest / second-nearest caches ({@link FasterPam}); about
 *       {@code O(n^2)} per pass, usually a few passes.</li>
 *   <li>{@code pam}: PAM's SWAP (Kaufman and Rousseeuw 1990), the best swap per iteration ({@link PamSwap},
 *       evaluated as FastPAM1); {@code O(n^2)} per swap.</li>
 *   <li>{@code alternate}: the Voronoi iteration (Park and Jun 2009, scikit-learn-extra's
 *       {@code method='alternate'}; {@link Alternate}); cheaper, usually worse.</li>
 * </ul>
 * The initial medoids come from {@code init} ({@link Initialization}): PAM's BUILD by default.
 *
 * <p><b>Memory.</b> The full {@code n x n} dissimilarity matrix in float, {@code 4 n^2} bytes (400 MB at
 * {@code n = 10,000}, 1.6 GB at 20,000), made once with the engine's kernels in parallel over fixed
 * blocks of rows; the fit refuses, before allocating, an {@code n} whose matrix does not fit the heap,
 * with the GB needed. A precomputed matrix is the dataset's own array, checked, not copied.
 *
 * <p><b>Determinism.</b> {@code build} and {@code heuristic} use no randomness; {@code random} and
 * {@code k-means++} draw from the run's seed. Parallel work is either per-point or per-candidate and
 * combined in row order, so the medoids, labels and objective are the same bits for any thread count.
 *
 * <p><b>Result.</b> Labels (the nearest medoid's slot, the lowest on ties; a medoid's own row stays in its
 * cluster), {@code objective} = the total deviation (a double sum of float dissimilarities),
 * {@code iterations} (FasterPAM: passes over the candidates, counting the last, partial one; PAM: swap
 * searches, counting the last one that found nothing; alternate: Voronoi iterations, counting the one
 * that changed nothing), {@code converged}, the artifact {@code medoids} (table {@code cluster,row}: each
 * cluster's medoid, a 0-based row), and on features the medoids' rows as centroids and a
 * {@link KMedoidsModel} that predicts the nearest medoid in the same distance.
 *
 * {@snippet :
 * KMedoidsAlgorithm kmedoids = new KMedoidsAlgorithm();
 * ClusteringResult r = kmedoids.fit(data, new KMedoidsParams(5), context);
 * double totalDeviation = r.objective();
 * int[] next = r.model().orElseThrow().predict(newPoints, context);  // nearest medoid
 * }
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "E. Schubert, P. J. Rousseeuw",
        title = "Fast and eager k-medoids clustering: O(k) runtime improvement of the PAM, CLARA, and CLARANS algorithms",
        venue = "Information Systems 101, 101804", year = 2021, doi = "10.1016/j.is.2021.101804")
@Reference(authors = "L. Kaufman, P. J. Rousseeuw", title = "Partitioning Around Medoids (Program PAM)",
        venue = "Finding Groups in Data: An Introduction to Cluster Analysis, Wiley, chapter 2", year = 1990,
        doi = "10.1002/9780470316801.ch2")
@Reference(authors = "H.-S. Park, C.-H. Jun", title = "A simple and fast algorithm for K-medoids clustering",
        venue = "Expert Systems with Applications 36(2), 3336-3341", year = 2009, doi = "10.1016/j.eswa.2008.01.039")
@Reference(authors = "D. Arthur, S. Vassilvitskii", title = "k-means++: the advantages of careful seeding",
        venue = "Proceedings of the 18th Annual ACM-SIAM Symposium on Discrete Algorithms, 1027-1035", year = 2007)
public final class KMedoidsAlgorithm implements ClusteringAlgorithm {
    static final String ID = "kmedoids";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of("k-medoids", "k_medoids"),
            "k-medoids", "1.0",
            "k input rows (medoids) minimising the summed distance of every point to its nearest medoid, in any distance or "
                    + "a precomputed dissimilarity matrix: FasterPAM (default), PAM or the alternating Voronoi iteration; "
                    + "scikit-learn-extra's KMedoids.",
            KMedoidsParams.SPECS, Citation.of(KMedoidsAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.2 */
    public KMedoidsAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** What the typed record refuses (free-text values, values that must agree), found before any fit. */
    @Override
    public java.util.List<dev.clusterlab.api.param.ParamViolation> validate(Params params) {
        try {
            KMedoidsParams.from(params);
            return java.util.List.of();
        } catch (dev.clusterlab.api.param.ParameterException e) {
            return e.problems();
        }
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, KMedoidsParams.from(params), context);
    }

    /**
     * Clusters the dataset with typed parameters.
     *
     * @param data the points, or with {@code metric: precomputed} the {@code n x n} dissimilarities; never modified
     * @param params the parameters
     * @param context kernels, threads, the seed (for {@code random} and {@code k-means++}), progress and cancellation
     * @return labels, medoids, the total deviation and (on features) a model
     * @throws DataException if the dataset is empty, has fewer rows than {@code k} or missing values, a
     *     precomputed matrix is not square, not finite, negative or not symmetric, or the matrix does not
     *     fit in the heap
     * @since 0.2
     */
    public ClusteringResult fit(Dataset data, KMedoidsParams params, ExecutionContext context) {
        int n = data.n();
        int k = params.k();
        if (n == 0) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' is empty; k-medoids needs at least k=" + k + " points");
        }
        if (k > n) {
            throw new DataException(ID + ": k=" + k + " medoids asked for, but the dataset '" + data.name() + "' has only n=" + n
                    + " points; k must be at most n");
        }
        if (data.hasMissing()) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' has missing values; impute them first "
                    + "(the 'impute' step) or drop those rows");
        }
        Optional<Distance> distance = params.distance();
        Dissimilarities d = distance.isPresent() ? Dissimilarities.of(data, distance.get(), context)
                : Dissimilarities.precomputed(data);
        context.checkCancelled();
        context.progress().progress(0.1, ID + ": " + n + " x " + n + " dissimilarities ready");
        int[] initial = Initialization.medoids(params.init(), d, k, context);
        MedoidState state = new MedoidState(d, initial, context);
        double initialLoss = state.loss();
        var phase = context.progress().stage(0.4, 1.0);
        FasterPam.Outcome outcome = switch (params.method()) {
            case FASTERPAM -> FasterPam.run(state, params.maxIter(), context, phase);
            case PAM -> PamSwap.run(state, params.maxIter(), context, phase);
            case ALTERNATE -> Alternate.run(state, params.maxIter(), context, phase);
        };
        int[] labels = state.labels();
        double loss = state.loss();
        int[] medoids = state.medoids.clone();
        context.progress().progress(1.0, String.format(Locale.ROOT, "%s: %s from %s, %d iterations, %d %s, total deviation "
                        + "%.6g (initial %.6g)%s", ID, params.method().id(), params.init().id(), outcome.passes(), outcome.swaps(),
                params.method() == KMedoidsParams.Method.ALTERNATE ? "medoid changes" : "swaps", loss, initialLoss,
                outcome.converged() ? "" : "; max_iter reached before convergence"));
        ClusteringResult.Builder result = ClusteringResult.builder(labels)
                .iterations(outcome.passes())
                .converged(outcome.converged())
                .objective(loss)
                .artifact("medoids", new TableArtifact("medoids", ArtifactTable.builder()
                        .ints("cluster", IntStream.range(0, k).toArray()).ints("row", medoids).build()));
        if (distance.isPresent()) {
            int dim = data.d();
            float[] x = data.data();
            float[] centres = new float[k * dim];
            for (int c = 0; c < k; c++) {
                System.arraycopy(x, medoids[c] * dim, centres, c * dim, dim);
            }
            result.centroids(centres, k).model(new KMedoidsModel(distance.get(), centres.clone(), medoids.clone(), k, dim));
        }
        return result.build();
    }

    @Override
    public Optional<ClusterModel> restoreModel(Map<String, Object> state) {
        return Optional.of(KMedoidsModel.restore(state));
    }
}
