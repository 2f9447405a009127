package dev.clusterlab.spark.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The labels of a data-mode fit as a Parquet table of {@code (row, cluster)}: {@code row} is the
 * 0-based position of the input row in input order, {@code cluster} the nearest final centre. Each
 * input partition becomes one part file, so the table is as partitioned as the input and joins back
 * to it on {@code row} (a zipWithIndex of the input gives the same numbers).
 */
public final class LabelTable {
    /** The schema: {@code row bigint, cluster int}. */
    public static final StructType SCHEMA = new StructType()
            .add("row", DataTypes.LongType, false)
            .add("cluster", DataTypes.IntegerType, false);

    private LabelTable() {
    }

    /**
     * @param input the input's path
     * @return where the labels go by default: beside the input, {@code NAME.labels}
     */
    public static String besideInput(String input) {
        String base = input.replaceAll("/+$", "");
        return base.replaceFirst("\\.(csv|parquet)$", "") + ".labels";
    }

    /**
     * @param spark the session
     * @param table the data
     * @param centres the final centres
     * @param k clusters
     * @param path where to write (replaced if it exists)
     */
    public static void write(SparkSession spark, PointTable table, float[] centres, int k, String path) {
        JavaRDD<Row> rows = Passes.labels(table, centres, k).flatMap(b -> {
            List<Row> out = new ArrayList<>(b.labels().length);
            for (int i = 0; i < b.labels().length; i++) {
                out.add(RowFactory.create(b.firstRow() + i, b.labels()[i]));
            }
            return out.iterator();
        });
        spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.Overwrite).parquet(path);
    }
}
