package dev.clusterlab.plugins.density;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.param.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
public record DbscanParams(double eps, int minSamples, Distance metric) {
    private static final String OWNER = "dbscan";
    private static final ParamSpec EPS = ParamSpec.real("eps", 0.5, 0, false, Double.POSITIVE_INFINITY, false,
            "neighbourhood radius: points at distance <= eps are neighbours");
    private static final ParamSpec MIN_SAMPLES = ParamSpec.integer("min_samples", 5L, 1, Long.MAX_VALUE,
            "neighbours (the point itself included; summed sample weights if any) that make a point core");
    private static final ParamSpec METRIC = ParamChecks.metricSpec();

    /** Every parameter, in the order help shows them. @since 0.1 */
    public static final List<ParamSpec> SPECS = List.of(EPS, MIN_SAMPLES, METRIC);

    /** Checks every range at once and throws one exception naming each violation. */
    public DbscanParams {
        List<String> errors = new ArrayList<>();
        ParamChecks.check(OWNER, errors, EPS, eps, eps > 0 && eps < Double.POSITIVE_INFINITY);
        ParamChecks.check(OWNER, errors, MIN_SAMPLES, minSamples, minSamples >= 1);
        if (!errors.isEmpty()) {
            throw new ParameterException(errors);
        }
        Objects.requireNonNull(metric, "metric");
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.1
     */
    public static DbscanParams from(Params p) {
        List<String> errors = new ArrayList<>();
        int minSamples = ParamChecks.intValue(OWNER, errors, p, MIN_SAMPLES);
        Distance metric = ParamChecks.metric(OWNER, errors, p, METRIC);
        if (!errors.isEmpty()) {
            throw new ParameterException(errors);
        }
        return new DbscanParams(p.getDouble(EPS.name()), minSamples, metric);
    }
}
