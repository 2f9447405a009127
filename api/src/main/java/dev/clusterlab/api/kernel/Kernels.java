package dev.clusterlab.api.kernel;

/**
 * Distance kernels, one implementation chosen per process (scalar reference or Vector API).
 * Accumulation is in {@code float}; callers that decide results from long sums accumulate those
 * in {@code double} themselves.
 *
 * @since 0.1
 */
public interface Kernels {
    /** @return {@code "vector"} or {@code "scalar"} @since 0.1 */
    String implementation();

    /** @return a human description, e.g. {@code "Vector API, 512-bit, 16 float lanes"} @since 0.1 */
    String description();

    /**
     * @param a first vector's array
     * @param aOffset start of the first vector
     * @param b second vector's array
     * @param bOffset start of the second vector
     * @param length dimension
     * @return {@code Σ (a_i - b_i)²}
     * @since 0.1
     */
    float squaredEuclidean(float[] a, int aOffset, float[] b, int bOffset, int length);

    /**
     * @param a first vector's array
     * @param aOffset start of the first vector
     * @param b second vector's array
     * @param bOffset start of the second vector
     * @param length dimension
     * @return {@code Σ a_i b_i}
     * @since 0.1
     */
    float dot(float[] a, int aOffset, float[] b, int bOffset, int length);

    /**
     * @param a first vector's array
     * @param aOffset start of the first vector
     * @param b second vector's array
     * @param bOffset start of the second vector
     * @param length dimension
     * @return {@code 1 - a·b/(|a||b|)}, or 1 when either vector is zero
     * @since 0.1
     */
    float cosineDistance(float[] a, int aOffset, float[] b, int bOffset, int length);

    /**
     * One-to-one distance of any kind, computed from direct differences (safe for threshold decisions).
     *
     * @param distance which distance
     * @param a first vector's array
     * @param aOffset start of the first vector
     * @param b second vector's array
     * @param bOffset start of the second vector
     * @param length dimension
     * @return the distance
     * @since 0.1
     */
    float distance(Distance distance, float[] a, int aOffset, float[] b, int bOffset, int length);

    /**
     * One-to-many: the distance from one query vector to rows {@code [fromRow, toRow)} of a row-major
     * matrix, written to {@code out[outOffset + (row - fromRow)]}.
     *
     * @param distance which distance
     * @param query the query's array
     * @param queryOffset start of the query
     * @param rows row-major matrix of dimension {@code d}
     * @param fromRow first row, inclusive
     * @param toRow last row, exclusive
     * @param d dimension
     * @param out receives the distances
     * @param outOffset where the first distance goes
     * @since 0.1
     */
    void distances(Distance distance, float[] query, int queryOffset, float[] rows, int fromRow, int toRow, int d,
                   float[] out, int outOffset);

    /**
     * Many-to-many: a block of distances between rows {@code [aFrom, aTo)} of {@code a} and rows
     * {@code [bFrom, bTo)} of {@code b}, written row-major to {@code out}: the distance of a-row
     * {@code i} and b-row {@code j} at {@code (i - aFrom) * (bTo - bFrom) + (j - bFrom)}. Callers tile a
     * large matrix into blocks that fit in cache (silhouette, affinity matrices, linkage).
     *
     * @param distance which distance
     * @param a row-major matrix
     * @param aFrom first a-row, inclusive
     * @param aTo last a-row, exclusive
     * @param b row-major matrix (may be {@code a})
     * @param bFrom first b-row, inclusive
     * @param bTo last b-row, exclusive
     * @param d dimension of both
     * @param out receives {@code (aTo - aFrom) x (bTo - bFrom)} distances
     * @since 0.1
     */
    void pairwise(Distance distance, float[] a, int aFrom, int aTo, float[] b, int bFrom, int bTo, int d, float[] out);

    /**
     * One-to-many squared Euclidean distances to rows held column by column (structure of arrays):
     * coordinate {@code k} of row {@code r} is {@code columns[k * stride + r]}, and
     * {@code out[outOffset + (r - fromRow)] = sum_k (query[queryOffset + k] - columns[k * stride + r])^2},
     * summed over {@code k} in ascending order, each term rounded before it is added: the same bits as
     * the scalar {@link #squaredEuclidean} of the row. Vectorised across rows, it suits low dimensions,
     * where a row is shorter than a vector, and sets of rows that change (centroids of merging clusters).
     * A row with an infinite coordinate is at infinite distance.
     *
     * @param query the query's array
     * @param queryOffset start of the query
     * @param columns the rows, column by column
     * @param stride distance between the starts of two columns, at least {@code toRow}
     * @param fromRow first row, inclusive
     * @param toRow last row, exclusive
     * @param d dimension
     * @param out receives the squared distances
     * @param outOffset where the first goes
     * @since 0.2
     */
    void squaredEuclideanToColumns(float[] query, int queryOffset, float[] columns, int stride, int fromRow, int toRow, int d,
                                   float[] out, int outOffset);

    /**
     * Prepares nearest-centroid assignment against {@code k} centroids (packed once, reused for many
     * row ranges).
     *
     * @param centroids row-major {@code k x d} centroids; copied, so later changes do not leak in
     * @param k number of centroids, at least 1
     * @param d dimension
     * @return the assigner
     * @since 0.1
     */
    CentroidAssigner centroidAssigner(float[] centroids, int k, int d);

    /**
     * Builds a range and k-nearest-neighbour index over a dataset.
     *
     * @param data row-major points; not copied, must not change while the index is used
     * @param n number of rows
     * @param d dimension
     * @param distance the distance to answer in
     * @return the index
     * @since 0.1
     */
    NeighborIndex neighborIndex(float[] data, int n, int d, Distance distance);

    /**
     * The minimum spanning tree of the complete graph on the rows under the mutual reachability distance
     * {@code max(core(a), core(b), dist(a, b))}, or under the plain distance when {@code core} is
     * {@code null} (single linkage). The engine chooses the algorithm (Boruvka over a kd-tree in low
     * dimensions, Prim over spatially compact blocks for other metric distances, plain Prim otherwise);
     * all give the same tree in the same order when the tree is unique, and none depends on the thread
     * count. Distances come from these kernels. Memory {@code O(n)} beyond a reordered copy of the data: no
     * distance matrix is held.
     *
     * @param data row-major points; not copied, must not change during the call
     * @param n number of rows, at least 1
     * @param d dimension
     * @param distance the distance
     * @param core per row, its core distance, or {@code null} for none
     * @param context the executor for parallel work, and cancellation (checked between steps)
     * @param progress receives the tree's own progress, fractions in {@code [0, 1]}
     * @return the tree, edges in Prim's order from row 0
     * @throws dev.clusterlab.api.exec.CancelledException if the context is cancelled
     * @since 0.2
     */
    SpanningTree spanningTree(float[] data, int n, int d, Distance distance, float[] core,
                              dev.clusterlab.api.exec.ExecutionContext context,
                              dev.clusterlab.api.exec.ProgressListener progress);

    /**
     * Lays the rows out in spatially compact blocks with a ball around each, for blocked scans that skip
     * far blocks by the triangle inequality.
     *
     * @param data row-major points; copied into the layout
     * @param n number of rows
     * @param d dimension
     * @param distance the distance the balls are measured in
     * @param blockRows rows per block, at least 1
     * @return the layout
     * @since 0.2
     */
    CompactBlocks compactBlocks(float[] data, int n, int d, Distance distance, int blockRows);
}
