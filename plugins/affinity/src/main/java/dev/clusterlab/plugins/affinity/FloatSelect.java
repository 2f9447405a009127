package dev.clusterlab.plugins.affinity;

import dev.clusterlab.api.exec.Parallel;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Exact order statistics of a large matrix of floats without holding it: two counting passes over the
 * 32-bit keys (the high 16 bits, then the low 16 bits within the buckets found), each over chunks of
 * rows in parallel with integer counts, so the answer does not depend on the threads. The rows are made
 * by {@link SimilarityRows} as they are counted. Memory is {@code 65,536} counts per chunk whatever the
 * matrix size, where numpy's {@code median} of an {@code n x n} similarity matrix copies it whole.
 */
final class FloatSelect {
    private static final int BUCKETS = 1 << 16;
    /** Few chunks: each has its own table of counts. */
    private static final int CHUNKS = 8;

    private FloatSelect() {
    }

    /**
     * The median of every entry of the rows, as numpy's {@code median}: the middle value, or the mean
     * of the two middle values for an even count.
     *
     * @param rows the rows of an {@code n x n} matrix, none containing NaN
     * @param parallel threads
     * @return the median
     */
    static double median(SimilarityRows rows, Parallel parallel) {
        return median(rows.n(), rows::raw, parallel);
    }

    /**
     * @param n rows and columns
     * @param rows fills row {@code i} into the array given
     * @param parallel threads
     * @return the median of the {@code n^2} values
     */
    static double median(int n, BiConsumer<Integer, float[]> rows, Parallel parallel) {
        long count = (long) n * n;
        long upper = count / 2;
        long lower = count % 2 == 1 ? upper : upper - 1;
        float[] both = select(n, rows, lower, upper, parallel);
        return ((double) both[0] + both[1]) / 2;
    }

    /**
     * @param n rows and columns
     * @param rows fills row {@code i} into the array given
     * @param lower a 0-based rank in ascending order
     * @param upper {@code lower} or {@code lower + 1}
     * @param parallel threads
     * @return the values of the two ranks
     */
    static float[] select(int n, BiConsumer<Integer, float[]> rows, long lower, long upper, Parallel parallel) {
        long[] high = counts(n, rows, parallel, -1, -1);
        long[] lowBucket = bucketOf(high, lower);
        long[] upBucket = bucketOf(high, upper);
        int hl = (int) lowBucket[0];
        int hu = (int) upBucket[0];
        long[] lows = counts(n, rows, parallel, hl, hu);
        // lows holds the low-half counts of bucket hl in [0, BUCKETS) and, when hu differs, of hu in [BUCKETS, 2 BUCKETS).
        float a = fromKey(hl << 16 | (int) bucketOf(slice(lows, 0), lower - lowBucket[1])[0]);
        float b = fromKey(hu << 16 | (int) bucketOf(slice(lows, hu == hl ? 0 : BUCKETS), upper - upBucket[1])[0]);
        return new float[] {a, b};
    }

    /**
     * With {@code first < 0}: the counts of the keys' high halves. Otherwise the counts of the low halves
     * of the keys whose high half is {@code first} (at {@code [0, BUCKETS)}) or {@code second} (at
     * {@code [BUCKETS, 2 BUCKETS)} when it differs from {@code first}).
     */
    private static long[] counts(int n, BiConsumer<Integer, float[]> rows, Parallel parallel, int first, int second) {
        int chunk = Math.max(1, (n + CHUNKS - 1) / CHUNKS);
        List<int[]> parts = parallel.mapChunks(n, chunk, (c, from, to) -> {
            int[] counts = new int[2 * BUCKETS];
            float[] row = new float[n];
            for (int i = from; i < to; i++) {
                rows.accept(i, row);
                for (float v : row) {
                    int k = key(v);
                    if (first < 0) {
                        counts[k >>> 16]++;
                    } else if (k >>> 16 == first) {
                        counts[k & 0xFFFF]++;
                    } else if (k >>> 16 == second) {
                        counts[BUCKETS + (k & 0xFFFF)]++;
                    }
                }
            }
            return counts;
        });
        long[] total = new long[2 * BUCKETS];
        for (int[] p : parts) {
            for (int b = 0; b < total.length; b++) {
                total[b] += p[b];
            }
        }
        return total;
    }

    /** @return the bucket holding {@code rank} and the count of values below that bucket */
    private static long[] bucketOf(long[] counts, long rank) {
        int b = 0;
        long below = 0;
        while (below + counts[b] <= rank) {
            below += counts[b++];
        }
        return new long[] {b, below};
    }

    private static long[] slice(long[] counts, int from) {
        return java.util.Arrays.copyOfRange(counts, from, from + BUCKETS);
    }

    /** An unsigned key whose order is the float order ({@code -0.0} just below {@code 0.0}). */
    static int key(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits < 0 ? ~bits : bits | 0x8000_0000;
    }

    static float fromKey(int key) {
        return Float.intBitsToFloat(key < 0 ? key & 0x7FFF_FFFF : ~key);
    }
}
