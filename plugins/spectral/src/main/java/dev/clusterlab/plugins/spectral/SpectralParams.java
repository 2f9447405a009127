package dev.clusterlab.plugins.spectral;

import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamChoice;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of {@link SpectralAlgorithm}, with scikit-learn 1.2.1's {@code SpectralClustering}
 * names, defaults and ranges ({@code n_clusters} is {@code k}; the seed is the context's, scikit-learn's
 * {@code random_state}; {@code eigen_tol: 0} is scikit-learn's {@code "auto"}, the solver's default).
 * {@link #SPECS} is the single source of names, defaults, ranges and descriptions.
 *
 * @param k number of clusters and of eigenvectors, in {@code [1, inf)}
 * @param affinity how the affinity graph is made
 * @param gamma the rbf kernel's coefficient in {@code exp(-gamma |x - y|^2)}, in {@code [0, inf)}; rbf only
 * @param nNeighbors neighbours per point of the connectivity graph, the point itself included, in
 *     {@code [1, inf)}; nearest_neighbors only
 * @param assignLabels how the embedding is turned into labels
 * @param nInit k-means restarts ({@code assign_labels: kmeans}), in {@code [1, inf)}
 * @param eigenTol the eigen solver's stopping tolerance on the residual norm of each eigenpair of the
 *     normalised affinity, in {@code [0, inf)}; 0 means the default ({@link SpectralEmbedding#DEFAULT_TOL})
 * @since 0.2
 */
public record SpectralParams(int k, Affinity affinity, double gamma, int nNeighbors, AssignLabels assignLabels,
                             int nInit, double eigenTol) implements AlgorithmParams {

    /** How the affinity graph is made. @since 0.2 */
    public enum Affinity implements ParamChoice {
        /** {@code exp(-gamma |x - y|^2)} between every two points: a dense {@code n x n} matrix. */
        RBF("rbf"),
        /** {@code 0.5 (C + C^T)} of the k-nearest-neighbour connectivity {@code C} (the point itself included). */
        NEAREST_NEIGHBORS("nearest_neighbors"),
        /** The dataset's rows are a symmetric, non-negative {@code n x n} similarity matrix. */
        PRECOMPUTED("precomputed");

        private final String id;

        Affinity(String id) {
            this.id = id;
        }

        /** @return the word used in YAML and on the command line @since 0.2 */
        @Override
        public String id() {
            return id;
        }
    }

    /** How the spectral embedding is turned into labels. @since 0.2 */
    public enum AssignLabels implements ParamChoice {
        /** k-means++ and Lloyd on the embedding, best of {@code n_init} (the k-means plugin's). */
        KMEANS("kmeans"),
        /** Yu and Shi's (2003) alternating search for the nearest discrete partition. */
        DISCRETIZE("discretize"),
        /** Damle, Minden and Ying's (2019) column-pivoted QR. */
        CLUSTER_QR("cluster_qr");

        private final String id;

        AssignLabels(String id) {
            this.id = id;
        }

        /** @return the word used in YAML and on the command line @since 0.2 */
        @Override
        public String id() {
            return id;
        }
    }

    private static final String OWNER = SpectralAlgorithm.ID;
    private static final ParamSpec K = ParamSpec.intAtLeast("k", 8, 1,
            "number of clusters (scikit-learn's n_clusters) and of Laplacian eigenvectors in the embedding");
    private static final ParamSpec AFFINITY = ParamSpec.choice("affinity", Affinity.class, Affinity.RBF,
            "graph: rbf (exp(-gamma |x-y|^2), dense n x n floats), nearest_neighbors (0.5 (C + C^T) of the "
                    + "n_neighbors connectivity, sparse) or precomputed (the rows are an n x n similarity matrix)");
    private static final ParamSpec GAMMA = ParamSpec.real("gamma", 1.0, 0, true, Double.POSITIVE_INFINITY, false,
            "rbf kernel coefficient in exp(-gamma |x-y|^2); affinity: rbf only");
    private static final ParamSpec N_NEIGHBORS = ParamSpec.intAtLeast("n_neighbors", 10, 1,
            "neighbours per point of the connectivity graph, the point itself included (include_self=True); "
                    + "affinity: nearest_neighbors only");
    private static final ParamSpec ASSIGN = ParamSpec.choice("assign_labels", AssignLabels.class, AssignLabels.KMEANS,
            "labels from the embedding: kmeans (k-means++ and Lloyd, n_init restarts), discretize (Yu and Shi 2003) "
                    + "or cluster_qr (Damle, Minden and Ying 2019)");
    private static final ParamSpec N_INIT = ParamSpec.intAtLeast("n_init", 10, 1,
            "k-means restarts on the embedding, best inertia kept (assign_labels: kmeans)");
    private static final ParamSpec EIGEN_TOL = ParamSpec.real("eigen_tol", 0.0, 0, false, Double.POSITIVE_INFINITY, false,
            "eigen solver's stop: residual norm of each eigenpair of D^-1/2 A D^-1/2; 0 = default 1e-7 "
                    + "(scikit-learn's 'auto')").withSentinel(0, "default: 1e-7");

    /** Every parameter, in the order help shows them. @since 0.2 */
    public static final List<ParamSpec> SPECS = List.of(K, AFFINITY, GAMMA, N_NEIGHBORS, ASSIGN, N_INIT, EIGEN_TOL);

    /** Checks every value against {@link #SPECS} and throws one exception naming each violation. */
    public SpectralParams {
        ParamBinder.validate(OWNER, SPECS, k, affinity, gamma, nNeighbors, assignLabels, nInit, eigenTol);
    }

    /**
     * scikit-learn's defaults (gamma 1, n_neighbors 10, kmeans with n_init 10, eigen_tol auto) with the
     * given number of clusters and affinity.
     *
     * @param k number of clusters
     * @param affinity the graph
     * @since 0.2
     */
    public SpectralParams(int k, Affinity affinity) {
        this(k, affinity, 1.0, 10, AssignLabels.KMEANS, 10, 0.0);
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.2
     */
    public static SpectralParams from(Params p) {
        return new SpectralParams(p.getInt(K.name()), p.getEnum(AFFINITY.name(), Affinity.class), p.getDouble(GAMMA.name()),
                p.getInt(N_NEIGHBORS.name()), p.getEnum(ASSIGN.name(), AssignLabels.class), p.getInt(N_INIT.name()),
                p.getDouble(EIGEN_TOL.name()));
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
        values.put(AFFINITY.name(), affinity.id());
        values.put(GAMMA.name(), gamma);
        values.put(N_NEIGHBORS.name(), nNeighbors);
        values.put(ASSIGN.name(), assignLabels.id());
        values.put(N_INIT.name(), nInit);
        values.put(EIGEN_TOL.name(), eigenTol);
        return values;
    }
}
