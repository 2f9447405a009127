package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamSpec;
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
 * Min-max scaling, as scikit-learn's {@code MinMaxScaler}: each column's observed range
 * {@code [min, max]} is mapped linearly onto {@code [feature_range_min, feature_range_max]}, as
 * {@code x * scale + offset} with {@code scale = (hi - lo) / (max - min)} and
 * {@code offset = lo - min * scale}.
 *
 * <p>A constant column ({@code max == min}) takes range 1, as in scikit-learn, so its values all map
 * to {@code feature_range_min}. New data outside the fitted range map outside the target range (no
 * clipping, scikit-learn's default).
 *
 * @since 0.1
 */
@Extension
public final class MinMax implements Preprocessor {
    static final String ID = "minmax";
    static final ParamSpec RANGE_MIN = ParamSpec.real("feature_range_min", 0.0,
            Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false,
            "lower end of the target range (scikit-learn's feature_range[0])");
    static final ParamSpec RANGE_MAX = ParamSpec.real("feature_range_max", 1.0,
            Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false,
            "upper end of the target range, greater than feature_range_min (scikit-learn's feature_range[1])");
    private static final PreprocessorDescriptor DESCRIPTOR = new PreprocessorDescriptor(ID, List.of("min_max"),
            "Min-max scaling",
            "Maps each column's observed minimum and maximum linearly onto [feature_range_min, feature_range_max] (scikit-learn's MinMaxScaler).",
            List.of(RANGE_MIN, RANGE_MAX), false, List.of());
    /** A column map on the fitted {@code scale} and {@code offset} (so named in the state and the summary). */
    private static final ColumnMap.Kind KIND = new ColumnMap.Kind(ID, false, List.of("scale", "offset"), p -> {
        double[] scale = p[0];
        double[] offset = p[1];
        return (j, x) -> x * scale[j] + offset[j];
    });

    /** A stateless step; PF4J creates it. @since 0.1 */
    public MinMax() {
    }

    @Override
    public PreprocessorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public FittedPreprocessor fit(Dataset data, Params params, ExecutionContext context) {
        double lo = params.getDouble(RANGE_MIN.name());
        double hi = params.getDouble(RANGE_MAX.name());
        if (!(lo < hi)) {
            throw Columns.parameterError(ID, RANGE_MAX.name(), "greater than feature_range_min (" + lo + ")", hi);
        }
        Columns.requireNoMissing(ID, data);
        Columns.requireRows(ID, data, 1);
        int n = data.n();
        int d = data.d();
        float[] v = data.data();
        double[] min = new double[d];
        double[] max = new double[d];
        double[] scale = new double[d];
        double[] offset = new double[d];
        for (int j = 0; j < d; j++) {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double x = v[i * d + j];
                mn = Math.min(mn, x);
                mx = Math.max(mx, x);
            }
            min[j] = mn;
            max[j] = mx;
            double range = mx - mn;
            // scikit-learn's _handle_zeros_in_scale: a range below 10 ε (float64) counts as none.
            scale[j] = (hi - lo) / (range < 10 * Math.ulp(1.0) ? 1.0 : range);
            offset[j] = lo - mn * scale[j];
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("features", data.featureNames());
        if (data.hasCategorical()) {
            summary.put("passed_through", ColumnMap.passedThrough(data)); // categorical: codes are not scaled
        }
        summary.put("feature_range", List.of(lo, hi));
        summary.put("data_min", SavedState.list(min));
        summary.put("data_max", SavedState.list(max));
        summary.put("scale", SavedState.list(scale));
        summary.put("offset", SavedState.list(offset));
        return KIND.fitted(data.featureNames(), summary, scale, offset);
    }

    /**
     * Rebuilds a fit from its {@code state()}: {@code step}, {@code features} (the fitted column names),
     * and {@code scale} and {@code offset}, one number per feature.
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
