package dev.clusterlab.api.kernel;

/**
 * Nearest-centroid assignment against one fixed set of centroids, prepared once (packed, norms
 * computed) by {@link Kernels#centroidAssigner} and then applied to any number of row ranges, from any
 * number of threads at once. Distances are squared Euclidean.
 *
 * <p>Ties go to the smallest centroid index. The distances written are the kernel's own (the vector
 * implementation uses {@code |x|² - 2x·c + |c|²}, clamped at zero): good for choosing the nearest, not
 * for decisions at a threshold.
 *
 * @since 0.1
 */
public interface CentroidAssigner {
    /** @return number of centroids @since 0.1 */
    int k();

    /** @return dimension @since 0.1 */
    int d();

    /**
     * Assigns rows {@code [fromRow, toRow)} of a row-major {@code points} array.
     *
     * @param points row-major points of dimension {@link #d()}
     * @param fromRow first row, inclusive
     * @param toRow last row, exclusive
     * @param labels receives the nearest centroid of row {@code i} at index {@code i}
     * @param squaredDistances receives the squared distance to it at index {@code i}, or {@code null}
     * @since 0.1
     */
    void assign(float[] points, int fromRow, int toRow, int[] labels, float[] squaredDistances);
}
