package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import dev.clusterlab.api.preprocess.Preprocessor;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Standardisation (z-score), as scikit-learn's {@code StandardScaler}: each column becomes
 * {@code (x - mean) / std} with the population standard deviation ({@code ddof = 0}).
 *
 * <p>Mean and variance are computed in {@code double} by two passes with scikit-learn's correction
 * term ({@code var = (Σ(x - m)² - (Σ(x - m))² / n) / n}). A column whose variance is within the error
 * bound of that algorithm of zero ({@code var <= n ε var + (n m ε)²}, scikit-learn's
 * {@code _is_constant_feature}) keeps scale 1: it is only centred, and comes out as zeros.
 *
 * {@snippet :
 * FittedPreprocessor z = new Standardize().fit(data, ParamBinder.defaults("standardize", List.of()), context);
 * Dataset scaled = z.apply(data);
 * }
 *
 * @since 0.1
 */
@Extension
public final class Standardize implements Preprocessor {
    static final String ID = "standardize";
    private static final PreprocessorDescriptor DESCRIPTOR = new PreprocessorDescriptor(ID, List.of("zscore"),
            "Standardize (z-score)",
            "Centres each column on its mean and divides it by its population standard deviation (scikit-learn's StandardScaler).",
            List.of(), false, List.of());
    /** A column map on the fitted {@code mean} and {@code scale} (so named in the state and the summary). */
    private static final ColumnMap.Kind KIND = new ColumnMap.Kind(ID, false, List.of("mean", "scale"), p -> {
        double[] mean = p[0];
        double[] scale = p[1];
        return (j, x) -> (x - mean[j]) / scale[j];
    });

    /** A stateless step; PF4J creates it. @since 0.1 */
    public Standardize() {
    }

    @Override
    public PreprocessorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public FittedPreprocessor fit(Dataset data, Params params, ExecutionContext context) {
        Columns.requireNoMissing(ID, data);
        Columns.requireRows(ID, data, 1);
        int n = data.n();
        int d = data.d();
        float[] v = data.data();
        double[] mean = new double[d];
        double[] var = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += v[i * d + j];
            }
            double m = sum / n;
            double correction = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double t = v[i * d + j] - m;
                correction += t;
                squares += t * t;
            }
            mean[j] = m;
            var[j] = Math.max(0, (squares - correction * correction / n) / n);
            double eps = Math.ulp(1.0);
            boolean constant = var[j] <= n * eps * var[j] + (n * m * eps) * (n * m * eps);
            scale[j] = constant ? 1.0 : Math.sqrt(var[j]);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("features", data.featureNames());
        if (data.hasCategorical()) {
            summary.put("passed_through", ColumnMap.passedThrough(data)); // categorical: codes are not scaled
        }
        summary.put("mean", SavedState.list(mean));
        summary.put("var", SavedState.list(var));
        summary.put("scale", SavedState.list(scale));
        return KIND.fitted(data.featureNames(), summary, mean, scale);
    }

    /**
     * Rebuilds a fit from its {@code state()}: {@code step}, {@code features} (the fitted column names),
     * and {@code mean} and {@code scale}, one number per feature.
     *
     * @param state the saved state
     * @return the fitted step, whose {@code apply} gives the original fit's output bit for bit
     * @throws dev.clusterlab.api.DataException naming the key that is missing or of the wrong length
     * @since 0.2
     */
    @Override
    public Optional<FittedPreprocessor> restore(Map<String, Object> state) {
        return Optional.of(KIND.restore(state));
    }
}
