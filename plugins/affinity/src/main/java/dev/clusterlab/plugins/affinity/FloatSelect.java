package dev.clusterlab.plugins.affinity;

/**
 * Exact order statistics of a large matrix of floats without copying it: two counting passes over the
 * 32-bit keys (the high 16 bits, then the low 16 bits within the bucket found). Memory is two tables of
 * 65,536 counts whatever the matrix size, where numpy's {@code median} of an {@code n x n} similarity
 * matrix copies it whole ({@code 4 n^2} more bytes here).
 */
final class FloatSelect {
    private static final int BUCKETS = 1 << 16;

    private FloatSelect() {
    }

    /**
     * The median of every entry of the rows, as numpy's {@code median}: the middle value, or the mean
     * of the two middle values for an even count.
     *
     * @param rows equally long rows, none containing NaN
     * @return the median
     */
    static double median(float[][] rows) {
        long count = (long) rows.length * rows[0].length;
        double upper = select(rows, count / 2);
        return count % 2 == 1 ? upper : (select(rows, count / 2 - 1) + upper) / 2;
    }

    /**
     * @param rows the values
     * @param rank 0-based rank in ascending order
     * @return the value of that rank
     */
    static float select(float[][] rows, long rank) {
        long[] counts = new long[BUCKETS];
        for (float[] row : rows) {
            for (float v : row) {
                counts[key(v) >>> 16]++;
            }
        }
        int high = 0;
        long below = 0;
        while (below + counts[high] <= rank) {
            below += counts[high++];
        }
        java.util.Arrays.fill(counts, 0);
        for (float[] row : rows) {
            for (float v : row) {
                int k = key(v);
                if (k >>> 16 == high) {
                    counts[k & 0xFFFF]++;
                }
            }
        }
        int low = 0;
        while (below + counts[low] <= rank) {
            below += counts[low++];
        }
        return fromKey(high << 16 | low);
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
