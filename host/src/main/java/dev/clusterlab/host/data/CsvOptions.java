package dev.clusterlab.host.data;

import java.util.List;

/**
 * How to read a CSV file into a dataset.
 *
 * @param columns columns to use, by header name or 0-based position; empty means all the others
 * @param exclude columns to leave out, by name or position
 * @param labelColumn ground-truth column by name or position, or {@code null}
 * @param header {@code auto} (a first row with any non-empty, non-numeric field is a header), {@code true} or {@code false}
 * @param weightColumn sample-weight column by name or position, or {@code null}
 * @param allowMissing whether empty cells are read as missing values (only with an imputation step)
 */
public record CsvOptions(List<Object> columns, List<Object> exclude, Object labelColumn, String header, Object weightColumn,
                         boolean allowMissing) {
    /** All columns, no labels, header detected. */
    public static final CsvOptions DEFAULT = new CsvOptions(List.of(), List.of(), null, "auto");

    public CsvOptions {
        columns = List.copyOf(columns);
        exclude = List.copyOf(exclude);
    }

    /**
     * Options without weights, missing values not allowed.
     *
     * @param columns feature columns
     * @param exclude excluded columns
     * @param labelColumn label column or {@code null}
     * @param header header mode
     */
    public CsvOptions(List<Object> columns, List<Object> exclude, Object labelColumn, String header) {
        this(columns, exclude, labelColumn, header, null, false);
    }
}
