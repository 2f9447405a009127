package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import dev.clusterlab.api.preprocess.Preprocessor;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        List<Integer> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            boolean constant = true;
            float first = v[j];
            for (int i = 1; i < n && constant; i++) {
                constant = v[i * d + j] == first; // -0.0 == 0.0, as numpy's max - min
            }
            if (constant) {
                dropped.add(data.featureNames().get(j));
            } else {
                kept.add(j);
            }
        }
        if (kept.isEmpty()) {
            throw new DataException(ID + ": dataset '" + data.name() + "': every column is constant ("
                    + String.join(", ", dropped) + "), so none would be left; expected at least one column that varies");
        }
        int[] keep = kept.stream().mapToInt(Integer::intValue).toArray();
        List<String> fittedNames = data.featureNames();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("dropped", List.copyOf(dropped));
        summary.put("kept", keep.length == d ? fittedNames : kept.stream().map(fittedNames::get).toList());
        return new Fitted(fittedNames, keep, summary);
    }

    /** The fitted selection of columns. */
    private static final class Fitted implements FittedPreprocessor {
        private final List<String> fittedNames;
        private final int[] keep;
        private final Map<String, Object> summary;

        Fitted(List<String> fittedNames, int[] keep, Map<String, Object> summary) {
            this.fittedNames = fittedNames;
            this.keep = keep;
            this.summary = java.util.Collections.unmodifiableMap(summary);
        }

        @Override
        public Dataset apply(Dataset data) {
            Columns.requireColumns(ID, fittedNames, data);
            Columns.requireNoMissing(ID, data);
            int d = data.d();
            int k = keep.length;
            float[] in = data.data();
            float[] out = new float[Math.multiplyExact(data.n(), k)];
            List<String> names = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                names.add(data.featureNames().get(keep[c]));
            }
            for (int i = 0; i < data.n(); i++) {
                for (int c = 0; c < k; c++) {
                    out[i * k + c] = in[i * d + keep[c]];
                }
            }
            return data.withValues(k, out, names);
        }

        @Override
        public Map<String, Object> summary() {
            return summary;
        }
    }
}
