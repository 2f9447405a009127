package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of {@link GenieAlgorithm}, with the genieclust package's defaults.
 *
 * @param k number of clusters, in {@code [1, n]}
 * @param giniThreshold the Gini index of cluster sizes above which a merge must involve a smallest
 *     cluster, in {@code [0, 1]}; 1 gives single linkage
 * @param metric the distance between points
 * @since 0.2
 */
public record GenieParams(int k, double giniThreshold, Distance metric) implements AlgorithmParams {
    private static final String OWNER = GenieAlgorithm.ID;
    private static final ParamSpec K = ParamSpec.intAtLeast("k", 2, 1, "number of clusters");
    private static final ParamSpec GINI = ParamSpec.real("gini_threshold", 0.3, 0, true, 1, true,
            "Gini index of the cluster sizes above which the smallest clusters must merge first; 1 = single linkage");
    private static final ParamSpec METRIC = ParamSpec.distance("metric", Distance.EUCLIDEAN,
            "distance between points: " + String.join(", ", Distance.ids()));

    /** Every parameter, in the order help shows them. @since 0.2 */
    public static final List<ParamSpec> SPECS = List.of(K, GINI, METRIC);

    /** Checks every value against {@link #SPECS} and throws one exception naming each violation. */
    public GenieParams {
        ParamBinder.validate(OWNER, SPECS, k, giniThreshold, metric);
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.2
     */
    public static GenieParams from(Params p) {
        return new GenieParams(p.getInt(K.name()), p.getDouble(GINI.name()), p.getDistance(METRIC.name()));
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
        values.put(GINI.name(), giniThreshold);
        values.put(METRIC.name(), metric.id());
        return values;
    }
}
