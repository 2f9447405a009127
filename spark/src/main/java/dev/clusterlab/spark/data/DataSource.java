package dev.clusterlab.spark.data;

import dev.clusterlab.api.UserInputException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * A table Spark reads (CSV with a header, or Parquet; any path Spark understands: local, {@code hdfs://},
 * {@code s3a://}) and the numeric columns to cluster, picked as an experiment's dataset picks them:
 * {@code columns} (names or 0-based positions) or else every numeric column but those in {@code exclude}.
 *
 * @param path where the table is
 * @param format {@code csv} or {@code parquet}; {@code null} guesses from the path's extension (parquet unless it ends in .csv)
 * @param columns columns to use, or empty
 * @param exclude columns to leave out
 */
public record DataSource(String path, String format, List<String> columns, List<String> exclude) {
    public DataSource {
        columns = List.copyOf(columns);
        exclude = List.copyOf(exclude);
    }

    /** @return {@code csv} or {@code parquet} */
    public String resolvedFormat() {
        if (format != null) {
            return format;
        }
        return path.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? "csv" : "parquet";
    }

    /**
     * @param spark the session
     * @return the table with only the chosen columns, in their order
     * @throws UserInputException naming the path and the column when a column is unknown or not numeric
     */
    public Dataset<Row> read(SparkSession spark) {
        String f = resolvedFormat();
        Dataset<Row> df = switch (f) {
            case "csv" -> spark.read().option("header", "true").option("inferSchema", "true").csv(path);
            case "parquet" -> spark.read().parquet(path);
            default -> throw new UserInputException(path + ": format must be csv or parquet; got '" + f + "'");
        };
        StructField[] fields = df.schema().fields();
        List<String> chosen = new ArrayList<>();
        if (!columns.isEmpty()) {
            for (String c : columns) {
                chosen.add(field(fields, c).name());
            }
        } else {
            List<String> left = exclude.stream().map(c -> field(fields, c).name()).toList();
            for (StructField s : fields) {
                if (!left.contains(s.name()) && s.dataType() instanceof NumericType) {
                    chosen.add(s.name());
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new UserInputException(path + ": no numeric column to cluster; the columns are " + names(fields));
        }
        for (String c : chosen) {
            StructField s = field(fields, c);
            if (!(s.dataType() instanceof NumericType)) {
                throw new UserInputException(path + ": column '" + c + "' is " + s.dataType().simpleString()
                        + ", not numeric; leave it out with exclude");
            }
        }
        return df.select(chosen.stream().map(c -> df.col("`" + c + "`")).toArray(org.apache.spark.sql.Column[]::new));
    }

    private StructField field(StructField[] fields, String nameOrPosition) {
        for (StructField s : fields) {
            if (s.name().equals(nameOrPosition)) {
                return s;
            }
        }
        if (nameOrPosition.matches("\\d+")) {
            int i = Integer.parseInt(nameOrPosition);
            if (i < fields.length) {
                return fields[i];
            }
        }
        throw new UserInputException(path + ": no column '" + nameOrPosition + "'; the columns are " + names(fields));
    }

    private static String names(StructField[] fields) {
        return java.util.Arrays.stream(fields).map(StructField::name).toList().toString();
    }
}
