package dev.clusterlab.engine;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.NeighborIndex;
import dev.clusterlab.api.kernel.NeighborSink;
import java.util.Arrays;

/**
 * The reference neighbour index: every query scans all points in blocks through the one-to-many
 * kernel (O(n) per query, O(block) memory). Correct for every distance; spatial structures for low
 * dimensions must give the same answers. Neighbours are decided by {@link Kernels#distance}'s value
 * against {@code eps}, from direct differences.
 */
final class ScanNeighborIndex implements NeighborIndex {
    /** Rows scanned per one-to-many call: a block of distances that stays in L1. */
    private static final int BLOCK = 1024;

    private final Kernels kernels;
    private final float[] data;
    private final int n;
    private final int d;
    private final Distance distance;

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
    public void rangeQuery(int fromQuery, int toQuery, double eps, NeighborSink sink) {
        range(data, fromQuery, toQuery, eps, sink);
    }

    @Override
    public void rangeQuery(float[] queries, int fromRow, int toRow, double eps, NeighborSink sink) {
        range(queries, fromRow, toRow, eps, sink);
    }

    private void range(float[] queries, int fromRow, int toRow, double eps, NeighborSink sink) {
        float[] block = new float[BLOCK];
        int[] ids = new int[16];
        float[] dists = new float[16];
        for (int q = fromRow; q < toRow; q++) {
            int count = 0;
            for (int start = 0; start < n; start += BLOCK) {
                int end = Math.min(n, start + BLOCK);
                kernels.distances(distance, queries, q * d, data, start, end, d, block, 0);
                for (int j = start; j < end; j++) {
                    float dist = block[j - start];
                    if (dist <= eps) {
                        if (count == ids.length) {
                            ids = Arrays.copyOf(ids, count * 2);
                            dists = Arrays.copyOf(dists, count * 2);
                        }
                        ids[count] = j;
                        dists[count++] = dist;
                    }
                }
            }
            sink.accept(q, ids, dists, count);
        }
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
        float[] block = new float[BLOCK];
        TopK top = new TopK(k);
        for (int q = fromRow; q < toRow; q++) {
            top.clear();
            for (int start = 0; start < n; start += BLOCK) {
                int end = Math.min(n, start + BLOCK);
                kernels.distances(distance, queries, q * d, data, start, end, d, block, 0);
                for (int j = start; j < end; j++) {
                    top.offer(j, block[j - start]);
                }
            }
            top.drainSorted(ids, distances, (q - fromRow) * k);
        }
    }
}
