package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.param.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The validated parameters of {@link KMeansAlgorithm}. The {@link #SPECS} list is the single source of
 * names, types, defaults, ranges and descriptions: the descriptor publishes it, {@link #from(Params)}
 * reads it and the compact constructor checks the same ranges for values built in code.
 *
 * @param k number of clusters, in {@code [1, inf)}
 * @param init how the first centres are chosen
 * @param nInit number of restarts from different seeds, in {@code [1, inf)}; the best inertia wins
 * @param maxIter maximum Lloyd iterations per restart, in {@code [1, inf)}
 * @param tol relative tolerance on the squared centre shift, in {@code [0, inf)}; scaled by the mean
 *     feature variance of the data, as scikit-learn does
 * @since 0.1
 */
public record KMeansParams(int k, Init init, int nInit, int maxIter, double tol) {

    /**
     * How the initial centres are chosen.
     *
     * @since 0.1
     */
    public enum Init {
        /** Greedy k-means++ (Arthur and Vassilvitskii 2007, as scikit-learn's {@code _kmeans_plusplus}). */
        K_MEANS_PLUS_PLUS("k-means++"),
        /** {@code k} distinct rows chosen uniformly at random. */
        RANDOM("random");

        private final String id;

        Init(String id) {
            this.id = id;
        }

        /** @return the word used in YAML and on the command line @since 0.1 */
        public String id() {
            return id;
        }

        static Init byId(String id) {
            return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown init '" + id + "'"));
        }
    }

    private static final String OWNER = "kmeans";
    private static final ParamSpec K = ParamSpec.integer("k", 8L, 1, Long.MAX_VALUE,
            "number of clusters (scikit-learn's n_clusters, default 8)");
    private static final ParamSpec INIT = ParamSpec.choice("init", Init.K_MEANS_PLUS_PLUS.id(),
            Arrays.stream(Init.values()).map(Init::id).toList(),
            "initial centres: greedy k-means++ (2 + ln k trials per centre) or k distinct random rows");
    private static final ParamSpec N_INIT = ParamSpec.integer("n_init", 1L, 1, Long.MAX_VALUE,
            "restarts with different seeds, best inertia kept (1 = scikit-learn 1.4+ 'auto' for k-means++)");
    private static final ParamSpec MAX_ITER = ParamSpec.integer("max_iter", 300L, 1, Long.MAX_VALUE,
            "maximum Lloyd iterations per restart");
    private static final ParamSpec TOL = ParamSpec.real("tol", 1e-4, 0, true, Double.POSITIVE_INFINITY, false,
            "stop when the summed squared centre shift is at most tol times the mean feature variance");

    /** Every parameter, in the order help shows them. @since 0.1 */
    public static final List<ParamSpec> SPECS = List.of(K, INIT, N_INIT, MAX_ITER, TOL);

    /** Checks every range at once and throws one exception naming each violation. */
    public KMeansParams {
        List<String> errors = new ArrayList<>();
        check(errors, K, k, k >= 1);
        check(errors, INIT, init, init != null);
        check(errors, N_INIT, nInit, nInit >= 1);
        check(errors, MAX_ITER, maxIter, maxIter >= 1);
        check(errors, TOL, tol, tol >= 0 && tol < Double.POSITIVE_INFINITY);
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
    public static KMeansParams from(Params p) {
        List<String> errors = new ArrayList<>();
        int k = intValue(errors, p, K);
        int nInit = intValue(errors, p, N_INIT);
        int maxIter = intValue(errors, p, MAX_ITER);
        if (!errors.isEmpty()) {
            throw new ParameterException(errors);
        }
        return new KMeansParams(k, Init.byId(p.getString(INIT.name())), nInit, maxIter, p.getDouble(TOL.name()));
    }

    /** The binder accepts any {@code long}; arrays are indexed by {@code int}, so larger values are refused here. */
    private static int intValue(List<String> errors, Params p, ParamSpec spec) {
        long v = p.getLong(spec.name());
        if (v > Integer.MAX_VALUE) {
            errors.add("parameter '" + spec.name() + "' of " + OWNER + " must be at most " + Integer.MAX_VALUE + "; got " + v);
            return 1;
        }
        return (int) v;
    }

    private static void check(List<String> errors, ParamSpec spec, Object value, boolean ok) {
        if (!ok) {
            errors.add("parameter '" + spec.name() + "' of " + OWNER + " must be " + spec.domain() + "; got " + value);
        }
    }
}
