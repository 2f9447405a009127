package dev.clusterlab.api.kernel;

/**
 * A minimum spanning tree over the rows of a dataset, built by {@link Kernels#spanningTree}: {@code n - 1}
 * edges in the order Prim's algorithm adds them when started at row 0 (the cheapest edge leaving the rows
 * reached so far, ties to the lowest new row), each written as {@code (row reached, new row, weight)}.
 * That order is what single-linkage and HDBSCAN* hierarchies are read from, so it is part of the
 * contract whichever algorithm the engine ran.
 *
 * @param source per edge, the row already in the tree
 * @param target per edge, the row the edge adds
 * @param weight per edge, its weight: {@code max(core(source), core(target), dist(source, target))}
 * @since 0.2
 */
public record SpanningTree(int[] source, int[] target, float[] weight) {
    /**
     * @throws IllegalArgumentException if the three arrays differ in length
     * @since 0.2
     */
    public SpanningTree {
        if (source.length != target.length || source.length != weight.length) {
            throw new IllegalArgumentException("source, target and weight differ in length: " + source.length + ", "
                    + target.length + ", " + weight.length);
        }
    }

    /** @return the number of edges, {@code n - 1} @since 0.2 */
    public int edges() {
        return source.length;
    }
}
