package dev.clusterlab.plugins.metrics;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import java.util.Arrays;

/**
 * Checks label vectors and renumbers them densely. Metrics accept any integers {@code >= -1}, not only
 * the consecutive {@code 0..k-1} of the result contract, because ground truth read from a file or
 * labels after dropping noise points need not be consecutive. Codes follow the sorted order of the
 * values, as scikit-learn's {@code LabelEncoder} does, so that sums run in the same order as there.
 */
final class LabelCodes {
    private LabelCodes() {
    }

    /**
     * @param metric metric id, for messages
     * @param data the dataset the labels belong to
     * @param labels predicted labels
     * @throws IllegalArgumentException if there is not one label per row or a label is below -1
     */
    static void check(String metric, Dataset data, int[] labels) {
        if (labels.length != data.n()) {
            throw new IllegalArgumentException("metric '" + metric + "': expected " + data.n()
                    + " labels, one per row of dataset '" + data.name() + "'; got " + labels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < -1) {
                throw new IllegalArgumentException("metric '" + metric + "': label of row " + (i + 1)
                        + " must be a cluster >= 0 or -1 for noise; got " + labels[i]);
            }
        }
    }

    /**
     * @param metric metric id, for the message
     * @param data a dataset
     * @return its ground-truth labels
     * @throws DataException if it has none (the host should not ask an external metric then)
     */
    static int[] truth(String metric, Dataset data) {
        return data.truth().orElseThrow(() -> new DataException("metric '" + metric
                + "' compares against ground truth, but dataset '" + data.name() + "' has no ground-truth labels"));
    }

    /**
     * @param values any integers
     * @return the distinct values, ascending
     */
    static int[] distinct(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[m++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, m);
    }

    /**
     * @param values any integers
     * @param distinct {@link #distinct(int[])} of a superset of {@code values}
     * @return for each value, its index in {@code distinct}
     */
    static int[] encode(int[] values, int[] distinct) {
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = Arrays.binarySearch(distinct, values[i]);
        }
        return codes;
    }
}
