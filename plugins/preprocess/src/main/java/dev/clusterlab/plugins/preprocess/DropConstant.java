package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
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
import java.util.stream.IntStream;
import org.pf4j.Extension;

/**
 * Drops the columns with zero variance, as scikit-learn's {@code VarianceThreshold(threshold=0)}:
 * a column is dropped exactly when all its values are equal (scikit-learn takes the smaller of the
 * variance and the peak-to-peak range for a zero threshold, so rounding cannot keep a constant
 * column). The other columns pass unchanged, with their names. If every column is constant nothing
 * would be left, and the step refuses the dataset.
 *
 * @since 0.1
 */
@Extension
public final class DropConstant implements Preprocessor {
    static final String ID = "drop_constant";
    private static final PreprocessorDescriptor DESCRIPTOR = new PreprocessorDescriptor(ID, List.of(),
            "Drop constant columns",
            "Removes every column whose values are all equal (scikit-learn's VarianceThreshold with threshold 0).",
            List.of(), false, List.of());
    /** The state's key for the selection, one boolean per feature. */
    private static final String KEEP = "keep";

    /** A stateless step; PF4J creates it. @since 0.1 */
    public DropConstant() {
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
        boolean[] keep = new boolean[d];
        List<String> dropped = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            boolean constant = true;
            float first = v[j];
            for (int i = 1; i < n && constant; i++) {
                constant = v[i * d + j] == first; // -0.0 == 0.0, as numpy's max - min
            }
            keep[j] = !constant;
            if (constant) {
                dropped.add(data.featureNames().get(j));
            }
        }
        if (dropped.size() == d) {
            throw new DataException(ID + ": dataset '" + data.name() + "': every column is constant ("
                    + String.join(", ", dropped) + "), so none would be left; expected at least one column that varies");
        }
        return new Fitted(data.featureNames(), keep);
    }

    /**
     * Rebuilds a fit from its {@code state()}: {@code step}, {@code features} (the fitted column names),
     * and {@code keep}, one {@code true} (kept) or {@code false} (dropped) per feature.
     *
     * @param state the saved state
     * @return the fitted step, whose {@code apply} gives the original fit's output bit for bit
     * @throws DataException naming the key that is missing or of the wrong length, or if it keeps no feature
     * @since 0.2
     */
    @Override
    public Optional<FittedPreprocessor> restore(Map<String, Object> state) {
        SavedState saved = SavedState.read(ID, state);
        boolean[] keep = saved.perFeatureFlags(KEEP);
        for (boolean k : keep) {
            if (k) {
                return Optional.of(new Fitted(saved.features(), keep));
            }
        }
        throw saved.error("'" + KEEP + "' keeps none of the " + keep.length + " features; expected at least one");
    }

    /** The fitted selection of columns. */
    private static final class Fitted implements FittedPreprocessor {
        private final List<String> fittedNames;
        private final boolean[] keep;
        private final int[] columns;
        private final Map<String, Object> summary;

        /**
         * @param fittedNames the feature names seen by {@code fit}
         * @param keep whether each column is kept (not copied: fit and restore hand over new arrays)
         */
        Fitted(List<String> fittedNames, boolean[] keep) {
            this.fittedNames = List.copyOf(fittedNames);
            this.keep = keep;
            this.columns = IntStream.range(0, keep.length).filter(j -> keep[j]).toArray();
            List<String> kept = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            for (int j = 0; j < keep.length; j++) {
                (keep[j] ? kept : dropped).add(this.fittedNames.get(j));
            }
            // Derived from the selection alone, so a restored step reports what its fit did.
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("dropped", List.copyOf(dropped));
            s.put("kept", List.copyOf(kept));
            this.summary = Collections.unmodifiableMap(s);
        }

        @Override
        public Dataset apply(Dataset data) {
            Columns.requireColumns(ID, fittedNames, data);
            Columns.requireNoMissing(ID, data);
            int d = data.d();
            int k = columns.length;
            float[] in = data.data();
            float[] out = new float[Math.multiplyExact(data.n(), k)];
            List<String> names = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                names.add(data.featureNames().get(columns[c]));
            }
            Map<Integer, List<String>> levels = new LinkedHashMap<>(); // a kept categorical column stays one
            for (int c = 0; c < k; c++) {
                if (data.isCategorical(columns[c])) {
                    levels.put(c, data.levels(columns[c]));
                }
            }
            for (int i = 0; i < data.n(); i++) {
                for (int c = 0; c < k; c++) {
                    out[i * k + c] = in[i * d + columns[c]];
                }
            }
            return data.withValues(k, out, names).withCategorical(levels);
        }

        @Override
        public Map<String, Object> summary() {
            return summary;
        }

        @Override
        public Optional<Map<String, Object>> state() {
            Map<String, Object> state = SavedState.start(ID, fittedNames);
            state.put(KEEP, SavedState.list(keep));
            return Optional.of(Collections.unmodifiableMap(state));
        }
    }
}
