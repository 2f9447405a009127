package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                              int maxNoImprovement, int initSize, double reassignmentRatio) implements AlgorithmParams {
    private static final String OWNER = MiniBatchKMeansAlgorithm.ID;
    private static final ParamSpec K = ParamSpec.intAtLeast("k", 8, 1,
            "number of clusters (scikit-learn's n_clusters, default 8)");
    private static final ParamSpec INIT = ParamSpec.choice("init", KMeansParams.Init.class, KMeansParams.Init.K_MEANS_PLUS_PLUS,
            "initial centres, chosen on init_size sampled rows: k-means++, random or k-means||");
    private static final ParamSpec N_INIT = ParamSpec.intAtLeast("n_init", 3, 1,
            "initialisations tried; the best inertia on a validation sample wins (scikit-learn 1.2 default 3)");
    private static final ParamSpec MAX_ITER = ParamSpec.intAtLeast("max_iter", 100, 1,
            "passes over the data: max_iter * n / batch_size mini-batch steps");
    private static final ParamSpec BATCH_SIZE = ParamSpec.intAtLeast("batch_size", 1024, 1,
            "rows per mini-batch, drawn with replacement");
    private static final ParamSpec TOL = ParamSpec.real("tol", 0.0, 0, true, Double.POSITIVE_INFINITY, false,
            "stop when one step moves the centres by at most tol times the mean feature variance (0: off)");
    private static final ParamSpec MAX_NO_IMPROVEMENT = ParamSpec.intAtLeast("max_no_improvement", 10, 0,
            "stop after this many steps without improvement of the smoothed batch inertia (0: off)");
    private static final ParamSpec INIT_SIZE = ParamSpec.intAtLeast("init_size", 0, 0,
            "rows sampled for initialisation (0: 3 * batch_size, at least 3k)");
    private static final ParamSpec REASSIGNMENT_RATIO = ParamSpec.real("reassignment_ratio", 0.01, 0, true,
            Double.POSITIVE_INFINITY, false,
            "centres whose weight is below this fraction of the largest are moved to random batch rows");

    /** Every parameter, in the order help shows them. @since 0.1 */
    public static final List<ParamSpec> SPECS = List.of(K, INIT, N_INIT, MAX_ITER, BATCH_SIZE, TOL,
            MAX_NO_IMPROVEMENT, INIT_SIZE, REASSIGNMENT_RATIO);

    /** Checks every value against {@link #SPECS} at once and throws one exception naming each violation. */
    public MiniBatchParams {
        ParamBinder.validate(OWNER, SPECS, k, init, nInit, maxIter, batchSize, tol, maxNoImprovement, initSize,
                reassignmentRatio);
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.1
     */
    public static MiniBatchParams from(Params p) {
        return new MiniBatchParams(p.getInt(K.name()), p.getEnum(INIT.name(), KMeansParams.Init.class),
                p.getInt(N_INIT.name()), p.getInt(MAX_ITER.name()), p.getInt(BATCH_SIZE.name()), p.getDouble(TOL.name()),
                p.getInt(MAX_NO_IMPROVEMENT.name()), p.getInt(INIT_SIZE.name()), p.getDouble(REASSIGNMENT_RATIO.name()));
    }

    /** @return the algorithm's id @since 0.2 */
    @Override
    public String algorithmId() {
        return OWNER;
    }

    /** @return every parameter by its spec name, in spec order @since 0.2 */
    @Override
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(K.name(), k);
        values.put(INIT.name(), init.id());
        values.put(N_INIT.name(), nInit);
        values.put(MAX_ITER.name(), maxIter);
        values.put(BATCH_SIZE.name(), batchSize);
        values.put(TOL.name(), tol);
        values.put(MAX_NO_IMPROVEMENT.name(), maxNoImprovement);
        values.put(INIT_SIZE.name(), initSize);
        values.put(REASSIGNMENT_RATIO.name(), reassignmentRatio);
        return values;
    }
}
