package dev.clusterlab.engine;

/**
 * Working arrays of the neighbour indexes' queries, kept per thread and per index so that a query call
 * allocates nothing once the arrays have grown to the sizes it needs (the api's query methods take no
 * scratch argument; the issue asks for zero allocation per kernel call). Arrays that grow are stored back,
 * so they stay grown for the next call.
 *
 * <p>A sink may query the same index again from inside its callback, on the same thread: the scratch is
 * then in use, and the nested call gets its own (allocated) one.
 */
final class QueryScratch {
    private boolean inUse;

    // the blocked scan (ScanNeighborIndex)
    float[] block = new float[0];
    int[][] groupIds;
    float[][] groupDists;
    int[] groupCounts;
    TopK[] groupTops;

    // the kd-tree (KdTreeIndex)
    int[] stack = new int[64];
    long[] found = new long[64];
    int[] ids = new int[64];
    float[] dists = new float[64];
    TopK top;

    /** The thread's scratch of one index. */
    static final class PerThread extends ThreadLocal<QueryScratch> {
        @Override
        protected QueryScratch initialValue() {
            return new QueryScratch();
        }

        /** @return this thread's scratch, or a new one if a call on this thread is still using it */
        QueryScratch acquire() {
            QueryScratch s = get();
            if (s.inUse) {
                s = new QueryScratch();
            }
            s.inUse = true;
            return s;
        }
    }

    /** Ends the use started by {@link PerThread#acquire()}. */
    void release() {
        inUse = false;
    }

    /** @return a block of at least {@code rows} distances */
    float[] block(int rows) {
        if (block.length < rows) {
            block = new float[rows];
        }
        return block;
    }

    /** Sizes the group arrays of a scan for {@code group} queries (kept between calls). */
    void group(int group) {
        if (groupIds == null || groupIds.length < group) {
            groupIds = new int[group][16];
            groupDists = new float[group][16];
            groupCounts = new int[group];
            groupTops = new TopK[group];
        }
    }

    /** @return the scan's heap for slot {@code slot}, holding {@code k} */
    TopK groupTop(int slot, int k) {
        TopK t = groupTops[slot];
        if (t == null || t.capacity() != k) {
            t = new TopK(k);
            groupTops[slot] = t;
        }
        return t;
    }

    /** @return the kd-tree's heap, holding {@code k} */
    TopK top(int k) {
        if (top == null || top.capacity() != k) {
            top = new TopK(k);
        }
        return top;
    }
}
