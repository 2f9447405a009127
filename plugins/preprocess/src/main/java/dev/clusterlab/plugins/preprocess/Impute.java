package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamChoice;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import dev.clusterlab.api.preprocess.Preprocessor;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Missing-value imputation, as scikit-learn's {@code SimpleImputer}: every missing value (NaN, an
 * empty cell of the input file) is replaced by its column's mean or median over the values that are
 * present; present values pass unchanged. This is the only built-in step whose descriptor says it
 * {@code imputes}, so the only one that accepts a dataset with empty cells.
 *
 * <p>A categorical column's missing level is the column's most frequent level (ties to the first in
 * level order), whatever the strategy, as PyCaret's {@code categorical_imputation = "mode"}.
 *
 * <p>A column with no value present cannot be imputed: where scikit-learn drops it with a warning,
 * this step refuses it with a {@link DataException} naming the column, since silently losing a
 * column would change the experiment.
 *
 * @since 0.1
 */
@Extension
public final class Impute implements Preprocessor {
    static final String ID = "impute";

    /** The statistic that replaces a missing value; its ids are the words of {@link #STRATEGY}. */
    enum Strategy implements ParamChoice {
        MEAN("mean"),
        MEDIAN("median");

        private final String id;

        Strategy(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    static final ParamSpec STRATEGY = ParamSpec.choice("strategy", Strategy.class, Strategy.MEAN,
            "the value that replaces a missing one: its column's mean or median over the values present");
    private static final PreprocessorDescriptor DESCRIPTOR = new PreprocessorDescriptor(ID, List.of(),
            "Missing-value imputation",
            "Replaces each missing value by the mean or median of the values present in its column (scikit-learn's SimpleImputer); in a categorical column by its most frequent level.",
            List.of(STRATEGY), true, List.of());
    /**
     * A column map on the fitted {@code statistics} (so named in the state and the summary). They stay
     * double there, and are rounded to float once here, as the output is.
     */
    private static final ColumnMap.Kind KIND = new ColumnMap.Kind(ID, true, List.of("statistics"), p -> {
        float[] filled = new float[p[0].length];
        for (int j = 0; j < filled.length; j++) {
            filled[j] = (float) p[0][j];
        }
        return (j, x) -> Double.isNaN(x) ? filled[j] : x;
    });

    /** A stateless step; PF4J creates it. @since 0.1 */
    public Impute() {
    }

    @Override
    public PreprocessorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public FittedPreprocessor fit(Dataset data, Params params, ExecutionContext context) {
        Strategy strategy = params.getEnum(STRATEGY.name(), Strategy.class);
        int d = data.d();
        double[] fill = new double[d];
        long[] missing = new long[d];
        List<String> empty = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double[] present = Columns.present(data, j);
            missing[j] = data.n() - present.length;
            if (present.length == 0) {
                empty.add("'" + data.featureNames().get(j) + "'");
                continue;
            }
            if (data.isCategorical(j)) {
                fill[j] = Columns.mostFrequentCode(present); // PyCaret's categorical_imputation 'mode'
            } else if (strategy == Strategy.MEDIAN) {
                Arrays.sort(present);
                fill[j] = Quantiles.median(present);
            } else {
                double sum = 0;
                for (double x : present) {
                    sum += x;
                }
                fill[j] = sum / present.length;
            }
        }
        if (!empty.isEmpty()) {
            throw new DataException(ID + ": dataset '" + data.name() + "': column" + (empty.size() > 1 ? "s " : " ")
                    + String.join(", ", empty) + " must have at least one value present to compute the " + strategy.id()
                    + "; got none (drop the column from the dataset instead)");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("features", data.featureNames());
        summary.put("strategy", strategy.id());
        summary.put("statistics", SavedState.list(fill));
        summary.put("missing", Arrays.stream(missing).boxed().toList());
        if (data.hasCategorical()) {
            summary.put("most_frequent_level_in", ColumnMap.passedThrough(data));
        }
        return KIND.fitted(data.featureNames(), summary, fill);
    }

    /**
     * Rebuilds a fit from its {@code state()}: {@code step}, {@code features} (the fitted column names),
     * and {@code statistics}, the value that replaces a missing one, one number per feature.
     *
     * @param state the saved state
     * @return the fitted step, whose {@code apply} gives the original fit's output bit for bit
     * @throws DataException naming the key that is missing or of the wrong length
     * @since 0.2
     */
    @Override
    public Optional<FittedPreprocessor> restore(Map<String, Object> state) {
        return Optional.of(KIND.restore(state));
    }
}
