package dev.clusterlab.plugins.density;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamChoice;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The validated parameters of {@link HdbscanAlgorithm}, with scikit-learn 1.3's defaults.
 * {@code min_samples = 0} stands for scikit-learn's {@code min_samples=None}: the same as
 * {@code min_cluster_size}.
 *
 * @param minClusterSize smallest group of points that counts as a cluster, in {@code [2, inf)}
 * @param minSamples neighbours (the point itself included) defining the core distance, {@code 0}
 *     (= {@code min_cluster_size}) or in {@code [1, inf)}
 * @param clusterSelectionEpsilon distance below which clusters are not split further, in {@code [0, inf)}
 * @param selectionMethod how flat clusters are chosen from the condensed tree
 * @param allowSingleCluster whether the root may be selected, giving one cluster
 * @param metric the distance
 * @since 0.1
 */
public record HdbscanParams(int minClusterSize, int minSamples, double clusterSelectionEpsilon,
                            SelectionMethod selectionMethod, boolean allowSingleCluster, Distance metric) implements AlgorithmParams {

    /**
     * How clusters are selected from the condensed tree.
     *
     * @since 0.1
     */
    public enum SelectionMethod implements ParamChoice {
        /** Excess of mass: the set of non-nested clusters of largest total stability (Campello et al. 2015). */
        EOM,
        /** The leaves of the cluster tree: the finest clusters, often smaller and more numerous. */
        LEAF;

        /** @return the word used in YAML @since 0.1 */
        @Override
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String OWNER = HdbscanAlgorithm.ID;
    private static final ParamSpec MIN_CLUSTER_SIZE = ParamSpec.intAtLeast("min_cluster_size", 5, 2,
            "smallest group of points that counts as a cluster");
    private static final ParamSpec MIN_SAMPLES = ParamSpec.intAtLeast("min_samples", 0, 0,
            "neighbours, the point itself included, that define the core distance; 0 means min_cluster_size");
    private static final ParamSpec EPSILON = ParamSpec.real("cluster_selection_epsilon", 0.0, 0, true,
            Double.POSITIVE_INFINITY, false, "clusters born at a distance below this are merged up to one born above it");
    private static final ParamSpec METHOD = ParamSpec.choice("cluster_selection_method", SelectionMethod.class, SelectionMethod.EOM,
            "eom (excess of mass, most stable clusters) or leaf (finest clusters of the tree)");
    private static final ParamSpec SINGLE = ParamSpec.flag("allow_single_cluster", false,
            "allow the whole dataset as one cluster when that is the most stable choice");
    private static final ParamSpec METRIC = DbscanParams.METRIC;

    /** Every parameter, in the order help shows them. @since 0.1 */
    public static final List<ParamSpec> SPECS = List.of(MIN_CLUSTER_SIZE, MIN_SAMPLES, EPSILON, METHOD, SINGLE, METRIC);

    /** Checks every value against {@link #SPECS} at once and throws one exception naming each violation. */
    public HdbscanParams {
        ParamBinder.validate(OWNER, SPECS, minClusterSize, minSamples, clusterSelectionEpsilon, selectionMethod,
                allowSingleCluster, metric);
    }

    /** @return {@code min_samples}, or {@code min_cluster_size} when it is 0 @since 0.1 */
    public int effectiveMinSamples() {
        return minSamples == 0 ? minClusterSize : minSamples;
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.1
     */
    public static HdbscanParams from(Params p) {
        return new HdbscanParams(p.getInt(MIN_CLUSTER_SIZE.name()), p.getInt(MIN_SAMPLES.name()),
                p.getDouble(EPSILON.name()), p.getEnum(METHOD.name(), SelectionMethod.class), p.getBoolean(SINGLE.name()),
                p.getDistance(METRIC.name()));
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
        values.put(MIN_CLUSTER_SIZE.name(), minClusterSize);
        values.put(MIN_SAMPLES.name(), minSamples);
        values.put(EPSILON.name(), clusterSelectionEpsilon);
        values.put(METHOD.name(), selectionMethod.id());
        values.put(SINGLE.name(), allowSingleCluster);
        values.put(METRIC.name(), metric.id());
        return values;
    }
}
