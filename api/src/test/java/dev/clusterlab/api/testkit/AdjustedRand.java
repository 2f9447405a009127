package dev.clusterlab.api.testkit;

import java.util.HashMap;
import java.util.Map;

/**
 * The adjusted Rand index (Hubert and Arabie 1985) by pair counting, for tests only: the metrics
 * plugin is a separate plugin. Equals scikit-learn's {@code adjusted_rand_score}, including 1.0 for
 * the degenerate case where both partitions are trivial.
 */
public final class AdjustedRand {
    private AdjustedRand() {
    }

    /**
     * @param truth true labels
     * @param predicted predicted labels (any integers; -1 is one more group)
     * @return the adjusted Rand index
     */
    public static double of(int[] truth, int[] predicted) {
        Map<Long, Long> cells = new HashMap<>();
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, Long> columns = new HashMap<>();
        for (int i = 0; i < truth.length; i++) {
            cells.merge(((long) truth[i] << 32) | (predicted[i] & 0xffffffffL), 1L, Long::sum);
            rows.merge(truth[i], 1L, Long::sum);
            columns.merge(predicted[i], 1L, Long::sum);
        }
        double index = cells.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double a = rows.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double b = columns.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double expected = a * b / pairs(truth.length);
        double max = (a + b) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }
}
