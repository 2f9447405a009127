package com.example.kcenter;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParamViolation;
import dev.clusterlab.api.param.ParameterException;
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
 * Clips every numeric column to {@code [lower, upper]} (numpy's {@code clip}); categorical columns pass
 * through, missing values are refused (impute them first). After {@code standardize}, the defaults cap outliers at three standard
 * deviations. Its saved state ({@code step}, {@code features}, {@code lower}, {@code upper}) lets a saved
 * model apply it again with {@link #restore}.
 */
@Extension
public final class Clip implements Preprocessor {
    static final String ID = "clip";
    private static final PreprocessorDescriptor DESCRIPTOR = new PreprocessorDescriptor(ID, List.of(), "Clip to a range",
            "Limits every numeric value to [lower, upper].",
            List.of(ParamSpec.real("lower", -3.0, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, "smallest value kept"),
                    ParamSpec.real("upper", 3.0, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, "largest value kept")),
            false, List.of());

    /** PF4J creates it. */
    public Clip() {
    }

    @Override
    public PreprocessorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public FittedPreprocessor fit(Dataset data, Params params, ExecutionContext context) {
        double lower = params.getDouble("lower");
        double upper = params.getDouble("upper");
        if (!(lower <= upper)) { // a rule between two parameters: the binder checks each one alone
            throw ParameterException.of(List.of(new ParamViolation.Invalid(ID, "upper", "a number >= lower (" + lower + ")",
                    String.valueOf(upper))));
        }
        return new Fitted(data.featureNames(), lower, upper);
    }

    @Override
    public Optional<FittedPreprocessor> restore(Map<String, Object> state) {
        if (state == null || !ID.equals(state.get("step"))) {
            throw new DataException(ID + ": saved state: expected \"step\": \"clip\"; got " + state);
        }
        if (!(state.get("features") instanceof List<?> names) || !(state.get("lower") instanceof Number lower)
                || !(state.get("upper") instanceof Number upper)) {
            throw new DataException(ID + ": saved state: needs 'features' (a list), 'lower' and 'upper' (numbers); got " + state);
        }
        return Optional.of(new Fitted(names.stream().map(String::valueOf).toList(), lower.doubleValue(), upper.doubleValue()));
    }

    /** The fitted step: the range and the column names it was fitted on. */
    private record Fitted(List<String> features, double lower, double upper) implements FittedPreprocessor {
        @Override
        public Dataset apply(Dataset data) {
            if (!data.featureNames().equals(features)) {
                throw new DataException(ID + ": fitted on columns " + features + " but given " + data.featureNames());
            }
            if (data.hasMissing()) {
                throw new DataException(ID + ": the dataset '" + data.name() + "' has missing values; put impute before clip");
            }
            float lo = (float) lower;
            float hi = (float) upper;
            float[] x = data.data().clone();
            int d = data.d();
            for (int j : data.numericColumns()) {
                for (int i = j; i < x.length; i += d) {
                    if (x[i] < lo) {
                        x[i] = lo;
                    } else if (x[i] > hi) {
                        x[i] = hi;
                    }
                }
            }
            return data.withValues(d, x, features).withCategorical(data.categoricalLevels());
        }

        @Override
        public Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("features", features);
            summary.put("lower", lower);
            summary.put("upper", upper);
            return summary;
        }

        @Override
        public Optional<Map<String, Object>> state() {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("step", ID);
            state.putAll(summary());
            return Optional.of(state);
        }
    }
}
