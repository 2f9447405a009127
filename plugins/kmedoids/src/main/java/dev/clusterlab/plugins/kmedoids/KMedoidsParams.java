package dev.clusterlab.plugins.kmedoids;

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
import java.util.Optional;

/**
 * The validated parameters of {@link KMedoidsAlgorithm}, with scikit-learn-extra's {@code KMedoids} names
 * where it has them ({@code n_clusters} is {@code k}). {@link #SPECS} is the single source of names,
 * defaults, ranges and descriptions.
 *
 * @param k the number of medoids, in {@code [1, inf)} (at most the number of points, checked at fit time)
 * @param method {@link Method#FASTERPAM} (default), {@link Method#PAM} or {@link Method#ALTERNATE}
 * @param init how the first medoids are chosen: {@link Init#BUILD} (default), {@link Init#RANDOM},
 *     {@link Init#KMEANS_PLUS_PLUS} or {@link Init#HEURISTIC}
 * @param maxIter the most swap passes (FasterPAM), swaps (PAM) or Voronoi iterations (alternate), in
 *     {@code [1, inf)}; 300 as scikit-learn-extra
 * @param metric a distance id of the engine ({@code euclidean}, {@code manhattan}, {@code minkowski:3}, ...)
 *     or {@code precomputed} (the dataset is the {@code n x n} dissimilarity matrix); stored in its
 *     canonical form ({@link Distance#id()} or {@code precomputed})
 * @since 0.2
 */
public record KMedoidsParams(int k, Method method, Init init, int maxIter, String metric) implements AlgorithmParams {
    private static final String OWNER = KMedoidsAlgorithm.ID;
    /** The word of {@link #metric} that reads the dataset as a dissimilarity matrix. @since 0.2 */
    public static final String PRECOMPUTED = "precomputed";

    /**
     * How the medoids are improved after initialisation.
     *
     * @since 0.2
     */
    public enum Method implements ParamChoice {
        /** FasterPAM (Schubert and Rousseeuw 2021): eager swaps, all medoids at once per candidate. */
        FASTERPAM("fasterpam"),
        /** PAM's SWAP (Kaufman and Rousseeuw 1990): the best of all {@code k (n - k)} swaps, one per iteration. */
        PAM("pam"),
        /** The Voronoi iteration (Park and Jun 2009; scikit-learn-extra's {@code method='alternate'}). */
        ALTERNATE("alternate");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        /** @return the word used in YAML and on the command line @since 0.2 */
        @Override
        public String id() {
            return id;
        }
    }

    /**
     * How the first {@code k} medoids are chosen.
     *
     * @since 0.2
     */
    public enum Init implements ParamChoice {
        /** PAM's BUILD: greedily the medoid that lowers the total deviation most (deterministic). */
        BUILD("build"),
        /** {@code k} distinct rows uniformly at random from the seed. */
        RANDOM("random"),
        /** k-means++ (Arthur and Vassilvitskii 2007) on the chosen distance: rows drawn with probability {@code D(x)^2}. */
        KMEANS_PLUS_PLUS("k-means++"),
        /** scikit-learn-extra's {@code 'heuristic'}: the {@code k} rows of smallest summed distance to all rows. */
        HEURISTIC("heuristic");

        private final String id;

        Init(String id) {
            this.id = id;
        }

        /** @return the word used in YAML and on the command line @since 0.2 */
        @Override
        public String id() {
            return id;
        }
    }

    private static final ParamSpec K = ParamSpec.intAtLeast("k", 8, 1,
            "number of clusters (scikit-learn-extra's n_clusters): medoids, each an input row");
    private static final ParamSpec METHOD = ParamSpec.choice("method", Method.class, Method.FASTERPAM,
            "fasterpam (eager swaps, Schubert and Rousseeuw 2021), pam (best swap per iteration, Kaufman and Rousseeuw) "
                    + "or alternate (Voronoi iteration, Park and Jun 2009)");
    private static final ParamSpec INIT = ParamSpec.choice("init", Init.class, Init.BUILD,
            "first medoids: build (PAM's greedy BUILD), random, k-means++ (on the chosen distance) or heuristic "
                    + "(the k rows of smallest summed distance)");
    private static final ParamSpec MAX_ITER = ParamSpec.intAtLeast("max_iter", 300, 1,
            "most swap passes (fasterpam), swaps (pam) or Voronoi iterations (alternate)");
    private static final ParamSpec METRIC = ParamSpec.text("metric", "euclidean",
            "dissimilarity: a distance (" + String.join(", ", Distance.ids()) + ") or precomputed "
                    + "(the dataset is the n x n dissimilarity matrix)");

    /** Every parameter, in the order help shows them. @since 0.2 */
    public static final List<ParamSpec> SPECS = List.of(K, METHOD, INIT, MAX_ITER, METRIC);

    /** Checks every value against {@link #SPECS} and that {@code metric} names a distance or {@code precomputed}. */
    public KMedoidsParams {
        List<ParamViolation> problems = new ArrayList<>(ParamBinder.check(OWNER, SPECS, k, method, init, maxIter, metric));
        String canonical = metric == null ? null : canonicalMetric(metric);
        if (metric != null && canonical == null) {
            problems.add(new ParamViolation.Invalid(OWNER, METRIC.name(),
                    "one of {" + String.join(", ", Distance.ids()) + ", " + PRECOMPUTED + "}", "'" + metric + "'"));
        }
        if (!problems.isEmpty()) {
            throw ParameterException.of(problems);
        }
        metric = canonical;
    }

    /**
     * FasterPAM from BUILD, 300 passes at most, euclidean.
     *
     * @param k number of medoids
     * @since 0.2
     */
    public KMedoidsParams(int k) {
        this(k, Method.FASTERPAM, Init.BUILD, 300, "euclidean");
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.2
     */
    public static KMedoidsParams from(Params p) {
        return new KMedoidsParams(p.getInt(K.name()), p.getEnum(METHOD.name(), Method.class),
                p.getEnum(INIT.name(), Init.class), p.getInt(MAX_ITER.name()), p.getString(METRIC.name()));
    }

    /** @return whether the dataset is read as the dissimilarity matrix @since 0.2 */
    public boolean precomputed() {
        return PRECOMPUTED.equals(metric);
    }

    /** @return the distance, or empty for {@code precomputed} @since 0.2 */
    public Optional<Distance> distance() {
        return precomputed() ? Optional.empty() : Optional.of(Distance.byId(metric));
    }

    /** @return the same parameters with another method @since 0.2 */
    public KMedoidsParams withMethod(Method newMethod) {
        return new KMedoidsParams(k, newMethod, init, maxIter, metric);
    }

    /** @return the same parameters with another initialisation @since 0.2 */
    public KMedoidsParams withInit(Init newInit) {
        return new KMedoidsParams(k, method, newInit, maxIter, metric);
    }

    /** @return the same parameters with another metric (a distance id or {@code precomputed}) @since 0.2 */
    public KMedoidsParams withMetric(String newMetric) {
        return new KMedoidsParams(k, method, init, maxIter, newMetric);
    }

    /** @return the same parameters with another iteration limit @since 0.2 */
    public KMedoidsParams withMaxIter(int newMaxIter) {
        return new KMedoidsParams(k, method, init, newMaxIter, metric);
    }

    /** The canonical id of a distance, or {@code precomputed}, or null when it is neither. */
    private static String canonicalMetric(String metric) {
        String s = metric.strip().toLowerCase(Locale.ROOT);
        if (s.equals(PRECOMPUTED)) {
            return PRECOMPUTED;
        }
        try {
            return Distance.byId(s).id();
        } catch (IllegalArgumentException e) {
            return null;
        }
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
        values.put(METHOD.name(), method.id());
        values.put(INIT.name(), init.id());
        values.put(MAX_ITER.name(), maxIter);
        values.put(METRIC.name(), metric);
        return values;
    }
}
