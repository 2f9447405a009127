package dev.clusterlab.plugins.mixture;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.SoftAssignments;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.param.Params;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * Gaussian mixture fitted by expectation-maximisation (Dempster, Laird and Rubin 1977), with
 * scikit-learn 1.2.1's {@code GaussianMixture} parameters and steps:
 * <ul>
 *   <li>Initial responsibilities by {@code init_params} ({@link Initialisation}), then the initial
 *       parameters from them (weights {@code nk / n}, means, covariances plus {@code reg_covar});</li>
 *   <li>each iteration an E-step (log-densities, log-sum-exp, responsibilities) and an M-step (weights
 *       {@code nk / sum nk}, means, covariances plus {@code reg_covar}, Cholesky factors of the
 *       precisions), fused into one pass over the data ({@link EmPass}); {@code nk} gets scikit-learn's
 *       {@code 10 eps};</li>
 *   <li>the lower bound of an iteration is the mean log-likelihood its E-step measured; EM stops when it
 *       changes by less than {@code tol} (converged) or after {@code max_iter} iterations;</li>
 *   <li>{@code n_init} initialisations from one stream of seeds, the largest lower bound kept (the first on
 *       ties); {@code converged} is true if any initialisation converged (as scikit-learn's
 *       {@code converged_}), else the result says not converged and the final progress message carries
 *       scikit-learn's ConvergenceWarning text;</li>
 *   <li>a final E-step with the kept parameters gives the labels (most probable component, so they agree
 *       with {@code predict}), the responsibilities and {@code score(X)}.</li>
 * </ul>
 * A covariance that is not positive definite fails the run with scikit-learn's advice (fewer components,
 * or a larger {@code reg_covar}).
 *
 * <p><b>Result.</b> Labels (components numbered as scikit-learn's, except that components most probable
 * for no training point are moved after the others, to keep labels consecutive), the means as
 * centroids, {@code iterations} ({@code n_iter_}), {@code converged}, {@code objective = -n * lower_bound_}
 * (the negated log-likelihood EM last measured; lower is better, as an inertia), the lower bound per
 * iteration as iteration statistics, the responsibilities as the {@code soft_assignments} artifact, and
 * the scores {@code bic} and {@code aic} (lower is better) and {@code log_likelihood} (scikit-learn's
 * {@code score(X)}, the mean per point; higher is better), all of the final parameters as scikit-learn's
 * {@code bic(X)}, {@code aic(X)}, {@code score(X)}. The {@link GmmModel} predicts, gives probabilities
 * and is saved with {@code --save-model}.
 *
 * <p><b>Cost.</b> Per iteration {@code O(n k d^2)} for full covariances ({@code O(n k d)} for the others,
 * plus {@code O(n d^2)} for tied), one pass over the data; memory {@code O(k d^2)} per thread beyond the
 * {@code n x k} responsibilities of the result.
 *
 * <p><b>Parameters.</b> See {@link GmmParams}.
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "A. P. Dempster, N. M. Laird, D. B. Rubin",
        title = "Maximum likelihood from incomplete data via the EM algorithm",
        venue = "Journal of the Royal Statistical Society, Series B 39(1), 1-38", year = 1977,
        doi = "10.1111/j.2517-6161.1977.tb01600.x")
@Reference(authors = "G. Schwarz", title = "Estimating the dimension of a model",
        venue = "The Annals of Statistics 6(2), 461-464", year = 1978, doi = "10.1214/aos/1176344136")
@Reference(authors = "C. M. Bishop", title = "Pattern Recognition and Machine Learning (chapter 9)",
        venue = "Springer", year = 2006, doi = "10.5555/1162264")
public final class GaussianMixtureAlgorithm implements ClusteringAlgorithm {
    static final String ID = "gmm";
    /** Name of the responsibilities artifact. @since 0.2 */
    public static final String SOFT_ASSIGNMENTS = "soft_assignments";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of("gaussian_mixture"),
            "Gaussian mixture (EM)", "1.0",
            "Fits k Gaussian components (full, tied, diag or spherical covariances) by expectation-maximisation; "
                    + "labels are the most probable component; BIC, AIC and the log-likelihood as scores; scikit-learn's GaussianMixture.",
            GmmParams.SPECS, Citation.of(GaussianMixtureAlgorithm.class));

    /** The scores each result carries, so that an experiment can list them and rank by them. */
    private static final List<MetricDescriptor> SCORES = List.of(
            new MetricDescriptor("bic", List.of(), "Bayesian information criterion",
                    "-2 n log-likelihood + p ln n of the fitted mixture (scikit-learn's bic(X)); lower is better; chooses k", false, false,
                    List.of()),
            new MetricDescriptor("aic", List.of(), "Akaike information criterion",
                    "-2 n log-likelihood + 2 p of the fitted mixture (scikit-learn's aic(X)); lower is better", false, false, List.of()),
            new MetricDescriptor("log_likelihood", List.of(), "Mean log-likelihood",
                    "the mean log-likelihood per point under the fitted mixture (scikit-learn's score(X)); higher is better", false, true,
                    List.of()));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.2 */
    public GaussianMixtureAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<MetricDescriptor> modelScores() {
        return SCORES;
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, GmmParams.from(params), context);
    }

    /**
     * Fits the mixture with typed parameters.
     *
     * @param data the points; never modified
     * @param params the parameters
     * @param context kernels, threads, seed (scikit-learn's {@code random_state}), progress and cancellation
     * @return labels, responsibilities, scores and a {@link GmmModel}
     * @throws DataException if the dataset is empty, has fewer points than {@code k}, or a covariance is singular
     * @since 0.2
     */
    public ClusteringResult fit(Dataset data, GmmParams params, ExecutionContext context) {
        check(data, params);
        SplittableRandom seeds = new SplittableRandom(context.seed());
        Em em = new Em(data.data(), data.n(), data.d(), params, context);
        Em.Run best = null;
        boolean anyConverged = false;
        for (int init = 0; init < params.nInit(); init++) {
            long seed = seeds.nextLong();
            InitialResponsibilities initial = Initialisation.of(params.initParams(), data, params.k(), seed, context);
            Em.Run run = em.run(initial, null, context);
            anyConverged |= run.converged();
            if (best == null || run.lowerBound() > best.lowerBound()) {
                best = run;
            }
        }
        return finish(data, params, best, anyConverged, context);
    }

    /**
     * EM from given initial responsibilities and, optionally, given means (scikit-learn's {@code means_init}:
     * weights and covariances still come from the responsibilities); one initialisation. For tests that start
     * from scikit-learn's own initial state.
     *
     * @param resp row-major {@code n x k} initial responsibilities
     * @param meansInit row-major {@code k x d} means, or {@code null}
     */
    ClusteringResult fitFrom(Dataset data, GmmParams params, double[] resp, double[] meansInit, ExecutionContext context) {
        check(data, params);
        Em.Run run = new Em(data.data(), data.n(), data.d(), params, context)
                .run(InitialResponsibilities.dense(resp), meansInit, context);
        return finish(data, params, run, run.converged(), context);
    }

    private static void check(Dataset data, GmmParams params) {
        if (data.n() == 0) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' is empty; a Gaussian mixture needs at least 1 point");
        }
        if (params.k() > data.n()) {
            throw new DataException(ID + ": k=" + params.k() + " components need at least as many points, but the dataset '"
                    + data.name() + "' has n=" + data.n());
        }
    }

    private static ClusteringResult finish(Dataset data, GmmParams params, Em.Run run, boolean converged, ExecutionContext context) {
        int n = data.n();
        int k = params.k();
        context.checkCancelled();
        Gaussians g = run.mixture();
        int[] labels = new int[n];
        EmPass.run(data.data(), n, data.d(), g, null, g.type, k, null, labels, null, context);
        // Components most probable for no point go last, so that labels are consecutive from 0.
        boolean[] used = new boolean[k];
        for (int l : labels) {
            used[l] = true;
        }
        int[] order = new int[k];
        int[] relabel = new int[k];
        int next = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < k; c++) {
                if (used[c] == (pass == 0)) {
                    relabel[c] = next;
                    order[next++] = c;
                }
            }
        }
        boolean identity = true;
        for (int c = 0; c < k; c++) {
            identity &= order[c] == c;
        }
        if (!identity) {
            g = g.permuted(order);
        }
        double[] resp = new double[Math.multiplyExact(n, k)];
        double logLikelihood = EmPass.run(data.data(), n, data.d(), g, null, g.type, k, null, null, resp, context).logLikelihood();
        for (int i = 0; i < n; i++) {
            labels[i] = relabel[labels[i]];
        }
        GmmModel model = new GmmModel(g);
        long p = model.freeParameters();
        double bic = -2 * logLikelihood + p * Math.log(n);
        double aic = -2 * logLikelihood + 2.0 * p;
        float[] centroids = new float[k * data.d()];
        for (int i = 0; i < centroids.length; i++) {
            centroids[i] = (float) g.means[i];
        }
        String message = ID + ": " + run.iterations() + " iterations, lower bound " + run.lowerBound() + ", BIC " + bic
                + (converged || params.maxIter() == 0 ? "" : "; warning: initialization " + params.nInit()
                + " did not converge; try different init parameters, or increase max_iter, tol or check for degenerate data");
        context.progress().progress(1.0, message);
        return ClusteringResult.builder(labels)
                .centroids(centroids, k)
                .iterations(run.iterations())
                .converged(converged)
                .objective(-run.lowerBound() * n)
                .iterationStats(run.history())
                .model(model)
                .artifact(SOFT_ASSIGNMENTS, new SoftAssignments(resp, n, k))
                .score("bic", bic, false)
                .score("aic", aic, false)
                .score("log_likelihood", logLikelihood / n, true)
                .build();
    }

    @Override
    public Optional<ClusterModel> restoreModel(Map<String, Object> state) {
        return Optional.of(GmmModel.restore(state));
    }
}
