package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.param.ParamViolation;
import dev.clusterlab.api.param.ParameterException;
import java.util.Arrays;
import java.util.List;

/** Checks and column helpers shared by the steps. Everything is read in {@code double}. */
final class Columns {
    private Columns() {
    }

    /**
     * Refuses missing values in a step that does not impute, naming the first one.
     *
     * @param step step id, for the message
     * @param data the dataset
     * @throws DataException if a value is NaN
     */
    static void requireNoMissing(String step, Dataset data) {
        float[] v = data.data();
        int d = data.d();
        for (int i = 0; i < v.length; i++) {
            if (Float.isNaN(v[i])) {
                throw new DataException(step + ": dataset '" + data.name() + "' has missing values (first at row "
                        + (i / d + 1) + ", column '" + data.featureNames().get(i % d)
                        + "'); only an imputing step such as 'impute' accepts them, so list one before '" + step + "'");
            }
        }
    }

    /**
     * Refuses categorical columns in a step that mixes columns (PCA), where level codes would be
     * treated as quantities.
     *
     * @param step step id
     * @param data the dataset
     * @throws DataException naming the first categorical column and the step that encodes it
     */
    static void requireNumeric(String step, Dataset data) {
        int[] cat = data.categoricalColumns();
        if (cat.length > 0) {
            throw new DataException(step + ": dataset '" + data.name() + "': column '" + data.featureNames().get(cat[0])
                    + "' is categorical; expected numeric columns only: put 'onehot' or 'ordinal' before '" + step + "'");
        }
    }

    /**
     * Refuses a dataset with no rows, on which nothing can be fitted.
     *
     * @param step step id
     * @param data the dataset
     * @param minRows the fewest rows the step needs
     */
    static void requireRows(String step, Dataset data, int minRows) {
        if (data.n() < minRows) {
            throw new DataException(step + ": dataset '" + data.name() + "': expected at least " + minRows
                    + (minRows == 1 ? " row" : " rows") + " to fit on; got " + data.n());
        }
    }

    /**
     * Checks that a dataset to transform has the columns the step was fitted on.
     *
     * @param step step id
     * @param fittedNames the feature names seen by {@code fit}
     * @param data the dataset to transform
     * @throws DataException naming the expected and the found number of columns
     */
    static void requireColumns(String step, List<String> fittedNames, Dataset data) {
        if (data.d() != fittedNames.size()) {
            throw new DataException(step + ": dataset '" + data.name() + "': expected " + fittedNames.size()
                    + " columns, as the step was fitted on (" + String.join(", ", fittedNames) + "); got " + data.d()
                    + " (" + String.join(", ", data.featureNames()) + ")");
        }
    }

    /**
     * @param data the dataset
     * @param j column
     * @return the values of column {@code j} that are not missing, widened to double
     */
    static double[] present(Dataset data, int j) {
        float[] v = data.data();
        int d = data.d();
        double[] out = new double[data.n()];
        int m = 0;
        for (int i = 0; i < data.n(); i++) {
            float x = v[i * d + j];
            if (!Float.isNaN(x)) {
                out[m++] = x;
            }
        }
        return m == out.length ? out : Arrays.copyOf(out, m);
    }

    /**
     * A rule the binder cannot check (it needs another parameter's value, or is finer than a range),
     * reported the way the binder reports its own.
     *
     * @param step step id
     * @param parameter the parameter at fault
     * @param expected what it must be: {@code greater than feature_range_min (1.0)}
     * @param found the value given
     * @return the exception to throw
     */
    static ParameterException parameterError(String step, String parameter, String expected, double found) {
        return ParameterException.of(List.of(new ParamViolation.Invalid(step, parameter, expected, String.valueOf(found))));
    }

    /**
     * @param codes the level codes present in a categorical column (integers {@code >= 0}, or -1 unseen)
     * @return the most frequent code {@code >= 0}, ties to the smallest
     */
    static double mostFrequentCode(double[] codes) {
        int max = 0;
        for (double c : codes) {
            max = Math.max(max, (int) c);
        }
        int[] counts = new int[max + 1];
        for (double c : codes) {
            if (c >= 0) {
                counts[(int) c]++;
            }
        }
        int best = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        return best;
    }
}
