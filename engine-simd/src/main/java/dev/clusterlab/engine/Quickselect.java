package dev.clusterlab.engine;

/** Quickselect on packed {@code long} keys, shared by the spatial splits ({@link CompactLayout}, {@link KdTree}). */
final class Quickselect {
    private Quickselect() {
    }

    /** Quickselect: afterwards {@code keys[lo, k)} are all below {@code keys[k, hi]} (keys are distinct). */
    static void select(long[] keys, int lo, int hi, int k) {
        while (hi > lo) {
            int m = (lo + hi) >>> 1;
            long pivot = median(keys[lo], keys[m], keys[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = keys[i];
                    keys[i] = keys[j];
                    keys[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
