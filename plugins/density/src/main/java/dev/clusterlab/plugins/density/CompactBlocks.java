package dev.clusterlab.plugins.density;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.kernel.Distance;

/**
 * The rows reordered so that every aligned block of {@code leaf} rows is spatially compact, with a
 * ball (the block's mean and the largest distance to it) around each block: for a metric distance
 * (triangle inequality) {@code dist(p, q) >= dist(p, centre) - radius} for every {@code q} of the
 * block, which lets DBSCAN's tiled scan and HDBSCAN's Prim skip whole blocks. Memory: a reordered copy
 * of the data, plus O(n / leaf).
 *
 * @param perm position to original row
 * @param rows the reordered copy, row-major, position by position
 * @param centres per block, its mean (row-major)
 * @param radii per block, the largest distance from its mean to its rows
 */
record CompactBlocks(int[] perm, float[] rows, float[] centres, float[] radii) {

    static CompactBlocks of(float[] x, int n, int d, Distance metric, int leaf, ExecutionContext context) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        split(x, d, metric, context, perm, 0, n, leaf, new float[n], new long[n]);
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
            context.kernels().distances(metric, centre, bk * d, xs, i0, i1, d, dist, 0);
            float max = 0;
            for (int i = 0; i < i1 - i0; i++) {
                max = Math.max(max, dist[i]);
            }
            radius[bk] = max;
        }
        return new CompactBlocks(perm, xs, centre, radius);
    }

    /**
     * A lower bound, conservative by a slack far above float rounding, on the distance from a point at
     * distance {@code toCentre} of block {@code block}'s centre to any row of the block.
     */
    double lowerBound(double toCentre, int block) {
        double r = radii[block];
        return toCentre - r - 1e-5 * (toCentre + r) - 1e-30;
    }

    /**
     * Reorders {@code perm[from, to)} so that every aligned block of {@code leaf} rows is spatially
     * compact: picks a row {@code a} far from the first row and a row {@code b} far from {@code a},
     * partitions at a block boundary near the middle by {@code dist(i, a)^2 - dist(i, b)^2} (the
     * projection on {@code b - a} for Euclidean; ties by row) with a quickselect, and recurses.
     * Deterministic; {@code O(n log(n / leaf))} distances.
     */
    static void split(float[] x, int d, Distance metric, ExecutionContext context, int[] perm, int from, int to,
                      int leaf, float[] scratch, long[] keys) {
        int size = to - from;
        if (size <= leaf) {
            return;
        }
        int a = farthest(x, d, metric, context, perm, from, to, perm[from], scratch);
        int b = farthest(x, d, metric, context, perm, from, to, a, scratch);
        for (int i = from; i < to; i++) {
            float da = context.kernels().distance(metric, x, a * d, x, perm[i] * d, d);
            float db = context.kernels().distance(metric, x, b * d, x, perm[i] * d, d);
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
        split(x, d, metric, context, perm, from, mid, leaf, scratch, keys);
        split(x, d, metric, context, perm, mid, to, leaf, scratch, keys);
    }

    /** @return the row of {@code perm[from, to)} farthest from row {@code origin} (ties to the lower row) */
    static int farthest(float[] x, int d, Distance metric, ExecutionContext context, int[] perm, int from, int to,
                                int origin, float[] scratch) {
        int best = perm[from];
        float max = -1;
        for (int i = from; i < to; i++) {
            float v = context.kernels().distance(metric, x, origin * d, x, perm[i] * d, d);
            if (v > max || (v == max && perm[i] < best)) {
                max = v;
                best = perm[i];
            }
        }
        return best;
    }

}
