package dev.clusterlab.host.data;

import java.util.List;

/**
 * How to read a CSV file into a dataset.
 *
 * @param columns columns to use, by header name or 0-based position; empty means all the others
 * @param exclude columns to leave out, by name or position
 * @param labelColumn ground-truth column by name or position, or {@code null}
 * @param header whether the first line is a header
 * @param weightColumn sample-weight column by name or position, or {@code null}
 * @param allowMissing whether empty cells are read as missing values (only with an imputation step)
 * @param modelFeatures the feature names a saved model was fitted on, or {@code null}: when neither
 *     {@code columns} nor {@code exclude} is given, a file with a header gives exactly those columns
 *     (by name, in the model's order) and a file without one all its columns
 */
public record CsvOptions(List<Object> columns, List<Object> exclude, Object labelColumn, HeaderMode header, Object weightColumn,
                         boolean allowMissing, List<String> modelFeatures) {
    /** All columns, no labels, header detected. */
    public static final CsvOptions DEFAULT = new CsvOptions(List.of(), List.of(), null, HeaderMode.AUTO);

    public CsvOptions {
        columns = List.copyOf(columns);
        exclude = List.copyOf(exclude);
        modelFeatures = modelFeatures == null ? null : List.copyOf(modelFeatures);
    }

    /** Options without a model's feature names. */
    public CsvOptions(List<Object> columns, List<Object> exclude, Object labelColumn, HeaderMode header, Object weightColumn,
                      boolean allowMissing) {
        this(columns, exclude, labelColumn, header, weightColumn, allowMissing, null);
    }

    /**
     * @param names the feature names a saved model was fitted on
     * @return these options choosing those columns when no columns are given
     */
    public CsvOptions withModelFeatures(List<String> names) {
        return new CsvOptions(columns, exclude, labelColumn, header, weightColumn, allowMissing, names);
    }

    /**
     * Options without weights, missing values not allowed.
     *
     * @param columns feature columns
     * @param exclude excluded columns
     * @param labelColumn label column or {@code null}
     * @param header header mode
     */
    public CsvOptions(List<Object> columns, List<Object> exclude, Object labelColumn, HeaderMode header) {
        this(columns, exclude, labelColumn, header, null, false);
    }
}
