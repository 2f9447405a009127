package dev.clusterlab.engine;

import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.kernel.CompactBlocks;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;

/**
 * Builds {@link CompactBlocks}: the rows reordered so that every aligned block of {@code leaf} rows is
 * spatially compact, with a ball (the block's mean and the largest distance to it) around each block.
 * Memory: a reordered copy of the data, plus O(n / leaf).
 */
final class CompactLayout {
    private CompactLayout() {
    }

    static CompactBlocks of(Kernels kernels, float[] x, int n, int d, Distance metric, int leaf) {
        if (leaf < 1) {
            throw new IllegalArgumentException("blockRows must be at least 1; got " + leaf);
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        split(kernels, x, d, metric, perm, 0, n, leaf, new long[n]);
        float[] xs = new float[n * d];
        for (int k = 0; k < n; k++) {
            System.arraycopy(x, perm[k] * d, xs, k * d, d);
        }
        int blocks = Parallel.chunkCount(n, leaf);
        float[] centre = new float[blocks * d];
        float[] radius = new float[blocks];
        float[] dist = new float[leaf];
        for (int bk = 0; bk < blocks; bk++) {
            int i0 = bk * leaf;
            int i1 = Math.min(n, i0 + leaf);
            double[] mean = new double[d];
            for (int i = i0; i < i1; i++) {
                for (int j = 0; j < d; j++) {
                    mean[j] += xs[i * d + j];
                }
            }
            for (int j = 0; j < d; j++) {
                centre[bk * d + j] = (float) (mean[j] / (i1 - i0));
            }
            kernels.distances(metric, centre, bk * d, xs, i0, i1, d, dist, 0);
            float max = 0;
            for (int i = 0; i < i1 - i0; i++) {
                max = Math.max(max, dist[i]);
            }
            radius[bk] = max;
        }
        return new CompactBlocks(perm, xs, centre, radius, leaf);
    }

    /**
     * Reorders {@code perm[from, to)} so that every aligned block of {@code leaf} rows is spatially
     * compact: picks a row {@code a} far from the first row and a row {@code b} far from {@code a},
     * partitions at a block boundary near the middle by {@code dist(i, a)^2 - dist(i, b)^2} (the
     * projection on {@code b - a} for Euclidean; ties by row) with a quickselect, and recurses.
     * Deterministic; {@code O(n log(n / leaf))} distances.
     */
    private static void split(Kernels kernels, float[] x, int d, Distance metric, int[] perm, int from, int to,
                              int leaf, long[] keys) {
        int size = to - from;
        if (size <= leaf) {
            return;
        }
        int a = farthest(kernels, x, d, metric, perm, from, to, perm[from]);
        int b = farthest(kernels, x, d, metric, perm, from, to, a);
        for (int i = from; i < to; i++) {
            float da = kernels.distance(metric, x, a * d, x, perm[i] * d, d);
            float db = kernels.distance(metric, x, b * d, x, perm[i] * d, d);
            float t = (float) ((double) da * da - (double) db * db);
            int bits = Float.floatToIntBits(t == 0 ? 0f : t); // -0 as 0
            bits ^= (bits >> 31) & 0x7fffffff; // order-preserving: negative floats reversed
            keys[i] = ((long) bits << 32) | perm[i]; // then by row: a total order
        }
        int leaves = (size + leaf - 1) / leaf;
        int mid = from + (leaves + 1) / 2 * leaf;
        Quickselect.select(keys, from, to - 1, mid);
        for (int i = from; i < to; i++) {
            perm[i] = (int) keys[i];
        }
        split(kernels, x, d, metric, perm, from, mid, leaf, keys);
        split(kernels, x, d, metric, perm, mid, to, leaf, keys);
    }

    /** @return the row of {@code perm[from, to)} farthest from row {@code origin} (ties to the lower row) */
    private static int farthest(Kernels kernels, float[] x, int d, Distance metric, int[] perm, int from, int to,
                                int origin) {
        int best = perm[from];
        float max = -1;
        for (int i = from; i < to; i++) {
            float v = kernels.distance(metric, x, origin * d, x, perm[i] * d, d);
            if (v > max || (v == max && perm[i] < best)) {
                max = v;
                best = perm[i];
            }
        }
        return best;
    }

}
