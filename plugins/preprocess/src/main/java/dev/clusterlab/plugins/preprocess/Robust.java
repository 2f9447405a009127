package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import dev.clusterlab.api.preprocess.Preprocessor;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Robust scaling, as scikit-learn's {@code RobustScaler}: each column becomes
 * {@code (x - median) / (q_hi - q_lo)}, the quantiles taken at {@code quantile_range_min} and
 * {@code quantile_range_max} percent (the interquartile range by default) with numpy's linear
 * interpolation between order statistics (Hyndman and Fan's type 7). Outliers barely move the
 * statistics, unlike mean and standard deviation. A column whose range between the quantiles is zero
 * keeps scale 1 (it is only centred).
 *
 * <p>Complexity: one sort per column, {@code O(n log n)} per column.
 *
 * @since 0.1
 */
@Extension
@Reference(authors = "R. J. Hyndman, Y. Fan", title = "Sample quantiles in statistical packages",
        venue = "The American Statistician 50(4), 361-365", year = 1996, doi = "10.1080/00031305.1996.10473566")
public final class Robust implements Preprocessor {
    static final String ID = "robust";
    static final ParamSpec Q_MIN = ParamSpec.real("quantile_range_min", 25.0, 0, true, 100, true,
            "lower percentile of the range that scales each column (scikit-learn's quantile_range[0])");
    static final ParamSpec Q_MAX = ParamSpec.real("quantile_range_max", 75.0, 0, true, 100, true,
            "upper percentile, greater than quantile_range_min (scikit-learn's quantile_range[1])");
    private final PreprocessorDescriptor descriptor = new PreprocessorDescriptor(ID, List.of(),
            "Robust scaling",
            "Centres each column on its median and divides it by its interquartile range, or another percentile range (scikit-learn's RobustScaler).",
            List.of(Q_MIN, Q_MAX), false, Citation.of(getClass()));
    /** A column map on the fitted {@code center} and {@code scale} (so named in the state and the summary). */
    private static final ColumnMap.Kind KIND = new ColumnMap.Kind(ID, false, List.of("center", "scale"), p -> {
        double[] center = p[0];
        double[] scale = p[1];
        return (j, x) -> (x - center[j]) / scale[j];
    });

    /** A stateless step; PF4J creates it. @since 0.1 */
    public Robust() {
    }

    @Override
    public PreprocessorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public FittedPreprocessor fit(Dataset data, Params params, ExecutionContext context) {
        double qLo = params.getDouble(Q_MIN.name());
        double qHi = params.getDouble(Q_MAX.name());
        if (!(qLo < qHi)) {
            throw Columns.parameterError(ID, Q_MAX.name(), "greater than quantile_range_min (" + qLo + ")", qHi);
        }
        Columns.requireNoMissing(ID, data);
        Columns.requireRows(ID, data, 1);
        int d = data.d();
        double[] center = new double[d];
        double[] lower = new double[d];
        double[] upper = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            context.checkCancelled();
            double[] column = Columns.present(data, j);
            Arrays.sort(column);
            center[j] = Quantiles.median(column);
            lower[j] = Quantiles.percentile(column, qLo);
            upper[j] = Quantiles.percentile(column, qHi);
            double range = upper[j] - lower[j];
            scale[j] = range < 10 * Math.ulp(1.0) ? 1.0 : range; // scikit-learn's _handle_zeros_in_scale
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("features", data.featureNames());
        if (data.hasCategorical()) {
            summary.put("passed_through", ColumnMap.passedThrough(data)); // categorical: codes are not scaled
        }
        summary.put("quantile_range", List.of(qLo, qHi));
        summary.put("center", SavedState.list(center));
        summary.put("quantile_low", SavedState.list(lower));
        summary.put("quantile_high", SavedState.list(upper));
        summary.put("scale", SavedState.list(scale));
        return KIND.fitted(data.featureNames(), summary, center, scale);
    }

    /**
     * Rebuilds a fit from its {@code state()}: {@code step}, {@code features} (the fitted column names),
     * and {@code center} and {@code scale}, one number per feature.
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
