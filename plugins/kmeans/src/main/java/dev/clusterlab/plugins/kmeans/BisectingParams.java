package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.param.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The validated parameters of {@link BisectingKMeansAlgorithm}, with scikit-learn 1.2's names and defaults.
 *
 * @param k number of clusters (leaves), in {@code [1, inf)}
 * @param init how the two centres of each bisection are chosen ({@code random} by default, as scikit-learn)
 * @param nInit 2-means runs per bisection, in {@code [1, inf)}; the best inertia wins
 * @param maxIter maximum iterations of each 2-means, in {@code [1, inf)}
 * @param tol tolerance on the squared centre shift of each 2-means, in {@code [0, inf)}; absolute, as
 *     scikit-learn 1.2's {@code BisectingKMeans} passes it unscaled to its inner k-means
 * @param algorithm the exact variant of the inner 2-means
 * @param strategy which leaf is split next
 * @since 0.1
 */
public record BisectingParams(int k, KMeansParams.Init init, int nInit, int maxIter, double tol,
                              KMeansParams.Variant algorithm, Strategy strategy) {

    /**
     * Which leaf is bisected next.
     *
     * @since 0.1
     */
    public enum Strategy {
        /** The leaf with the largest weighted sum of squared distances to its centre. */
        BIGGEST_INERTIA("biggest_inertia"),
        /** The leaf with the most points. */
        LARGEST_CLUSTER("largest_cluster");

        private final String id;

        Strategy(String id) {
            this.id = id;
        }

        /** @return the word used in YAML and on the command line @since 0.1 */
        public String id() {
            return id;
        }

        static Strategy byId(String id) {
            return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown bisecting_strategy '" + id + "'"));
        }
    }

    private static final String OWNER = "bisecting_kmeans";
    private static final ParamSpec K = ParamSpec.integer("k", 8L, 1, Long.MAX_VALUE,
            "number of clusters (scikit-learn's n_clusters, default 8)");
    private static final ParamSpec INIT = ParamSpec.choice("init", KMeansParams.Init.RANDOM.id(),
            Arrays.stream(KMeansParams.Init.values()).map(KMeansParams.Init::id).toList(),
            "initial centres of each bisection (scikit-learn's default: random)");
    private static final ParamSpec N_INIT = ParamSpec.integer("n_init", 1L, 1, Long.MAX_VALUE,
            "2-means runs per bisection, best inertia kept");
    private static final ParamSpec MAX_ITER = ParamSpec.integer("max_iter", 300L, 1, Long.MAX_VALUE,
            "maximum iterations of each 2-means");
    private static final ParamSpec TOL = ParamSpec.real("tol", 1e-4, 0, true, Double.POSITIVE_INFINITY, false,
            "stop a 2-means when the summed squared centre shift is at most tol (absolute, as scikit-learn 1.2)");
    private static final ParamSpec ALGORITHM = ParamSpec.choice("algorithm", KMeansParams.Variant.LLOYD.id(),
            Arrays.stream(KMeansParams.Variant.values()).map(KMeansParams.Variant::id).toList(),
            "exact variant of the inner 2-means: lloyd, elkan, hamerly or auto");
    private static final ParamSpec STRATEGY = ParamSpec.choice("bisecting_strategy", Strategy.BIGGEST_INERTIA.id(),
            Arrays.stream(Strategy.values()).map(Strategy::id).toList(),
            "which cluster to split next: the one with the biggest inertia or the largest one");

    /** Every parameter, in the order help shows them. @since 0.1 */
    public static final List<ParamSpec> SPECS = List.of(K, INIT, N_INIT, MAX_ITER, TOL, ALGORITHM, STRATEGY);

    /** Checks every range at once and throws one exception naming each violation. */
    public BisectingParams {
        List<String> errors = new ArrayList<>();
        ParamChecks.check(errors, OWNER, K, k, k >= 1);
        ParamChecks.check(errors, OWNER, INIT, init, init != null);
        ParamChecks.check(errors, OWNER, N_INIT, nInit, nInit >= 1);
        ParamChecks.check(errors, OWNER, MAX_ITER, maxIter, maxIter >= 1);
        ParamChecks.check(errors, OWNER, TOL, tol, tol >= 0 && tol < Double.POSITIVE_INFINITY);
        ParamChecks.check(errors, OWNER, ALGORITHM, algorithm, algorithm != null);
        ParamChecks.check(errors, OWNER, STRATEGY, strategy, strategy != null);
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
    public static BisectingParams from(Params p) {
        List<String> errors = new ArrayList<>();
        int k = ParamChecks.intValue(errors, OWNER, p, K);
        int nInit = ParamChecks.intValue(errors, OWNER, p, N_INIT);
        int maxIter = ParamChecks.intValue(errors, OWNER, p, MAX_ITER);
        if (!errors.isEmpty()) {
            throw new ParameterException(errors);
        }
        return new BisectingParams(k, KMeansParams.Init.byId(p.getString(INIT.name())), nInit, maxIter,
                p.getDouble(TOL.name()), KMeansParams.Variant.byId(p.getString(ALGORITHM.name())),
                Strategy.byId(p.getString(STRATEGY.name())));
    }
}
