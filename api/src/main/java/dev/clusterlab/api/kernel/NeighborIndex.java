package dev.clusterlab.api.kernel;

/**
 * Range and k-nearest-neighbour queries over one dataset, built once by {@link Kernels#neighborIndex}.
 * The engine chooses the structure (a grid or tree for low dimensions, blocked SIMD scans for high
 * ones); results do not depend on that choice, nor on the number of threads. Safe for concurrent
 * queries.
 *
 * <p>Range queries stream: each query's neighbours go to a {@link NeighborSink} and are then dropped,
 * so memory stays O(n + the neighbours of the queries in flight), never O(n x neighbours). Whether a
 * point is within {@code eps} is decided from direct differences (never from
 * {@code |x|² - 2x·y + |y|²}, whose rounding moves points across {@code eps}): a point is a neighbour
 * exactly when the distance computed by {@link Kernels#distance} is {@code <= eps}.
 *
 * @since 0.1
 */
public interface NeighborIndex {
    /** @return number of indexed points @since 0.1 */
    int n();

    /** @return dimension @since 0.1 */
    int d();

    /** @return the distance the index answers in @since 0.1 */
    Distance distance();

    /** @return what the engine built, for logs and benchmarks only (e.g. {@code "kd-tree 2-d"}, {@code "blocked scan"}) @since 0.1 */
    String structure();

    /**
     * The family of structure the engine chose, for callers that pick their own strategy from it (a scan
     * answers each query in O(n), so DBSCAN computes neighbourhoods in one symmetric tiled pass instead).
     *
     * @since 0.2
     */
    enum Kind {
        /** A space-partitioning tree: queries cost about O(log n + neighbours). */
        TREE,
        /** A blocked scan through the one-to-many kernel: every query costs O(n). */
        SCAN
    }

    /** @return the family of structure the engine built @since 0.2 */
    Kind kind();

    /**
     * All indexed points within {@code eps} of indexed rows {@code [fromQuery, toQuery)}, the query
     * itself included. Queries are delivered in ascending order of the query row.
     *
     * @param fromQuery first query row, inclusive
     * @param toQuery last query row, exclusive
     * @param eps the radius, in the index's distance
     * @param sink receives each query's neighbours
     * @since 0.1
     */
    void rangeQuery(int fromQuery, int toQuery, double eps, NeighborSink sink);

    /**
     * All indexed points within {@code eps} of external query points.
     *
     * @param queries row-major query points of dimension {@link #d()}
     * @param fromRow first query row, inclusive
     * @param toRow last query row, exclusive
     * @param eps the radius
     * @param sink receives each query's neighbours (query numbers are rows of {@code queries})
     * @since 0.1
     */
    void rangeQuery(float[] queries, int fromRow, int toRow, double eps, NeighborSink sink);

    /**
     * The {@code k} nearest indexed points of indexed rows {@code [fromQuery, toQuery)}, the query
     * itself included (it is its own nearest at distance 0, as in scikit-learn's core distances), in
     * ascending order of distance, ties by ascending row.
     *
     * @param fromQuery first query row, inclusive
     * @param toQuery last query row, exclusive
     * @param k neighbours per query, {@code 1 <= k <= n}
     * @param ids receives row-major {@code (toQuery - fromQuery) x k} neighbour rows
     * @param distances receives their distances, same layout
     * @since 0.1
     */
    void knn(int fromQuery, int toQuery, int k, int[] ids, float[] distances);

    /**
     * The {@code k} nearest indexed points of external query points, as {@link #knn(int, int, int, int[], float[])}.
     *
     * @param queries row-major query points
     * @param fromRow first query row, inclusive
     * @param toRow last query row, exclusive
     * @param k neighbours per query
     * @param ids receives row-major neighbour rows
     * @param distances receives their distances
     * @since 0.1
     */
    void knn(float[] queries, int fromRow, int toRow, int k, int[] ids, float[] distances);
}
