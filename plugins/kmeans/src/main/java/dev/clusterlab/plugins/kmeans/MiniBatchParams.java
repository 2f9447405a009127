package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.param.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The validated parameters of {@link MiniBatchKMeansAlgorithm}, with scikit-learn 1.2's names and defaults.
 *
 * @param k number of clusters, in {@code [1, inf)}
 * @param init how the first centres are chosen (on {@code init_size} sampled rows)
 * @param nInit initialisations tried, in {@code [1, inf)}; the best inertia on a validation sample wins
 * @param maxIter passes over the data, in {@code [1, inf)}: {@code max_iter n / batch_size} mini-batch steps
 * @param batchSize rows per mini-batch, in {@code [1, inf)}
 * @param tol relative tolerance on the squared centre change of one step, in {@code [0, inf)}; 0 disables it
 * @param maxNoImprovement steps without improvement of the smoothed batch inertia before stopping, in
 *     {@code [0, inf)}; 0 disables it (scikit-learn's {@code None})
 * @param initSize rows sampled for initialisation, in {@code [0, inf)}; 0 means {@code 3 batch_size}
 *     (at least {@code 3k})
 * @param reassignmentRatio fraction of the largest cluster weight below which a centre is moved to a
 *     random row of the batch, in {@code [0, inf)}
 * @since 0.1
 */
public record MiniBatchParams(int k, KMeansParams.Init init, int nInit, int maxIter, int batchSize, double tol,
                              int maxNoImprovement, int initSize, double reassignmentRatio) {
    private static final String OWNER = "minibatch_kmeans";
    private static final ParamSpec K = ParamSpec.integer("k", 8L, 1, Long.MAX_VALUE,
            "number of clusters (scikit-learn's n_clusters, default 8)");
    private static final ParamSpec INIT = ParamSpec.choice("init", KMeansParams.Init.K_MEANS_PLUS_PLUS.id(),
            Arrays.stream(KMeansParams.Init.values()).map(KMeansParams.Init::id).toList(),
            "initial centres, chosen on init_size sampled rows: k-means++, random or k-means||");
    private static final ParamSpec N_INIT = ParamSpec.integer("n_init", 3L, 1, Long.MAX_VALUE,
            "initialisations tried; the best inertia on a validation sample wins (scikit-learn 1.2 default 3)");
    private static final ParamSpec MAX_ITER = ParamSpec.integer("max_iter", 100L, 1, Long.MAX_VALUE,
            "passes over the data: max_iter * n / batch_size mini-batch steps");
    private static final ParamSpec BATCH_SIZE = ParamSpec.integer("batch_size", 1024L, 1, Long.MAX_VALUE,
            "rows per mini-batch, drawn with replacement");
    private static final ParamSpec TOL = ParamSpec.real("tol", 0.0, 0, true, Double.POSITIVE_INFINITY, false,
            "stop when one step moves the centres by at most tol times the mean feature variance (0: off)");
    private static final ParamSpec MAX_NO_IMPROVEMENT = ParamSpec.integer("max_no_improvement", 10L, 0, Long.MAX_VALUE,
            "stop after this many steps without improvement of the smoothed batch inertia (0: off)");
    private static final ParamSpec INIT_SIZE = ParamSpec.integer("init_size", 0L, 0, Long.MAX_VALUE,
            "rows sampled for initialisation (0: 3 * batch_size, at least 3k)");
    private static final ParamSpec REASSIGNMENT_RATIO = ParamSpec.real("reassignment_ratio", 0.01, 0, true,
            Double.POSITIVE_INFINITY, false,
            "centres whose weight is below this fraction of the largest are moved to random batch rows");

    /** Every parameter, in the order help shows them. @since 0.1 */
    public static final List<ParamSpec> SPECS = List.of(K, INIT, N_INIT, MAX_ITER, BATCH_SIZE, TOL,
            MAX_NO_IMPROVEMENT, INIT_SIZE, REASSIGNMENT_RATIO);

    /** Checks every range at once and throws one exception naming each violation. */
    public MiniBatchParams {
        List<String> errors = new ArrayList<>();
        ParamChecks.check(errors, OWNER, K, k, k >= 1);
        ParamChecks.check(errors, OWNER, INIT, init, init != null);
        ParamChecks.check(errors, OWNER, N_INIT, nInit, nInit >= 1);
        ParamChecks.check(errors, OWNER, MAX_ITER, maxIter, maxIter >= 1);
        ParamChecks.check(errors, OWNER, BATCH_SIZE, batchSize, batchSize >= 1);
        ParamChecks.check(errors, OWNER, TOL, tol, tol >= 0 && tol < Double.POSITIVE_INFINITY);
        ParamChecks.check(errors, OWNER, MAX_NO_IMPROVEMENT, maxNoImprovement, maxNoImprovement >= 0);
        ParamChecks.check(errors, OWNER, INIT_SIZE, initSize, initSize >= 0);
        ParamChecks.check(errors, OWNER, REASSIGNMENT_RATIO, reassignmentRatio,
                reassignmentRatio >= 0 && reassignmentRatio < Double.POSITIVE_INFINITY);
        if (!errors.isEmpty()) {
            throw new ParameterException(errors);
        }
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.1
     */
    public static MiniBatchParams from(Params p) {
        List<String> errors = new ArrayList<>();
        int k = ParamChecks.intValue(errors, OWNER, p, K);
        int nInit = ParamChecks.intValue(errors, OWNER, p, N_INIT);
        int maxIter = ParamChecks.intValue(errors, OWNER, p, MAX_ITER);
        int batch = ParamChecks.intValue(errors, OWNER, p, BATCH_SIZE);
        int noImprovement = ParamChecks.intValue(errors, OWNER, p, MAX_NO_IMPROVEMENT);
        int initSize = ParamChecks.intValue(errors, OWNER, p, INIT_SIZE);
        if (!errors.isEmpty()) {
            throw new ParameterException(errors);
        }
        return new MiniBatchParams(k, KMeansParams.Init.byId(p.getString(INIT.name())), nInit, maxIter, batch,
                p.getDouble(TOL.name()), noImprovement, initSize, p.getDouble(REASSIGNMENT_RATIO.name()));
    }
}
