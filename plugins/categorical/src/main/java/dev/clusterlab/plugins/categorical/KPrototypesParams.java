package dev.clusterlab.plugins.categorical;

import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of {@link KPrototypesAlgorithm}, with the names and defaults of the Python
 * {@code kmodes} package's {@code KPrototypes}. The package's {@code gamma=None} is {@code gamma: 0}:
 * half the mean population standard deviation of the numeric columns. {@link #SPECS} is the single
 * source of names, defaults, ranges and descriptions.
 *
 * @param k the number of clusters, at least 1
 * @param gamma the weight of one categorical mismatch against squared Euclidean distance on the numeric
 *     columns, in {@code (0, inf)}, or 0 for the default
 * @param init how the initial prototypes are chosen
 * @param nInit how many initialisations are run, the one of least cost kept ({@link InitMethod#CAO} runs once)
 * @param maxIter the most assignment and update rounds of one run
 * @since 0.2
 */
public record KPrototypesParams(int k, double gamma, InitMethod init, int nInit, int maxIter) implements AlgorithmParams {
    private static final String OWNER = KPrototypesAlgorithm.ID;
    static final ParamSpec K = ParamSpec.intAtLeast("k", 8, 1,
            "number of clusters (the kmodes package's n_clusters)");
    static final ParamSpec GAMMA = ParamSpec.real("gamma", 0.0, 0, false, Double.POSITIVE_INFINITY, false,
                    "weight of one categorical mismatch against the squared Euclidean distance of the numeric columns; "
                            + "0 = half the mean standard deviation of the numeric columns (the kmodes package's None)")
            .withSentinel(0, "default: 0.5 x mean population std of the numeric columns");
    static final ParamSpec INIT = ParamSpec.choice("init", InitMethod.class, InitMethod.CAO,
            "initial prototypes: cao (density and distance, deterministic), huang (drawn by frequency and from "
                    + "mean + std, then the nearest rows) or random (k distinct rows)");
    static final ParamSpec N_INIT = ParamSpec.intAtLeast("n_init", 10, 1,
            "initialisations run, the one of least cost kept (cao is deterministic and runs once)");
    static final ParamSpec MAX_ITER = ParamSpec.intAtLeast("max_iter", 100, 1,
            "most rounds of assignment and prototype update in one run");

    /** Every parameter, in the order help shows them. @since 0.2 */
    public static final List<ParamSpec> SPECS = List.of(K, GAMMA, INIT, N_INIT, MAX_ITER);

    /** Checks every value against {@link #SPECS} and throws one exception naming each violation. */
    public KPrototypesParams {
        ParamBinder.validate(OWNER, SPECS, k, gamma, init, nInit, maxIter);
    }

    /**
     * The {@code kmodes} package's defaults (gamma from the data, Cao, 10 initialisations, 100 iterations).
     *
     * @param k number of clusters
     * @since 0.2
     */
    public KPrototypesParams(int k) {
        this(k, 0.0, InitMethod.CAO, 10, 100);
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.2
     */
    public static KPrototypesParams from(Params p) {
        return new KPrototypesParams(p.getInt(K.name()), p.getDouble(GAMMA.name()), p.getEnum(INIT.name(), InitMethod.class),
                p.getInt(N_INIT.name()), p.getInt(MAX_ITER.name()));
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
        values.put(GAMMA.name(), gamma);
        values.put(INIT.name(), init.id());
        values.put(N_INIT.name(), nInit);
        values.put(MAX_ITER.name(), maxIter);
        return values;
    }
}
