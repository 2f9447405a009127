package dev.clusterlab.plugins.mixture;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.plugins.mixture.GmmParams.CovarianceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted Gaussian mixture: {@link #predict} is the most probable component (scikit-learn's
 * {@code predict}), {@link #predictProba} the responsibilities ({@code predict_proba}) and
 * {@link #scoreSamples} the log-likelihood of each row ({@code score_samples}); all in one
 * {@link EmPass} over the rows, in double, the same bits for any thread count.
 *
 * <p>Its {@link #state()} (the saved model file) is a map:
 * <pre>
 * format:           "clusterlab.gmm.model"
 * version:          1
 * algorithm:        "gmm"
 * covariance_type:  full | tied | diag | spherical
 * k, d:             components and features
 * weights:          k numbers
 * means:            k lists of d numbers
 * covariances:      full: k lists of d*d numbers (row-major); tied: 1 list of d*d; diag: k lists of d;
 *                   spherical: k lists of 1
 * </pre>
 * The precision factors are computed again from the covariances when the model is restored.
 *
 * @since 0.2
 */
public final class GmmModel implements ClusterModel {
    static final String FORMAT = "clusterlab.gmm.model";
    private final Gaussians g;

    GmmModel(Gaussians g) {
        this.g = g;
    }

    Gaussians gaussians() {
        return g;
    }

    @Override
    public int d() {
        return g.d;
    }

    /** @return the number of components @since 0.2 */
    public int k() {
        return g.k;
    }

    /** @return the covariance form @since 0.2 */
    public CovarianceType covarianceType() {
        return g.type;
    }

    /** @return the mixture weights (scikit-learn's {@code weights_}); a copy @since 0.2 */
    public double[] weights() {
        return g.weights.clone();
    }

    /** @return the means, row-major {@code k x d} (scikit-learn's {@code means_}); a copy @since 0.2 */
    public double[] means() {
        return g.means.clone();
    }

    /** @return the covariances in scikit-learn's {@code covariances_} layout, flattened; a copy @since 0.2 */
    public double[] covariances() {
        return g.covariances.clone();
    }

    /** @return the precision factors ({@code precisions_cholesky_}; full and tied upper triangular), flattened; a copy @since 0.2 */
    public double[] precisionsCholesky() {
        return g.precisionCholesky.clone();
    }

    /**
     * scikit-learn's {@code _n_parameters}.
     *
     * @return the number of free parameters
     * @since 0.2
     */
    public long freeParameters() {
        return g.type.freeParameters(g.k, g.d);
    }

    @Override
    public int[] predict(Dataset data, ExecutionContext context) {
        checkDimension(data);
        int[] labels = new int[data.n()];
        EmPass.run(data.data(), data.n(), g.d, g, null, g.type, g.k, null, labels, null, context);
        return labels;
    }

    @Override
    public Optional<double[]> predictProba(Dataset data, ExecutionContext context) {
        checkDimension(data);
        double[] resp = new double[Math.multiplyExact(data.n(), g.k)];
        EmPass.run(data.data(), data.n(), g.d, g, null, g.type, g.k, null, null, resp, context);
        return Optional.of(resp);
    }

    /**
     * The mean log-likelihood per row (scikit-learn's {@code score(X)}).
     *
     * @param data rows with {@link #d()} features
     * @param context threads
     * @return {@code mean_i log p(x_i)}
     * @since 0.2
     */
    public double score(Dataset data, ExecutionContext context) {
        checkDimension(data);
        return EmPass.run(data.data(), data.n(), g.d, g, null, g.type, g.k, null, null, null, context).logLikelihood() / data.n();
    }

    /**
     * scikit-learn's {@code bic(X)}: {@code -2 n score(X) + p ln n}; lower is better.
     *
     * @param data rows
     * @param context threads
     * @return the Bayesian information criterion
     * @since 0.2
     */
    public double bic(Dataset data, ExecutionContext context) {
        return -2 * score(data, context) * data.n() + freeParameters() * Math.log(data.n());
    }

    /**
     * scikit-learn's {@code aic(X)}: {@code -2 n score(X) + 2 p}; lower is better.
     *
     * @param data rows
     * @param context threads
     * @return the Akaike information criterion
     * @since 0.2
     */
    public double aic(Dataset data, ExecutionContext context) {
        return -2 * score(data, context) * data.n() + 2.0 * freeParameters();
    }

    @Override
    public Optional<Map<String, Object>> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", FORMAT);
        state.put("version", 1);
        state.put("algorithm", GaussianMixtureAlgorithm.ID);
        state.put("covariance_type", g.type.id());
        state.put("k", g.k);
        state.put("d", g.d);
        state.put("weights", list(g.weights, 0, g.k));
        List<List<Double>> means = new ArrayList<>();
        for (int c = 0; c < g.k; c++) {
            means.add(list(g.means, c * g.d, g.d));
        }
        state.put("means", List.copyOf(means));
        int rows = g.type == CovarianceType.TIED ? 1 : g.k;
        int per = g.covariances.length / rows;
        List<List<Double>> cov = new ArrayList<>();
        for (int c = 0; c < rows; c++) {
            cov.add(list(g.covariances, c * per, per));
        }
        state.put("covariances", List.copyOf(cov));
        return Optional.of(Map.copyOf(state));
    }

    private static List<Double> list(double[] v, int from, int len) {
        List<Double> out = new ArrayList<>(len);
        for (int i = 0; i < len; i++) {
            out.add(v[from + i]);
        }
        return List.copyOf(out);
    }

    /**
     * Rebuilds a model from {@link #state()}.
     *
     * @throws DataException naming the first thing that is wrong
     */
    static GmmModel restore(Map<String, Object> state) {
        String where = GaussianMixtureAlgorithm.ID + " model state";
        if (state == null) {
            throw new DataException(where + ": expected a map; got null");
        }
        if (!FORMAT.equals(state.get("format"))) {
            throw new DataException(where + ": 'format' must be \"" + FORMAT + "\"; got " + state.get("format"));
        }
        if (!(state.get("version") instanceof Number v) || v.doubleValue() != 1) {
            throw new DataException(where + ": 'version' must be 1; got " + state.get("version"));
        }
        CovarianceType type = null;
        for (CovarianceType t : CovarianceType.values()) {
            if (t.id().equals(state.get("covariance_type"))) {
                type = t;
            }
        }
        if (type == null) {
            throw new DataException(where + ": 'covariance_type' must be full, tied, diag or spherical; got "
                    + state.get("covariance_type"));
        }
        int k = integer(where, state, "k");
        int d = integer(where, state, "d");
        if (k < 1 || d < 1) {
            throw new DataException(where + ": 'k' and 'd' must be at least 1; got " + k + " and " + d);
        }
        double[] weights = numbers(where, state.get("weights"), "weights", k);
        double[] means = rows(where, state.get("means"), "means", k, d);
        int rows = type == CovarianceType.TIED ? 1 : k;
        int per = switch (type) {
            case FULL, TIED -> d * d;
            case DIAG -> d;
            case SPHERICAL -> 1;
        };
        double[] cov = rows(where, state.get("covariances"), "covariances", rows, per);
        return new GmmModel(Gaussians.of(type, k, d, weights, means, cov));
    }

    private static int integer(String where, Map<String, Object> state, String key) {
        if (!(state.get(key) instanceof Number num) || num.doubleValue() != Math.rint(num.doubleValue())) {
            throw new DataException(where + ": '" + key + "' must be an integer; got " + state.get(key));
        }
        return num.intValue();
    }

    private static double[] numbers(String where, Object value, String key, int size) {
        if (!(value instanceof List<?> list) || list.size() != size) {
            throw new DataException(where + ": '" + key + "' must be a list of " + size + " numbers; got " + value);
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            if (!(list.get(i) instanceof Number num) || !Double.isFinite(num.doubleValue())) {
                throw new DataException(where + ": '" + key + "' entry " + (i + 1) + " must be a finite number; got " + list.get(i));
            }
            out[i] = num.doubleValue();
        }
        return out;
    }

    private static double[] rows(String where, Object value, String key, int rows, int per) {
        if (!(value instanceof List<?> list) || list.size() != rows) {
            throw new DataException(where + ": '" + key + "' must be a list of " + rows + " lists; got " + value);
        }
        double[] out = new double[rows * per];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(numbers(where, list.get(r), key + " row " + (r + 1), per), 0, out, r * per, per);
        }
        return out;
    }

    private void checkDimension(Dataset data) {
        if (data.d() != g.d) {
            throw new DataException(GaussianMixtureAlgorithm.ID + ": the model was fitted on " + g.d + " features but the dataset '"
                    + data.name() + "' has " + data.d());
        }
    }
}
