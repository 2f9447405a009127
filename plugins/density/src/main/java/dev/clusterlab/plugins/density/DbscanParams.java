package dev.clusterlab.plugins.density;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of {@link DbscanAlgorithm}, with scikit-learn's defaults. {@link #SPECS}
 * is the single source of names, defaults, ranges and descriptions.
 *
 * @param eps neighbourhood radius, in {@code (0, inf)}
 * @param minSamples weight (count, without sample weights) of an eps-neighbourhood, the point itself
 *     included, that makes a point core; in {@code [1, inf)}
 * @param metric the distance
 * @since 0.1
 */
public record DbscanParams(double eps, int minSamples, Distance metric) implements AlgorithmParams {
    private static final String OWNER = DbscanAlgorithm.ID;
    private static final ParamSpec EPS = ParamSpec.real("eps", 0.5, 0, false, Double.POSITIVE_INFINITY, false,
            "neighbourhood radius: points at distance <= eps are neighbours");
    private static final ParamSpec MIN_SAMPLES = ParamSpec.intAtLeast("min_samples", 5, 1,
            "neighbours (the point itself included; summed sample weights if any) that make a point core");
    /** The {@code metric} parameter every density algorithm of this plugin takes, written once here. */
    static final ParamSpec METRIC = ParamSpec.distance("metric", Distance.EUCLIDEAN,
            "distance of the engine: " + String.join(", ", Distance.ids()) + " (scikit-learn's default minkowski p=2 is euclidean)");

    /** Every parameter, in the order help shows them. @since 0.1 */
    public static final List<ParamSpec> SPECS = List.of(EPS, MIN_SAMPLES, METRIC);

    /** Checks every value against {@link #SPECS} at once and throws one exception naming each violation. */
    public DbscanParams {
        ParamBinder.validate(OWNER, SPECS, eps, minSamples, metric);
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.1
     */
    public static DbscanParams from(Params p) {
        return new DbscanParams(p.getDouble(EPS.name()), p.getInt(MIN_SAMPLES.name()), p.getDistance(METRIC.name()));
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
        values.put(EPS.name(), eps);
        values.put(MIN_SAMPLES.name(), minSamples);
        values.put(METRIC.name(), metric.id());
        return values;
    }
}
