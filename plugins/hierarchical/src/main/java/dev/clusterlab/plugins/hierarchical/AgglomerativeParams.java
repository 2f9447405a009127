package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParamViolation;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.param.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of {@link AgglomerativeAlgorithm}, with scikit-learn's names, defaults and
 * rules ({@code n_clusters} is {@code k}). {@link #SPECS} is the single source of names, defaults,
 * ranges and descriptions.
 *
 * @param k number of clusters, in {@code [1, n]}, or 0 when {@code distanceThreshold} decides the cut
 * @param distanceThreshold the height at which the tree is cut (merges at this height or above are
 *     undone), or 0 when {@code k} decides; exactly one of the two is set, as in scikit-learn
 * @param linkage the linkage
 * @param metric the distance between points; ward, centroid and median take euclidean only
 * @param computeFullTree scikit-learn's flag, accepted so its parameter sets run unchanged: the full tree
 *     is always built here (the algorithms cost the same either way)
 * @param computeDistances scikit-learn's flag, accepted likewise: the merge heights are always in the
 *     {@code merge_tree} artifact
 * @param connectivityNeighbors structured Ward: merge only clusters joined in the graph of each point's
 *     this many nearest neighbours (scikit-learn's {@code connectivity=kneighbors_graph(X, n_neighbors)}),
 *     or 0 for none; ward linkage only. In YAML {@code connectivity: {n_neighbors: 10}}, on the command
 *     line {@code -p connectivity.n_neighbors=10}
 * @since 0.2
 */
public record AgglomerativeParams(int k, double distanceThreshold, Linkage linkage, Distance metric,
                                  boolean computeFullTree, boolean computeDistances, int connectivityNeighbors)
        implements AlgorithmParams {
    private static final String OWNER = AgglomerativeAlgorithm.ID;
    /** The {@code k} parameter of the tree-cutting algorithms of this plugin, written once here. */
    static final ParamSpec K = ParamSpec.intAtLeast("k", 2, 1,
            "number of clusters (scikit-learn's n_clusters); 0 when distance_threshold cuts the tree").withSentinel(0, "none: cut at distance_threshold");
    private static final ParamSpec THRESHOLD = ParamSpec.real("distance_threshold", 0.0, 0, false, Double.POSITIVE_INFINITY, false,
            "cut the tree at this height instead of into k clusters (set k: 0); 0 = not used").withSentinel(0, "none: cut into k clusters");
    private static final ParamSpec LINKAGE = ParamSpec.choice("linkage", Linkage.class, Linkage.WARD,
            "cluster distance: ward, complete, average, single (scikit-learn), weighted, centroid, median (SciPy)");
    private static final ParamSpec METRIC = ParamSpec.distance("metric", Distance.EUCLIDEAN,
            "distance between points: " + String.join(", ", Distance.ids()) + "; ward, centroid and median: euclidean only");
    private static final ParamSpec FULL_TREE = ParamSpec.flag("compute_full_tree", true,
            "scikit-learn's flag, accepted for compatibility: the full tree is always built");
    private static final ParamSpec DISTANCES = ParamSpec.flag("compute_distances", false,
            "scikit-learn's flag, accepted for compatibility: merge heights are always in the merge_tree artifact");

    private static final ParamSpec CONNECTIVITY = ParamSpec.intAtLeast("connectivity.n_neighbors", 0, 1,
            "structured ward: merge only clusters linked in the graph of each point's n_neighbors nearest points "
                    + "(scikit-learn's connectivity=kneighbors_graph(X, n_neighbors)); YAML: connectivity: {n_neighbors: 10}")
            .withSentinel(0, "none: any two clusters may merge");

    /** Every parameter, in the order help shows them. @since 0.2 */
    public static final List<ParamSpec> SPECS = List.of(K, THRESHOLD, LINKAGE, METRIC, FULL_TREE, DISTANCES, CONNECTIVITY);

    /**
     * Checks every value against {@link #SPECS} and the two rules between parameters, and throws one
     * exception naming each violation.
     */
    public AgglomerativeParams {
        List<ParamViolation> problems = new ArrayList<>(ParamBinder.check(OWNER, SPECS, k, distanceThreshold, linkage,
                metric, computeFullTree, computeDistances, connectivityNeighbors));
        // The rules between two parameters, written only here: the host binds each parameter alone.
        if ((k > 0) == (distanceThreshold > 0)) {
            problems.add(new ParamViolation.Invalid(OWNER, K.name(),
                    "exactly one of k and distance_threshold set (k: 0 to cut at distance_threshold)",
                    "k=" + k + ", distance_threshold=" + distanceThreshold));
        }
        if (linkage != null && metric != null && linkage.euclideanOnly() && metric.kind() != Distance.Kind.EUCLIDEAN) {
            problems.add(new ParamViolation.Invalid(OWNER, METRIC.name(), "euclidean for linkage=" + linkage.id(), metric.id()));
        }
        if (connectivityNeighbors > 0 && linkage != null && linkage != Linkage.WARD) {
            problems.add(new ParamViolation.Invalid(OWNER, CONNECTIVITY.name(),
                    "linkage=ward with a connectivity graph (structured complete, average and single are not implemented)",
                    "linkage=" + linkage.id()));
        }
        if (!problems.isEmpty()) {
            throw ParameterException.of(problems);
        }
    }

    /**
     * Unstructured agglomeration with every other parameter given.
     *
     * @param k number of clusters, or 0
     * @param distanceThreshold cut height, or 0
     * @param linkage the linkage
     * @param metric the distance
     * @param computeFullTree accepted for compatibility
     * @param computeDistances accepted for compatibility
     * @since 0.2
     */
    public AgglomerativeParams(int k, double distanceThreshold, Linkage linkage, Distance metric, boolean computeFullTree,
                               boolean computeDistances) {
        this(k, distanceThreshold, linkage, metric, computeFullTree, computeDistances, 0);
    }

    /**
     * Cut into {@code k} clusters with the given linkage, Euclidean distance.
     *
     * @param k number of clusters
     * @param linkage the linkage
     * @since 0.2
     */
    public AgglomerativeParams(int k, Linkage linkage) {
        this(k, 0, linkage, Distance.EUCLIDEAN, true, false);
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.2
     */
    public static AgglomerativeParams from(Params p) {
        return new AgglomerativeParams(p.getInt(K.name()), p.getDouble(THRESHOLD.name()), p.getEnum(LINKAGE.name(), Linkage.class),
                p.getDistance(METRIC.name()), p.getBoolean(FULL_TREE.name()), p.getBoolean(DISTANCES.name()),
                p.getInt(CONNECTIVITY.name()));
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
        values.put(THRESHOLD.name(), distanceThreshold);
        values.put(LINKAGE.name(), linkage.id());
        values.put(METRIC.name(), metric.id());
        values.put(FULL_TREE.name(), computeFullTree);
        values.put(DISTANCES.name(), computeDistances);
        values.put(CONNECTIVITY.name(), connectivityNeighbors);
        return values;
    }
}
