package dev.clusterlab.api.exec;

import java.util.List;

/**
 * Deterministic data parallelism. Work over {@code n} items is cut into chunks of {@code chunkSize}
 * whose boundaries depend only on {@code n} and {@code chunkSize}, never on the number of threads;
 * results come back in chunk order, so combining them in list order gives the same bits with 1 or 16
 * threads.
 *
 * @since 0.1
 */
public interface Parallel {
    /** @return the number of worker threads, at least 1 @since 0.1 */
    int threads();

    /**
     * A body over one chunk {@code [from, to)}.
     *
     * @since 0.1
     */
    @FunctionalInterface
    interface ChunkTask {
        /**
         * @param chunk 0-based chunk index
         * @param from first item, inclusive
         * @param to last item, exclusive
         */
        void run(int chunk, int from, int to);
    }

    /**
     * A function of one chunk {@code [from, to)}.
     *
     * @param <T> the partial result
     * @since 0.1
     */
    @FunctionalInterface
    interface ChunkFunction<T> {
        /**
         * @param chunk 0-based chunk index
         * @param from first item, inclusive
         * @param to last item, exclusive
         * @return the chunk's partial result
         */
        T apply(int chunk, int from, int to);
    }

    /**
     * Runs {@code task} on every chunk, in parallel, and returns when all are done. An exception in
     * one chunk is rethrown here (the first by chunk order).
     *
     * @param n number of items
     * @param chunkSize items per chunk (the last may be shorter), at least 1
     * @param task the body
     * @since 0.1
     */
    void forEachChunk(int n, int chunkSize, ChunkTask task);

    /**
     * Applies {@code fn} to every chunk in parallel and returns the results in chunk order.
     *
     * @param <T> the partial result
     * @param n number of items
     * @param chunkSize items per chunk, at least 1
     * @param fn the function
     * @return one result per chunk, in chunk order
     * @since 0.1
     */
    <T> List<T> mapChunks(int n, int chunkSize, ChunkFunction<T> fn);

    /**
     * @param n number of items
     * @param chunkSize items per chunk
     * @return number of chunks {@code ceil(n / chunkSize)}
     * @since 0.1
     */
    static int chunkCount(int n, int chunkSize) {
        return n == 0 ? 0 : (n - 1) / chunkSize + 1;
    }
}
