package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamChoice;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                              KMeansParams.Variant algorithm, Strategy strategy) implements AlgorithmParams {

    /**
     * Which leaf is bisected next.
     *
     * @since 0.1
     */
    public enum Strategy implements ParamChoice {
        /** The leaf with the largest weighted sum of squared distances to its centre. */
        BIGGEST_INERTIA("biggest_inertia"),
        /** The leaf with the most points. */
        LARGEST_CLUSTER("largest_cluster");

        private final String id;

        Strategy(String id) {
            this.id = id;
        }

        /** @return the word used in YAML and on the command line @since 0.1 */
        @Override
        public String id() {
            return id;
        }
    }

    private static final String OWNER = BisectingKMeansAlgorithm.ID;
    private static final ParamSpec K = ParamSpec.intAtLeast("k", 8, 1,
            "number of clusters (scikit-learn's n_clusters, default 8)");
    private static final ParamSpec INIT = ParamSpec.choice("init", KMeansParams.Init.class, KMeansParams.Init.RANDOM,
            "initial centres of each bisection (scikit-learn's default: random)");
    private static final ParamSpec N_INIT = ParamSpec.intAtLeast("n_init", 1, 1,
            "2-means runs per bisection, best inertia kept");
    private static final ParamSpec MAX_ITER = ParamSpec.intAtLeast("max_iter", 300, 1,
            "maximum iterations of each 2-means");
    private static final ParamSpec TOL = ParamSpec.real("tol", 1e-4, 0, true, Double.POSITIVE_INFINITY, false,
            "stop a 2-means when the summed squared centre shift is at most tol (absolute, as scikit-learn 1.2)");
    private static final ParamSpec ALGORITHM = ParamSpec.choice("algorithm", KMeansParams.Variant.class, KMeansParams.Variant.LLOYD,
            "exact variant of the inner 2-means: lloyd, elkan, hamerly or auto");
    private static final ParamSpec STRATEGY = ParamSpec.choice("bisecting_strategy", Strategy.class, Strategy.BIGGEST_INERTIA,
            "which cluster to split next: the one with the biggest inertia or the largest one");

    /** Every parameter, in the order help shows them. @since 0.1 */
    public static final List<ParamSpec> SPECS = List.of(K, INIT, N_INIT, MAX_ITER, TOL, ALGORITHM, STRATEGY);

    /** Checks every value against {@link #SPECS} at once and throws one exception naming each violation. */
    public BisectingParams {
        ParamBinder.validate(OWNER, SPECS, k, init, nInit, maxIter, tol, algorithm, strategy);
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.1
     */
    public static BisectingParams from(Params p) {
        return new BisectingParams(p.getInt(K.name()), p.getEnum(INIT.name(), KMeansParams.Init.class),
                p.getInt(N_INIT.name()), p.getInt(MAX_ITER.name()), p.getDouble(TOL.name()),
                p.getEnum(ALGORITHM.name(), KMeansParams.Variant.class), p.getEnum(STRATEGY.name(), Strategy.class));
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
        values.put(TOL.name(), tol);
        values.put(ALGORITHM.name(), algorithm.id());
        values.put(STRATEGY.name(), strategy.id());
        return values;
    }
}
