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

        List<String> names = new ArrayList<>(k);
        List<List<Double>> componentList = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            names.add("pc" + (c + 1));
            double[] comp = new double[d];
            System.arraycopy(components, c * d, comp, 0, d);
            componentList.add(Columns.list(comp));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("features", data.featureNames());
        summary.put("n_components", k);
        summary.put("explained_variance", Columns.list(java.util.Arrays.copyOf(variance, k)));
        summary.put("explained_variance_ratio", Columns.list(java.util.Arrays.copyOf(ratio, k)));
        summary.put("total_variance", totalVariance);
        summary.put("mean", Columns.list(mean));
        summary.put("components", List.copyOf(componentList));
        return new Fitted(data.featureNames(), mean, components, k, List.copyOf(names), summary);
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

        Fitted(List<String> fittedNames, double[] mean, double[] components, int k, List<String> outputNames,
               Map<String, Object> summary) {
            this.fittedNames = fittedNames;
            this.mean = mean;
            this.components = components;
            this.k = k;
            this.outputNames = outputNames;
            this.summary = Collections.unmodifiableMap(summary);
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
    }
}
