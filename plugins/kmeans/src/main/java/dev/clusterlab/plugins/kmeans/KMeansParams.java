package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamChoice;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of {@link KMeansAlgorithm}. The {@link #SPECS} list is the single source of
 * names, types, defaults, ranges and descriptions: the descriptor publishes it, the host binds against
 * it, {@link #from(Params)} reads the bound values and the compact constructor checks values built in
 * code against it too.
 *
 * @param k number of clusters, in {@code [1, inf)}
 * @param init how the first centres are chosen
 * @param nInit number of restarts from different seeds, in {@code [1, inf)}; the best inertia wins
 * @param maxIter maximum Lloyd iterations per restart, in {@code [1, inf)}
 * @param tol relative tolerance on the squared centre shift, in {@code [0, inf)}; scaled by the mean
 *     feature variance of the data, as scikit-learn does
 * @param algorithm which exact variant runs the iterations
 * @param initCentroids path of a CSV file with {@code k} rows of {@code d} starting centroids, or the
 *     empty string; when given it replaces {@code init} and the fit runs once
 * @since 0.1
 */
public record KMeansParams(int k, Init init, int nInit, int maxIter, double tol, Variant algorithm, String initCentroids) implements AlgorithmParams {

    /**
     * Lloyd with the default variant ({@code auto}) and no given centroids.
     *
     * @param k number of clusters
     * @param init initialisation
     * @param nInit restarts
     * @param maxIter maximum iterations
     * @param tol relative tolerance
     * @since 0.1
     */
    public KMeansParams(int k, Init init, int nInit, int maxIter, double tol) {
        this(k, init, nInit, maxIter, tol, Variant.AUTO, "");
    }

    /**
     * The exact variants, which all give Lloyd's labels (bit for bit on the scalar kernel).
     *
     * @since 0.1
     */
    public enum Variant implements ParamChoice {
        /** Every point against every centre each iteration. */
        LLOYD("lloyd"),
        /** Elkan's {@code k} lower bounds per point. */
        ELKAN("elkan"),
        /** Hamerly's single lower bound per point. */
        HAMERLY("hamerly"),
        /** Hamerly's bounds with Newling and Fleuret's exponion ball: rescans examine only nearby centres. */
        EXPONION("exponion"),
        /** Ding et al.'s Yinyang: one lower bound per group of about ten centres. */
        YINYANG("yinyang"),
        /** Chosen from {@code n}, {@code d}, {@code k} and the first iterations by {@link #resolve}. */
        AUTO("auto");

        private final String id;

        Variant(String id) {
            this.id = id;
        }

        /** @return the word used in YAML and on the command line @since 0.1 */
        @Override
        public String id() {
            return id;
        }

        /**
         * The rule of {@code auto}, from the shape: Lloyd throughout unless {@code d >= 64},
         * {@code k >= 20} and {@code n k >= 1,000,000}; then {@code AUTO} itself, which runs Lloyd until an
         * iteration reassigns at most 1% of the points, then probes Yinyang and keeps it only if its second
         * iteration computes at most 15% of Lloyd's {@code n k} distances (see {@code AutoKMeans}).
         * Measured on 2 cores with the vector kernels, whole runs to {@code tol=1e-4} on overlapping blobs
         * ({@code KMeansVariantTimings}, December 2026): Lloyd's tiled, fused pass per iteration took
         * 0.0066 s at 1,000,000 x 2 (k=16) against 0.0197 s for Hamerly computing 10.7% of the distances;
         * 0.0136 s at 200,000 x 32 (k=64) against 0.0277 s for Yinyang at 12.3%, 0.0326 s for Hamerly at
         * 28% and 0.0826 s for Elkan at 4.2%; 0.091 s at 50,000 x 256 (k=256) against 0.108 s for Yinyang
         * at 18.6%. The one-to-one distances the bounded variants compute cost 5 to 17 of the tiled
         * kernel's, and their {@code O(n d)} sums and {@code O(n)} to {@code O(n k)} bound updates more than
         * the distances saved below {@code d = 64}; only Yinyang, with few enough distances, wins above.
         * Elkan and Hamerly are never chosen; they remain exact variants to ask for.
         *
         * @param n number of points
         * @param d dimension
         * @param k number of clusters
         * @return this variant; for {@code AUTO}, {@code LLOYD} or {@code AUTO} (the adaptive run)
         * @since 0.1
         */
        public Variant resolve(int n, int d, int k) {
            if (this != AUTO) {
                return this;
            }
            return d >= 64 && k >= 20 && (long) n * k >= 1_000_000 ? AUTO : LLOYD;
        }
    }

    /**
     * How the initial centres are chosen.
     *
     * @since 0.1
     */
    public enum Init implements ParamChoice {
        /** Greedy k-means++ (Arthur and Vassilvitskii 2007, as scikit-learn's {@code _kmeans_plusplus}). */
        K_MEANS_PLUS_PLUS("k-means++"),
        /** {@code k} distinct rows chosen uniformly at random (by weight with sample weights). */
        RANDOM("random"),
        /** Scalable k-means++ (Bahmani et al. 2012): 5 rounds oversampling {@code 2k} rows each, then weighted k-means++. */
        K_MEANS_PARALLEL("k-means||");

        private final String id;

        Init(String id) {
            this.id = id;
        }

        /** @return the word used in YAML and on the command line @since 0.1 */
        @Override
        public String id() {
            return id;
        }
    }

    private static final String OWNER = KMeansAlgorithm.ID;
    private static final ParamSpec K = ParamSpec.intAtLeast("k", 8, 1,
            "number of clusters (scikit-learn's n_clusters, default 8)");
    private static final ParamSpec INIT = ParamSpec.choice("init", Init.class, Init.K_MEANS_PLUS_PLUS,
            "initial centres: greedy k-means++ (2 + ln k trials per centre), k distinct random rows, or "
                    + "k-means|| (5 rounds oversampling 2k rows each, then weighted k-means++ on them)");
    private static final ParamSpec N_INIT = ParamSpec.intAtLeast("n_init", 1, 1,
            "restarts with different seeds, best inertia kept (1 = scikit-learn 1.4+ 'auto' for k-means++)");
    private static final ParamSpec MAX_ITER = ParamSpec.intAtLeast("max_iter", 300, 1,
            "maximum Lloyd iterations per restart");
    private static final ParamSpec TOL = ParamSpec.real("tol", 1e-4, 0, true, Double.POSITIVE_INFINITY, false,
            "stop when the summed squared centre shift is at most tol times the mean feature variance");

    private static final ParamSpec ALGORITHM = ParamSpec.choice("algorithm", Variant.class, Variant.AUTO,
            "exact variant: lloyd, elkan, hamerly, exponion, yinyang (same labels, fewer distances) or auto (lloyd; "
                    + "if d >= 64, k >= 20 and n*k >= 1e6, yinyang from when an iteration reassigns <= 1% of "
                    + "the points, kept if it then computes <= 15% of lloyd's distances; recorded per "
                    + "iteration in the auto_variant artifact)");
    private static final ParamSpec INIT_CENTROIDS = ParamSpec.text("init_centroids", "",
            "CSV file of k rows x d columns used as the starting centroids (replaces init; one run)");

    /** Every parameter, in the order help shows them. @since 0.1 */
    public static final List<ParamSpec> SPECS = List.of(K, INIT, N_INIT, MAX_ITER, TOL, ALGORITHM, INIT_CENTROIDS);

    /** Checks every value against {@link #SPECS} at once and throws one exception naming each violation. */
    public KMeansParams {
        ParamBinder.validate(OWNER, SPECS, k, init, nInit, maxIter, tol, algorithm, initCentroids);
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.1
     */
    public static KMeansParams from(Params p) {
        return new KMeansParams(p.getInt(K.name()), p.getEnum(INIT.name(), Init.class), p.getInt(N_INIT.name()),
                p.getInt(MAX_ITER.name()), p.getDouble(TOL.name()), p.getEnum(ALGORITHM.name(), Variant.class),
                p.getString(INIT_CENTROIDS.name()).strip());
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
        values.put(TOL.name(), tol);
        values.put(ALGORITHM.name(), algorithm.id());
        values.put(INIT_CENTROIDS.name(), initCentroids);
        return values;
    }
}
