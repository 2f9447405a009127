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

    /**
     * As {@link #assign}, also giving the squared distance to the second-nearest centroid (the upper and
     * lower bounds of Elkan's and Hamerly's accelerations). With {@code k == 1} the second distance is
     * {@code +inf}.
     *
     * @param points row-major points
     * @param fromRow first row, inclusive
     * @param toRow last row, exclusive
     * @param labels receives the nearest centroid
     * @param squaredDistances receives the squared distance to it
     * @param secondSquaredDistances receives the squared distance to the second nearest
     * @since 0.1
     */
    void assignWithSecond(float[] points, int fromRow, int toRow, int[] labels, float[] squaredDistances,
                          float[] secondSquaredDistances);

    /**
     * Assigns rows {@code [fromRow, toRow)} and, in the same pass while the rows are in cache, adds
     * each row (times its weight) to its centroid's running sum: the fused E- and M-step of Lloyd's
     * algorithm. Sums are in {@code double}; call it per fixed chunk with per-chunk accumulators and
     * merge them in chunk order for results that do not depend on the thread count.
     *
     * @param points row-major points
     * @param weights one weight per row of {@code points}, or {@code null} for 1
     * @param fromRow first row, inclusive
     * @param toRow last row, exclusive
     * @param labels receives the nearest centroid
     * @param squaredDistances receives the squared distance to it, or {@code null}
     * @param sums {@code k x d} running sums, added to
     * @param totalWeights {@code k} running sums of weights (counts without weights), added to
     * @since 0.1
     */
    default void assignAndAccumulate(float[] points, float[] weights, int fromRow, int toRow, int[] labels,
                                     float[] squaredDistances, double[] sums, double[] totalWeights) {
        // Reference semantics: assign, then add. Engines override it with a pass that does both at once.
        assign(points, fromRow, toRow, labels, squaredDistances);
        int d = d();
        for (int i = fromRow; i < toRow; i++) {
            int c = labels[i];
            double w = weights == null ? 1.0 : weights[i];
            totalWeights[c] += w;
            int o = i * d;
            int so = c * d;
            for (int j = 0; j < d; j++) {
                sums[so + j] += w * points[o + j];
            }
        }
    }
}
