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
 * @param categorical columns to read as categorical even where their first value is a number (codes,
 *     zip codes), by name or position; a column whose first value is text is categorical anyway
 * @param modelLevels a saved model's levels of its categorical raw columns, by feature name, or
 *     {@code null}: those columns are read with exactly these levels, a text not among them as
 *     {@link dev.clusterlab.api.Dataset#UNSEEN_LEVEL}
 */
public record CsvOptions(List<Object> columns, List<Object> exclude, Object labelColumn, HeaderMode header, Object weightColumn,
                         boolean allowMissing, List<String> modelFeatures, List<Object> categorical,
                         java.util.Map<String, List<String>> modelLevels) {
    /** All columns, no labels, header detected. */
    public static final CsvOptions DEFAULT = new CsvOptions(List.of(), List.of(), null, HeaderMode.AUTO);

    public CsvOptions {
        columns = List.copyOf(columns);
        exclude = List.copyOf(exclude);
        modelFeatures = modelFeatures == null ? null : List.copyOf(modelFeatures);
        categorical = List.copyOf(categorical);
        modelLevels = modelLevels == null ? null : java.util.Map.copyOf(modelLevels);
    }

    /** Options without categorical declarations or a model's levels. */
    public CsvOptions(List<Object> columns, List<Object> exclude, Object labelColumn, HeaderMode header, Object weightColumn,
                      boolean allowMissing, List<String> modelFeatures) {
        this(columns, exclude, labelColumn, header, weightColumn, allowMissing, modelFeatures, List.of(), null);
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
        return new CsvOptions(columns, exclude, labelColumn, header, weightColumn, allowMissing, names, categorical, modelLevels);
    }

    /**
     * @param names a saved model's raw feature names
     * @param levels its levels of the categorical ones, by name
     * @return these options reading those columns, the categorical ones with exactly those levels
     */
    public CsvOptions withModel(List<String> names, java.util.Map<String, List<String>> levels) {
        return new CsvOptions(columns, exclude, labelColumn, header, weightColumn, allowMissing, names, categorical, levels);
    }

    /**
     * @param columns columns declared categorical, by name or position
     * @return these options with them
     */
    public CsvOptions withCategorical(List<Object> columns) {
        return new CsvOptions(this.columns, exclude, labelColumn, header, weightColumn, allowMissing, modelFeatures, columns, modelLevels);
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
