package dev.clusterlab.api.kernel;

/**
 * Receives the neighbours of one query from a range query. Called once per query, possibly from several
 * threads at once for different queries; the arrays are only valid during the call (the kernel reuses
 * them), so copy what you keep.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface NeighborSink {
    /**
     * @param query the query's row (in the indexed data, or in the query array)
     * @param ids the neighbours' rows in the indexed data, ascending
     * @param distances their distances, in the index's distance
     * @param count how many entries of {@code ids} and {@code distances} are valid
     * @since 0.1
     */
    void accept(int query, int[] ids, float[] distances, int count);
}
