package dev.clusterlab.engine;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.NeighborIndex;
import dev.clusterlab.api.kernel.NeighborSink;
import java.util.Arrays;

/**
 * The reference neighbour index and the high-dimensional one: every query scans all points in blocks
 * through the one-to-many kernel (O(n) per query), groups of queries sharing each block. Correct for every
 * distance; spatial structures for low dimensions must give the same answers. Neighbours are decided by {@link Kernels#distance}'s value
 * against {@code eps}, from direct differences.
 */
final class ScanNeighborIndex implements NeighborIndex {
    /** Most rows scanned per one-to-many call: a block of distances that stays in L1. */
    private static final int BLOCK = 1024;
    /** Queries sharing each block of data rows. */
    private static final int GROUP = 16;

    private final Kernels kernels;
    private final float[] data;
    private final int n;
    private final int d;
    private final Distance distance;
    private final QueryScratch.PerThread scratch = new QueryScratch.PerThread();

    ScanNeighborIndex(Kernels kernels, float[] data, int n, int d, Distance distance) {
        if ((long) n * d > data.length) {
            throw new IllegalArgumentException("data holds " + data.length + " values, fewer than n*d = " + ((long) n * d));
        }
        this.kernels = kernels;
        this.data = data;
        this.n = n;
        this.d = d;
        this.distance = distance;
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public int d() {
        return d;
    }

    @Override
    public Distance distance() {
        return distance;
    }

    @Override
    public String structure() {
        return "blocked scan";
    }

    @Override
    public Kind kind() {
        return Kind.SCAN;
    }

    @Override
    public void rangeQuery(int fromQuery, int toQuery, double eps, NeighborSink sink) {
        range(data, fromQuery, toQuery, eps, sink);
    }

    @Override
    public void rangeQuery(float[] queries, int fromRow, int toRow, double eps, NeighborSink sink) {
        range(queries, fromRow, toRow, eps, sink);
    }

    /**
     * Queries go in groups of {@value #GROUP} that share each block of data rows: the block is read from
     * memory once per group and from L2 for the other queries of the group (one query at a time streamed
     * the whole dataset from memory per query, 2.6 MB at n = 20,000 and d = 33). Memory: the block's
     * distances and the group's neighbour lists, O(block + neighbours of the queries in flight).
     */
    private void range(float[] queries, int fromRow, int toRow, double eps, NeighborSink sink) {
        QueryScratch s = scratch.acquire();
        try {
            rangeWith(s, queries, fromRow, toRow, eps, sink);
        } finally {
            s.release();
        }
    }

    private void rangeWith(QueryScratch s, float[] queries, int fromRow, int toRow, double eps, NeighborSink sink) {
        int blockRows = blockRows();
        float[] block = s.block(blockRows);
        s.group(GROUP);
        int[][] ids = s.groupIds;
        float[][] dists = s.groupDists;
        int[] counts = s.groupCounts;
        for (int g = fromRow; g < toRow; g += GROUP) {
            int ge = Math.min(toRow, g + GROUP);
            java.util.Arrays.fill(counts, 0);
            for (int start = 0; start < n; start += blockRows) {
                int end = Math.min(n, start + blockRows);
                for (int q = g; q < ge; q++) {
                    kernels.distances(distance, queries, q * d, data, start, end, d, block, 0);
                    int slot = q - g;
                    int count = counts[slot];
                    for (int j = start; j < end; j++) {
                        float dist = block[j - start];
                        if (dist <= eps) {
                            if (count == ids[slot].length) {
                                ids[slot] = Arrays.copyOf(ids[slot], count * 2);
                                dists[slot] = Arrays.copyOf(dists[slot], count * 2);
                            }
                            ids[slot][count] = j;
                            dists[slot][count++] = dist;
                        }
                    }
                    counts[slot] = count;
                }
            }
            for (int q = g; q < ge; q++) {
                sink.accept(q, ids[q - g], dists[q - g], counts[q - g]);
            }
        }
    }

    /** Rows per block: about 128 KB of data, so that a block stays in L2 while a group of queries reads it. */
    private int blockRows() {
        return Math.max(64, Math.min(BLOCK, (32 * 1024) / Math.max(1, d)));
    }

    @Override
    public void knn(int fromQuery, int toQuery, int k, int[] ids, float[] distances) {
        knn(data, fromQuery, toQuery, k, ids, distances);
    }

    @Override
    public void knn(float[] queries, int fromRow, int toRow, int k, int[] ids, float[] distances) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, n=" + n + "]; got " + k);
        }
        QueryScratch s = scratch.acquire();
        try {
            knnWith(s, queries, fromRow, toRow, k, ids, distances);
        } finally {
            s.release();
        }
    }

    private void knnWith(QueryScratch s, float[] queries, int fromRow, int toRow, int k, int[] ids, float[] distances) {
        int blockRows = blockRows();
        float[] block = s.block(blockRows);
        s.group(GROUP);
        TopK[] tops = s.groupTops;
        for (int t = 0; t < GROUP; t++) {
            s.groupTop(t, k);
        }
        for (int g = fromRow; g < toRow; g += GROUP) {
            int ge = Math.min(toRow, g + GROUP);
            for (int q = g; q < ge; q++) {
                tops[q - g].clear();
            }
            for (int start = 0; start < n; start += blockRows) {
                int end = Math.min(n, start + blockRows);
                for (int q = g; q < ge; q++) {
                    kernels.distances(distance, queries, q * d, data, start, end, d, block, 0);
                    TopK top = tops[q - g];
                    for (int j = start; j < end; j++) {
                        top.offer(j, block[j - start]);
                    }
                }
            }
            for (int q = g; q < ge; q++) {
                tops[q - g].drainSorted(ids, distances, (q - fromRow) * k);
            }
        }
    }
}
