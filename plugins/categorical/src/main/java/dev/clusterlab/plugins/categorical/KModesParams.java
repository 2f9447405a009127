package dev.clusterlab.plugins.categorical;

import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of {@link KModesAlgorithm}, with the names and defaults of the Python
 * {@code kmodes} package's {@code KModes} ({@code n_clusters} is {@code k}; {@code init} in lower case).
 * {@link #SPECS} is the single source of names, defaults, ranges and descriptions.
 *
 * @param k the number of clusters, at least 1
 * @param init how the initial modes are chosen
 * @param nInit how many initialisations are run, the one of least cost kept; {@link InitMethod#CAO} is
 *     deterministic and runs once whatever this says (as the {@code kmodes} package)
 * @param maxIter the most assignment and update rounds of one run
 * @since 0.2
 */
public record KModesParams(int k, InitMethod init, int nInit, int maxIter) implements AlgorithmParams {
    private static final String OWNER = KModesAlgorithm.ID;
    static final ParamSpec K = ParamSpec.intAtLeast("k", 8, 1,
            "number of clusters (the kmodes package's n_clusters)");
    static final ParamSpec INIT = ParamSpec.choice("init", InitMethod.class, InitMethod.CAO,
            "initial modes: cao (density and distance, deterministic), huang (levels drawn by frequency, then the "
                    + "nearest rows) or random (k distinct rows)");
    static final ParamSpec N_INIT = ParamSpec.intAtLeast("n_init", 10, 1,
            "initialisations run, the one of least cost kept (cao is deterministic and runs once)");
    static final ParamSpec MAX_ITER = ParamSpec.intAtLeast("max_iter", 100, 1,
            "most rounds of assignment and mode update in one run");

    /** Every parameter, in the order help shows them. @since 0.2 */
    public static final List<ParamSpec> SPECS = List.of(K, INIT, N_INIT, MAX_ITER);

    /** Checks every value against {@link #SPECS} and throws one exception naming each violation. */
    public KModesParams {
        ParamBinder.validate(OWNER, SPECS, k, init, nInit, maxIter);
    }

    /**
     * The {@code kmodes} package's defaults (Cao, 10 initialisations, 100 iterations) with {@code k} clusters.
     *
     * @param k number of clusters
     * @since 0.2
     */
    public KModesParams(int k) {
        this(k, InitMethod.CAO, 10, 100);
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.2
     */
    public static KModesParams from(Params p) {
        return new KModesParams(p.getInt(K.name()), p.getEnum(INIT.name(), InitMethod.class), p.getInt(N_INIT.name()),
                p.getInt(MAX_ITER.name()));
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
        return values;
    }
}
