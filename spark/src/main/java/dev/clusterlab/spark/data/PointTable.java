package dev.clusterlab.spark.data;

import dev.clusterlab.api.DataException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * A numeric table as cached blocks of {@code float} rows ({@link PointBlock}), with each partition's
 * first row number so that labels can be written in input order.
 *
 * @param blocks the cached blocks
 * @param n rows
 * @param d columns
 * @param columns the columns' names
 * @param offsets first global row of each partition
 */
public record PointTable(JavaRDD<PointBlock> blocks, long n, int d, List<String> columns, long[] offsets) {

    /**
     * Converts and caches a table whose columns are all numeric. A null, NaN or infinite cell is refused
     * with its column and row.
     *
     * @param table the columns to cluster
     * @param name the table's name, for messages
     * @return the blocks, cached in memory
     */
    public static PointTable of(Dataset<Row> table, String name) {
        List<String> columns = List.of(table.columns());
        int d = columns.size();
        Column[] floats = columns.stream().map(c -> table.col("`" + c + "`").cast("float")).toArray(Column[]::new);
        JavaRDD<PointBlock> blocks = table.select(floats).javaRDD()
                .mapPartitionsWithIndex((p, rows) -> toBlocks(p, rows, d, columns, name), true)
                .persist(StorageLevel.MEMORY_ONLY());
        List<long[]> counts = blocks.map(b -> new long[] {b.partition(), b.n()}).collect();
        long[] offsets = new long[blocks.getNumPartitions() + 1];
        for (long[] c : counts) {
            offsets[(int) c[0] + 1] += c[1];
        }
        for (int p = 1; p < offsets.length; p++) {
            offsets[p] += offsets[p - 1];
        }
        long n = offsets[offsets.length - 1];
        if (n == 0) {
            throw new DataException(name + ": the table has no rows");
        }
        return new PointTable(blocks, n, d, columns, java.util.Arrays.copyOf(offsets, offsets.length - 1));
    }

    /** Releases the cached blocks. */
    public void release() {
        blocks.unpersist(false);
    }

    private static Iterator<PointBlock> toBlocks(int partition, Iterator<Row> rows, int d, List<String> columns, String name) {
        List<PointBlock> out = new ArrayList<>();
        float[] x = new float[PointBlock.ROWS * d];
        int n = 0;
        long first = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            for (int j = 0; j < d; j++) {
                if (r.isNullAt(j) || !Float.isFinite(r.getFloat(j))) {
                    throw new DataException(name + ": column '" + columns.get(j) + "', row " + (first + n + 1) + " of partition "
                            + partition + ": expected a finite number; got " + (r.isNullAt(j) ? "an empty cell" : r.getFloat(j)));
                }
                x[n * d + j] = r.getFloat(j);
            }
            if (++n == PointBlock.ROWS) {
                out.add(new PointBlock(partition, first, n, d, x));
                first += n;
                x = new float[PointBlock.ROWS * d];
                n = 0;
            }
        }
        if (n > 0) {
            out.add(new PointBlock(partition, first, n, d, java.util.Arrays.copyOf(x, n * d)));
        }
        return out.iterator();
    }
}
