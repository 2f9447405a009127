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
 * Max-abs scaling, as scikit-learn's {@code MaxAbsScaler}: each column is divided by its largest
 * absolute value, so it lies in {@code [-1, 1]}; nothing is shifted, so zeros stay zeros. An all-zero
 * column keeps scale 1.
 *
 * @since 0.1
 */
@Extension
public final class MaxAbs implements Preprocessor {
    static final String ID = "maxabs";
    private static final PreprocessorDescriptor DESCRIPTOR = new PreprocessorDescriptor(ID, List.of("max_abs"),
            "Max-abs scaling",
            "Divides each column by its largest absolute value, without shifting it (scikit-learn's MaxAbsScaler).",
            List.of(), false, List.of());
    /** A column map on the fitted {@code scale} (so named in the state and the summary). */
    private static final ColumnMap.Kind KIND = new ColumnMap.Kind(ID, false, List.of("scale"), p -> {
        double[] scale = p[0];
        return (j, x) -> x / scale[j];
    });

    /** A stateless step; PF4J creates it. @since 0.1 */
    public MaxAbs() {
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
        double[] maxAbs = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m = Math.max(m, Math.abs((double) v[i * d + j]));
            }
            maxAbs[j] = m;
            scale[j] = m < 10 * Math.ulp(1.0) ? 1.0 : m; // scikit-learn's _handle_zeros_in_scale
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("features", data.featureNames());
        if (data.hasCategorical()) {
            summary.put("passed_through", ColumnMap.passedThrough(data)); // categorical: codes are not scaled
        }
        summary.put("max_abs", SavedState.list(maxAbs));
        summary.put("scale", SavedState.list(scale));
        return KIND.fitted(data.featureNames(), summary, scale);
    }

    /**
     * Rebuilds a fit from its {@code state()}: {@code step}, {@code features} (the fitted column names),
     * and {@code scale}, one number per feature.
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
