package dev.clusterlab.plugins.categorical;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct rows of encoded data, if there are at most a given number of them: when the data have
 * no more distinct rows than {@code k}, every distinct row is a cluster and nothing is iterated (the
 * Python {@code kmodes} package does the same: it then sets {@code n_clusters} to the number of
 * distinct rows and skips the iteration).
 *
 * @param firstRows the first row of each distinct row, in order of first occurrence
 * @param groupOf each row's index into {@code firstRows}
 */
record DistinctRows(int[] firstRows, int[] groupOf) {

    /** @return the distinct rows, or {@code null} as soon as there are more than {@code limit} */
    static DistinctRows atMost(EncodedRows x, int limit) {
        Map<Key, Integer> groups = new HashMap<>();
        int[] groupOf = new int[x.n()];
        int[] first = new int[Math.min(limit, x.n()) + 1];
        for (int i = 0; i < x.n(); i++) {
            Key key = new Key(x, i);
            Integer g = groups.get(key);
            if (g == null) {
                if (groups.size() == limit) {
                    return null;
                }
                g = groups.size();
                first[g] = i;
                groups.put(key, g);
            }
            groupOf[i] = g;
        }
        return new DistinctRows(Arrays.copyOf(first, groups.size()), groupOf);
    }

    /** One row, compared by content. */
    private static final class Key {
        private final EncodedRows x;
        private final int row;
        private final int hash;

        Key(EncodedRows x, int row) {
            this.x = x;
            this.row = row;
            int h = 1;
            for (int j = 0; j < x.p(); j++) {
                h = 31 * h + Float.hashCode(x.num()[row * x.p() + j] + 0f);
            }
            for (int a = 0; a < x.m(); a++) {
                h = 31 * h + x.cat()[row * x.m() + a];
            }
            hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.hash == hash && x.sameRow(row, other.row);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
