package dev.clusterlab.plugins.mixture;

import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamChoice;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of {@link GaussianMixtureAlgorithm}, with scikit-learn's
 * {@code GaussianMixture} names, defaults and ranges ({@code n_components} is {@code k}, whose default
 * is ClusterLab's 8 as for k-means and spectral clustering; scikit-learn's is 1). {@link #SPECS} is the
 * single source of names, defaults, ranges and descriptions.
 *
 * @param k number of mixture components, in {@code [1, inf)}
 * @param covarianceType the form of the components' covariance matrices
 * @param tol EM stops when the lower bound (mean log-likelihood) changes by less than this, in {@code [0, inf)}
 * @param regCovar added to the diagonal of every covariance so that it stays positive definite, in {@code [0, inf)}
 * @param maxIter most EM iterations per initialisation, in {@code [0, inf)} (0: the initial parameters)
 * @param nInit number of initialisations; the one with the largest lower bound is kept, in {@code [1, inf)}
 * @param initParams how the initial responsibilities are chosen
 * @since 0.2
 */
public record GmmParams(int k, CovarianceType covarianceType, double tol, double regCovar, int maxIter, int nInit,
                        InitParams initParams) implements AlgorithmParams {

    /** The form of the covariance matrices, as scikit-learn's {@code covariance_type}. @since 0.2 */
    public enum CovarianceType implements ParamChoice {
        /** Each component its own general covariance matrix. */
        FULL("full"),
        /** One general covariance matrix shared by all components. */
        TIED("tied"),
        /** Each component its own diagonal covariance matrix. */
        DIAG("diag"),
        /** Each component its own single variance. */
        SPHERICAL("spherical");

        private final String id;

        CovarianceType(String id) {
            this.id = id;
        }

        /** @return the word used in YAML and on the command line @since 0.2 */
        @Override
        public String id() {
            return id;
        }

        /**
         * scikit-learn's {@code _n_parameters}: free parameters of a mixture of {@code k} components in {@code d}
         * dimensions (covariances, means and the {@code k - 1} free weights), the count BIC and AIC charge for.
         *
         * @param k components
         * @param d features
         * @return the number of free parameters
         * @since 0.2
         */
        public long freeParameters(int k, int d) {
            double cov = switch (this) {
                case FULL -> k * d * (d + 1) / 2.0;
                case DIAG -> (double) k * d;
                case TIED -> d * (d + 1) / 2.0;
                case SPHERICAL -> k;
            };
            return (long) (cov + (double) d * k + k - 1);
        }
    }

    /** How the initial responsibilities are chosen, as scikit-learn's {@code init_params}. @since 0.2 */
    public enum InitParams implements ParamChoice {
        /** One-hot labels of a k-means fit (the k-means plugin's k-means++ and Lloyd, one run). */
        KMEANS("kmeans"),
        /** One-hot on the {@code k} rows chosen by greedy k-means++ (every other row starts with none). */
        K_MEANS_PLUS_PLUS("k-means++"),
        /** Uniform random responsibilities, each row normalised to sum 1. */
        RANDOM("random"),
        /** One-hot on {@code k} distinct rows chosen uniformly (every other row starts with none). */
        RANDOM_FROM_DATA("random_from_data");

        private final String id;

        InitParams(String id) {
            this.id = id;
        }

        /** @return the word used in YAML and on the command line @since 0.2 */
        @Override
        public String id() {
            return id;
        }
    }

    private static final String OWNER = GaussianMixtureAlgorithm.ID;
    private static final ParamSpec K = ParamSpec.intAtLeast("k", 8, 1,
            "number of mixture components (scikit-learn's n_components)");
    private static final ParamSpec COVARIANCE = ParamSpec.choice("covariance_type", CovarianceType.class, CovarianceType.FULL,
            "covariance of each component: full (its own matrix), tied (one matrix shared), diag (its own diagonal), "
                    + "spherical (its own single variance)");
    private static final ParamSpec TOL = ParamSpec.real("tol", 1e-3, 0, true, Double.POSITIVE_INFINITY, false,
            "stop when the lower bound (mean log-likelihood per sample) changes by less than tol");
    private static final ParamSpec REG_COVAR = ParamSpec.real("reg_covar", 1e-6, 0, true, Double.POSITIVE_INFINITY, false,
            "added to the diagonal of each covariance so that it stays positive definite");
    private static final ParamSpec MAX_ITER = ParamSpec.intAtLeast("max_iter", 100, 0,
            "most EM iterations per initialisation (0: keep the initial parameters)");
    private static final ParamSpec N_INIT = ParamSpec.intAtLeast("n_init", 1, 1,
            "initialisations; the one with the largest lower bound is kept");
    private static final ParamSpec INIT = ParamSpec.choice("init_params", InitParams.class, InitParams.KMEANS,
            "initial responsibilities: kmeans (labels of one k-means fit), k-means++ (the k rows it picks), "
                    + "random (uniform, normalised), random_from_data (k random rows)");

    /** Every parameter, in the order help shows them. @since 0.2 */
    public static final List<ParamSpec> SPECS = List.of(K, COVARIANCE, TOL, REG_COVAR, MAX_ITER, N_INIT, INIT);

    /** Checks every value against {@link #SPECS} and throws one exception naming each violation. */
    public GmmParams {
        ParamBinder.validate(OWNER, SPECS, k, covarianceType, tol, regCovar, maxIter, nInit, initParams);
    }

    /**
     * scikit-learn's defaults (tol 1e-3, reg_covar 1e-6, max_iter 100, n_init 1, init kmeans) with the given
     * number of components and covariance type.
     *
     * @param k components
     * @param covarianceType covariance form
     * @since 0.2
     */
    public GmmParams(int k, CovarianceType covarianceType) {
        this(k, covarianceType, 1e-3, 1e-6, 100, 1, InitParams.KMEANS);
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.2
     */
    public static GmmParams from(Params p) {
        return new GmmParams(p.getInt(K.name()), p.getEnum(COVARIANCE.name(), CovarianceType.class), p.getDouble(TOL.name()),
                p.getDouble(REG_COVAR.name()), p.getInt(MAX_ITER.name()), p.getInt(N_INIT.name()),
                p.getEnum(INIT.name(), InitParams.class));
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
        values.put(COVARIANCE.name(), covarianceType.id());
        values.put(TOL.name(), tol);
        values.put(REG_COVAR.name(), regCovar);
        values.put(MAX_ITER.name(), maxIter);
        values.put(N_INIT.name(), nInit);
        values.put(INIT.name(), initParams.id());
        return values;
    }
}
