package dev.clusterlab.api.kernel;

/**
 * The rows of a dataset reordered so that every aligned block of {@code blockRows} rows is spatially
 * compact, with a ball around each block (its mean and the largest distance from the mean to its rows),
 * built by {@link Kernels#compactBlocks}. For a metric distance (triangle inequality)
 * {@code dist(p, q) >= dist(p, centre) - radius} for every row {@code q} of a block, which lets blocked
 * scans (DBSCAN's tiled neighbourhoods, Prim's spanning tree, linkage) skip whole blocks. Deterministic:
 * the layout depends on the data only.
 *
 * @param perm position to original row
 * @param rows the reordered copy, row-major, position by position
 * @param centres per block, its mean (row-major)
 * @param radii per block, the largest distance from its mean to its rows
 * @param blockRows rows per block (the last block may be shorter)
 * @since 0.2
 */
public record CompactBlocks(int[] perm, float[] rows, float[] centres, float[] radii, int blockRows) {
    /** @return the number of blocks @since 0.2 */
    public int blocks() {
        return radii.length;
    }

    /**
     * A lower bound, conservative by a slack far above float rounding, on the distance from a point at
     * distance {@code toCentre} of block {@code block}'s centre to any row of the block.
     *
     * @param toCentre the point's distance to the block's centre
     * @param block the block
     * @return a value at most the distance to every row of the block
     * @since 0.2
     */
    public double lowerBound(double toCentre, int block) {
        double r = radii[block];
        return toCentre - r - 1e-5 * (toCentre + r) - 1e-30;
    }
}
