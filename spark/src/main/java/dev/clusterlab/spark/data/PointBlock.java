package dev.clusterlab.spark.data;

import java.io.Serializable;

/**
 * Up to {@link #ROWS} consecutive rows of one Spark partition as a row-major {@code float} array: the
 * layout the engine's kernels read. A cached RDD of blocks is the data of every data-mode pass.
 *
 * @param partition the Spark partition the rows come from
 * @param firstRow the first row's index within its partition
 * @param n rows in this block
 * @param d columns
 * @param x row-major {@code n x d} values
 */
public record PointBlock(int partition, long firstRow, int n, int d, float[] x) implements Serializable {
    /** Rows per block: small enough for a task's memory, large enough that a kernel call costs nothing extra. */
    public static final int ROWS = 16_384;

    /**
     * @param offsets first global row of each partition ({@link PointTable#offsets()})
     * @param i a row of this block
     * @return its row number in the whole table, in input order
     */
    public long globalRow(long[] offsets, int i) {
        return offsets[partition] + firstRow + i;
    }
}
