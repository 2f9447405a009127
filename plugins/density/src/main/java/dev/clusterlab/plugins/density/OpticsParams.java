package dev.clusterlab.plugins.density;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamChoice;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParamViolation;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.param.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The validated parameters of {@link OpticsAlgorithm}, with scikit-learn's defaults. scikit-learn's
 * "unset" values are written as numbers that cannot be confused with real ones: {@code eps = inf}
 * means "the same as {@code max_eps}" (scikit-learn's {@code eps=None}) and
 * {@code min_cluster_size = 0} means "the same as {@code min_samples}".
 *
 * @param minSamples neighbours (the point itself included) within which the core distance is taken,
 *     in {@code [2, inf)}
 * @param maxEps largest neighbourhood radius considered, in {@code [0, inf]}
 * @param metric the distance
 * @param clusterMethod how clusters are extracted from the reachability plot
 * @param xi minimum steepness of a cluster boundary for {@code xi} extraction, in {@code [0, 1]}
 * @param eps radius for {@code dbscan} extraction, in {@code [0, max_eps]}, or {@code inf} for {@code max_eps}
 * @param predecessorCorrection whether {@code xi} clusters are corrected by predecessors
 * @param minClusterSize smallest {@code xi} cluster, {@code 0} (= {@code min_samples}) or in {@code [2, inf)}
 * @since 0.1
 */
public record OpticsParams(int minSamples, double maxEps, Distance metric, ClusterMethod clusterMethod, double xi,
                           double eps, boolean predecessorCorrection, int minClusterSize) implements AlgorithmParams {

    /**
     * How clusters are read off the reachability plot.
     *
     * @since 0.1
     */
    public enum ClusterMethod implements ParamChoice {
        /** Steep areas of the reachability plot (Ankerst et al. 1999, section 4.3), as scikit-learn's {@code cluster_optics_xi}. */
        XI,
        /** A horizontal cut at {@code eps}: DBSCAN's clusters up to border points, as {@code cluster_optics_dbscan}. */
        DBSCAN;

        /** @return the word used in YAML @since 0.1 */
        @Override
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String OWNER = OpticsAlgorithm.ID;
    private static final ParamSpec MIN_SAMPLES = ParamSpec.intAtLeast("min_samples", 5, 2,
            "neighbours, the point itself included, that define the core distance");
    private static final ParamSpec MAX_EPS = ParamSpec.real("max_eps", Double.POSITIVE_INFINITY, 0, true,
            Double.POSITIVE_INFINITY, true, "largest radius searched; smaller is faster, inf finds every ordering edge");
    private static final ParamSpec METRIC = DbscanParams.METRIC;
    private static final ParamSpec CLUSTER_METHOD = ParamSpec.choice("cluster_method", ClusterMethod.class, ClusterMethod.XI,
            "cluster extraction: xi (steep areas of the reachability plot) or dbscan (a cut at eps)");
    private static final ParamSpec XI = ParamSpec.real("xi", 0.05, 0, true, 1, true,
            "minimum relative steepness of a cluster boundary (xi extraction)");
    private static final ParamSpec EPS = ParamSpec.real("eps", Double.POSITIVE_INFINITY, 0, true,
            Double.POSITIVE_INFINITY, true, "cut of the dbscan extraction, at most max_eps; inf means max_eps");
    private static final ParamSpec PREDECESSOR_CORRECTION = ParamSpec.flag("predecessor_correction", true,
            "correct xi clusters by the predecessors of their end points");
    private static final ParamSpec MIN_CLUSTER_SIZE = ParamSpec.intAtLeast("min_cluster_size", 0, 2,
            "smallest xi cluster, at least 2; 0 means min_samples").withSentinel(0, "min_samples");

    /** Every parameter, in the order help shows them. @since 0.1 */
    public static final List<ParamSpec> SPECS = List.of(MIN_SAMPLES, MAX_EPS, METRIC, CLUSTER_METHOD, XI, EPS,
            PREDECESSOR_CORRECTION, MIN_CLUSTER_SIZE);

    /**
     * Checks every value against {@link #SPECS}, and {@code eps} against {@code max_eps}, at once and
     * throws one exception naming each violation.
     */
    public OpticsParams {
        List<ParamViolation> problems = new ArrayList<>(ParamBinder.check(OWNER, SPECS, minSamples, maxEps, metric,
                clusterMethod, xi, eps, predecessorCorrection, minClusterSize));
        // The one rule between two parameters, so the only one written here: the host binds each
        // parameter of a grid alone, and a spec describes one parameter.
        if (eps != Double.POSITIVE_INFINITY && eps > maxEps) {
            problems.add(new ParamViolation.Invalid(OWNER, EPS.name(), "at most max_eps=" + maxEps, String.valueOf(eps)));
        }
        if (!problems.isEmpty()) {
            throw ParameterException.of(problems);
        }
    }

    /** @return the radius of the dbscan extraction: {@code eps}, or {@code max_eps} when {@code eps} is inf @since 0.1 */
    public double extractionEps() {
        return eps == Double.POSITIVE_INFINITY ? maxEps : eps;
    }

    /** @return the smallest xi cluster: {@code min_cluster_size}, or {@code min_samples} when it is 0 @since 0.1 */
    public int effectiveMinClusterSize() {
        return minClusterSize == 0 ? minSamples : minClusterSize;
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.1
     */
    public static OpticsParams from(Params p) {
        return new OpticsParams(p.getInt(MIN_SAMPLES.name()), p.getDouble(MAX_EPS.name()), p.getDistance(METRIC.name()),
                p.getEnum(CLUSTER_METHOD.name(), ClusterMethod.class), p.getDouble(XI.name()), p.getDouble(EPS.name()),
                p.getBoolean(PREDECESSOR_CORRECTION.name()), p.getInt(MIN_CLUSTER_SIZE.name()));
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
        values.put(MIN_SAMPLES.name(), minSamples);
        values.put(MAX_EPS.name(), maxEps);
        values.put(METRIC.name(), metric.id());
        values.put(CLUSTER_METHOD.name(), clusterMethod.id());
        values.put(XI.name(), xi);
        values.put(EPS.name(), eps);
        values.put(PREDECESSOR_CORRECTION.name(), predecessorCorrection);
        values.put(MIN_CLUSTER_SIZE.name(), minClusterSize);
        return values;
    }
}
