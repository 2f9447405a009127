package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import dev.clusterlab.api.preprocess.Preprocessor;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Principal component analysis, as scikit-learn's {@code PCA} (exact, {@code svd_solver='full'}, no
 * whitening): the data are centred and projected onto the leading eigenvectors of their covariance;
 * the output columns are named {@code pc1..pcK}.
 *
 * <p><b>{@code n_components}</b> is one real parameter with two meanings, as in scikit-learn: a whole
 * number {@code K >= 1} keeps {@code K} components (at most {@code min(n, d)}); a fraction in
 * {@code (0, 1)} keeps the fewest components whose cumulated explained-variance ratio exceeds it
 * (scikit-learn's {@code searchsorted(cumsum, f, side='right') + 1}). A value {@code >= 1} that is not
 * whole, such as {@code 2.5}, is a parameter error.
 *
 * <p>Numerics: the scatter matrix {@code Σ (x - μ)(x - μ)ᵀ} is accumulated in {@code double} from the
 * centred values and decomposed by Householder tridiagonalisation and implicit QL
 * ({@link SymmetricEigen}); the eigenvalues divided by {@code n - 1} are scikit-learn's
 * {@code explained_variance_} (the squared singular values of the centred data over {@code n - 1}),
 * and the ratios are taken of the trace. Signs follow scikit-learn's {@code svd_flip}: each
 * component is oriented so that the training row with the largest absolute score (the first such row)
 * scores positive, so outputs agree with scikit-learn's up to rounding, not just up to sign.
 *
 * <p>Complexity: {@code O(n d²)} for the scatter matrix, {@code O(d³)} for the decomposition and
 * {@code O(n d K)} to project; {@code O(d²)} memory besides the output.
 *
 * @since 0.1
 */
@Extension
@Reference(authors = "K. Pearson", title = "On lines and planes of closest fit to systems of points in space",
        venue = "The London, Edinburgh, and Dublin Philosophical Magazine and Journal of Science 2(11), 559-572",
        year = 1901, doi = "10.1080/14786440109462720")
@Reference(authors = "H. Hotelling", title = "Analysis of a complex of statistical variables into principal components",
        venue = "Journal of Educational Psychology 24(6), 417-441", year = 1933, doi = "10.1037/h0071325")
public final class Pca implements Preprocessor {
    static final String ID = "pca";
    static final ParamSpec N_COMPONENTS = ParamSpec.real("n_components", null, 0, false, Double.POSITIVE_INFINITY, false,
            "a whole number K >= 1 of components to keep, or a fraction in (0, 1) of the variance to explain");
    private final PreprocessorDescriptor descriptor = new PreprocessorDescriptor(ID, List.of(),
            "Principal component analysis",
            "Centres the data and projects them onto their leading principal components, a given number or enough to explain a given fraction of the variance (scikit-learn's PCA).",
            List.of(N_COMPONENTS), false, Citation.of(getClass()));
    /** The state's (and the summary's) keys for what {@code apply} needs. */
    private static final String MEAN = "mean";
    private static final String COMPONENTS = "components";

    /** A stateless step; PF4J creates it. @since 0.1 */
    public Pca() {
    }

    @Override
    public PreprocessorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public FittedPreprocessor fit(Dataset data, Params params, ExecutionContext context) {
        double requested = params.getDouble(N_COMPONENTS.name());
        if (requested >= 1 && (requested != Math.rint(requested) || requested > Integer.MAX_VALUE)) {
            throw Columns.parameterError(ID, N_COMPONENTS.name(),
                    "a whole number of components (>= 1) or a fraction of the variance in (0, 1)", requested);
        }
        Columns.requireNoMissing(ID, data);
        Columns.requireNumeric(ID, data);
        Columns.requireRows(ID, data, 2);
        int n = data.n();
        int d = data.d();
        int rank = Math.min(n, d);
        if (requested >= 1 && requested > rank) {
            throw new DataException(ID + ": n_components = " + (long) requested + " but dataset '" + data.name() + "' has "
                    + n + " rows and " + d + " columns; expected at most min(rows, columns) = " + rank + " components");
        }
        float[] v = data.data();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] scatter = new double[d][d];
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            if ((i & 4095) == 0) {
                context.checkCancelled();
            }
            for (int j = 0; j < d; j++) {
                row[j] = v[i * d + j] - mean[j];
            }
            for (int j = 0; j < d; j++) {
                double rj = row[j];
                double[] sj = scatter[j];
                for (int k = j; k < d; k++) {
                    sj[k] += rj * row[k];
                }
            }
        }
        double trace = 0;
        for (int j = 0; j < d; j++) {
            trace += scatter[j][j];
            for (int k = j + 1; k < d; k++) {
                scatter[k][j] = scatter[j][k];
            }
        }
        SymmetricEigen eigen = new SymmetricEigen(scatter);
        double[] ascending = eigen.values();
        double totalVariance = trace / (n - 1);
        double[] variance = new double[rank];
        double[] ratio = new double[rank];
        for (int c = 0; c < rank; c++) {
            variance[c] = Math.max(0, ascending[d - 1 - c]) / (n - 1);
            ratio[c] = totalVariance > 0 ? variance[c] / totalVariance : 0;
        }
        int k = requested >= 1 ? (int) requested : byVarianceFraction(ratio, requested);
        double[] components = new double[k * d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                components[c * d + j] = eigen.vector(j, d - 1 - c);
            }
        }
        orientLikeSvdFlip(v, n, d, mean, components, k);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("features", data.featureNames());
        summary.put("n_components", k);
        summary.put("explained_variance", SavedState.list(java.util.Arrays.copyOf(variance, k)));
        summary.put("explained_variance_ratio", SavedState.list(java.util.Arrays.copyOf(ratio, k)));
        summary.put("total_variance", totalVariance);
        summary.put(MEAN, SavedState.list(mean));
        summary.put(COMPONENTS, rows(components, k, d));
        return new Fitted(data.featureNames(), mean, components, k, summary);
    }

    /**
     * Rebuilds a fit from its {@code state()}: {@code step}, {@code features} (the fitted column names),
     * {@code mean}, one number per feature, and {@code components}, K lists of one number per feature
     * (the output columns {@code pc1..pcK}, in order).
     *
     * @param state the saved state
     * @return the fitted step, whose {@code apply} gives the original fit's output bit for bit
     * @throws DataException naming the key that is missing or of the wrong length
     * @since 0.2
     */
    @Override
    public Optional<FittedPreprocessor> restore(Map<String, Object> state) {
        SavedState saved = SavedState.read(ID, state);
        double[] mean = saved.perFeature(MEAN);
        double[][] rows = saved.perFeatureRows(COMPONENTS);
        int d = mean.length;
        double[] components = new double[Math.multiplyExact(rows.length, d)];
        for (int c = 0; c < rows.length; c++) {
            System.arraycopy(rows[c], 0, components, c * d, d);
        }
        return Optional.of(new Fitted(saved.features(), mean, components, rows.length, null));
    }

    /** @return the row-major {@code k x d} components as k JSON-friendly lists */
    private static List<List<Double>> rows(double[] components, int k, int d) {
        List<List<Double>> rows = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            rows.add(SavedState.list(java.util.Arrays.copyOfRange(components, c * d, (c + 1) * d)));
        }
        return List.copyOf(rows);
    }

    /** scikit-learn: the first count whose cumulated ratio is strictly above the fraction. */
    static int byVarianceFraction(double[] ratio, double fraction) {
        double cumulated = 0;
        for (int c = 0; c < ratio.length; c++) {
            cumulated += ratio[c];
            if (cumulated > fraction) {
                return c + 1;
            }
        }
        return ratio.length;
    }

    /** Flips each component so that the training row with the largest |score| scores positive. */
    private static void orientLikeSvdFlip(float[] v, int n, int d, double[] mean, double[] components, int k) {
        for (int c = 0; c < k; c++) {
            double best = -1;
            double bestScore = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (v[i * d + j] - mean[j]) * components[c * d + j];
                }
                if (Math.abs(s) > best) {
                    best = Math.abs(s);
                    bestScore = s;
                }
            }
            if (bestScore < 0) {
                for (int j = 0; j < d; j++) {
                    components[c * d + j] = -components[c * d + j];
                }
            }
        }
    }

    /** The fitted projection. */
    private static final class Fitted implements FittedPreprocessor {
        private final List<String> fittedNames;
        private final double[] mean;
        private final double[] components;
        private final int k;
        private final List<String> outputNames;
        private final Map<String, Object> summary;

        /**
         * @param fittedNames the feature names seen by {@code fit}
         * @param mean the column means (not copied: fit and restore hand over new arrays)
         * @param components the row-major {@code k x d} components (not copied either)
         * @param k number of components
         * @param summary what was fitted, or null for a restored step, which reports its saved values
         */
        Fitted(List<String> fittedNames, double[] mean, double[] components, int k, Map<String, Object> summary) {
            this.fittedNames = List.copyOf(fittedNames);
            this.mean = mean;
            this.components = components;
            this.k = k;
            List<String> names = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                names.add("pc" + (c + 1));
            }
            this.outputNames = List.copyOf(names);
            this.summary = Collections.unmodifiableMap(summary != null ? summary : SavedState.summaryOf(encode()));
        }

        @Override
        public Dataset apply(Dataset data) {
            Columns.requireColumns(ID, fittedNames, data);
            Columns.requireNoMissing(ID, data);
            int n = data.n();
            int d = data.d();
            float[] in = data.data();
            float[] out = new float[Math.multiplyExact(n, k)];
            double[] row = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    row[j] = in[i * d + j] - mean[j];
                }
                for (int c = 0; c < k; c++) {
                    double s = 0;
                    int base = c * d;
                    for (int j = 0; j < d; j++) {
                        s += row[j] * components[base + j];
                    }
                    out[i * k + c] = (float) s;
                }
            }
            return data.withValues(k, out, outputNames);
        }

        @Override
        public Map<String, Object> summary() {
            return summary;
        }

        @Override
        public Optional<Map<String, Object>> state() {
            return Optional.of(Collections.unmodifiableMap(encode()));
        }

        /** @return {@code step}, {@code features}, {@code mean} and {@code components} */
        private Map<String, Object> encode() {
            Map<String, Object> state = SavedState.start(ID, fittedNames);
            state.put(MEAN, SavedState.list(mean));
            state.put(COMPONENTS, rows(components, k, mean.length));
            return state;
        }
    }
}
