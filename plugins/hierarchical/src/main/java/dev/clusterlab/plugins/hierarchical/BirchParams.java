package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of {@link BirchAlgorithm}, with scikit-learn's {@code Birch} names, defaults
 * and ranges ({@code n_clusters} is {@code k}; scikit-learn's {@code n_clusters=None} is {@code k: 0}).
 * {@link #SPECS} is the single source of names, defaults, ranges and descriptions.
 *
 * @param threshold the largest radius of a subcluster: a point joins its nearest leaf subcluster only if
 *     the merged subcluster's radius stays at or below it; in {@code (0, inf)}
 * @param branchingFactor the most subclusters a node of the CF-tree holds; one more splits the node;
 *     in {@code [2, inf)}
 * @param k the number of clusters the global step (Ward's agglomerative clustering of the subcluster
 *     centroids) makes, or 0 for no global step (every subcluster is a cluster)
 * @since 0.2
 */
public record BirchParams(double threshold, int branchingFactor, int k) implements AlgorithmParams {
    private static final String OWNER = BirchAlgorithm.ID;
    private static final ParamSpec THRESHOLD = ParamSpec.real("threshold", 0.5, 0, false, Double.POSITIVE_INFINITY, false,
            "largest radius of a subcluster: a point joins the nearest leaf subcluster only if the merged radius stays <= threshold");
    private static final ParamSpec BRANCHING = ParamSpec.intAtLeast("branching_factor", 50, 2,
            "most subclusters in a node of the CF-tree; one more splits the node");
    private static final ParamSpec K = ParamSpec.intAtLeast("k", 3, 0,
            "number of clusters (scikit-learn's n_clusters) made by Ward's linkage on the subcluster centroids; "
                    + "0 = none, every subcluster is a cluster");

    /** Every parameter, in the order help shows them. @since 0.2 */
    public static final List<ParamSpec> SPECS = List.of(THRESHOLD, BRANCHING, K);

    /** Checks every value against {@link #SPECS} and throws one exception naming each violation. */
    public BirchParams {
        ParamBinder.validate(OWNER, SPECS, threshold, branchingFactor, k);
    }

    /**
     * scikit-learn's defaults ({@code branching_factor} 50) with the given threshold and number of clusters.
     *
     * @param threshold the largest subcluster radius
     * @param k number of clusters, or 0 for one cluster per subcluster
     * @since 0.2
     */
    public BirchParams(double threshold, int k) {
        this(threshold, 50, k);
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.2
     */
    public static BirchParams from(Params p) {
        return new BirchParams(p.getDouble(THRESHOLD.name()), p.getInt(BRANCHING.name()), p.getInt(K.name()));
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
        values.put(THRESHOLD.name(), threshold);
        values.put(BRANCHING.name(), branchingFactor);
        values.put(K.name(), k);
        return values;
    }
}
