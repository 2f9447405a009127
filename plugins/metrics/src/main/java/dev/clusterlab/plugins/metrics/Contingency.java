package dev.clusterlab.plugins.metrics;

import dev.clusterlab.api.Dataset;
import java.util.Arrays;

/**
 * The contingency table of ground truth against predicted labels, which is all that the external
 * metrics read. It applies the {@code QualityMetric} convention once for both: rows whose ground truth
 * is noise are left out, and predicted noise ({@code -1}) is one more group. The table is kept sparse
 * (its non-zero cells sorted by class, then cluster, as scipy's CSR matrix in scikit-learn), so that a
 * labelling with one cluster per point costs {@code O(n)} memory, not {@code O(n k)}.
 *
 * @param n number of rows counted (ground truth not noise)
 * @param classSizes rows per ground-truth class
 * @param clusterSizes rows per predicted group, noise included
 * @param cellClass class of each non-zero cell
 * @param cellCluster predicted group of each non-zero cell
 * @param cellCount rows in each non-zero cell
 */
record Contingency(long n, long[] classSizes, long[] clusterSizes, int[] cellClass, int[] cellCluster,
                   long[] cellCount) {

    /**
     * @param metric metric id, for messages
     * @param data the dataset, with ground truth
     * @param labels predicted labels, one per row
     * @return the table
     * @throws IllegalArgumentException if the labels do not fit the dataset
     * @throws dev.clusterlab.api.DataException if the dataset has no ground truth
     */
    static Contingency of(String metric, Dataset data, int[] labels) {
        LabelCodes.check(metric, data, labels);
        int[] truth = LabelCodes.truth(metric, data);
        int kept = 0;
        for (int t : truth) {
            if (t != -1) {
                kept++;
            }
        }
        int[] t = new int[kept];
        int[] p = new int[kept];
        for (int i = 0, m = 0; i < truth.length; i++) {
            if (truth[i] != -1) {
                t[m] = truth[i];
                p[m++] = labels[i];
            }
        }
        int[] classes = LabelCodes.distinct(t);
        int[] clusters = LabelCodes.distinct(p);
        int[] tc = LabelCodes.encode(t, classes);
        int[] pc = LabelCodes.encode(p, clusters);
        long[] keys = new long[kept];
        for (int i = 0; i < kept; i++) {
            keys[i] = (long) tc[i] * clusters.length + pc[i];
        }
        Arrays.sort(keys);
        return fromSortedKeys(keys, classes.length, clusters.length);
    }

    private static Contingency fromSortedKeys(long[] keys, int classCount, int clusterCount) {
        long[] classSizes = new long[classCount];
        long[] clusterSizes = new long[clusterCount];
        int cells = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                cells++;
            }
        }
        int[] cellClass = new int[cells];
        int[] cellCluster = new int[cells];
        long[] cellCount = new long[cells];
        int cell = -1;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                cell++;
                cellClass[cell] = (int) (keys[i] / clusterCount);
                cellCluster[cell] = (int) (keys[i] % clusterCount);
            }
            cellCount[cell]++;
            classSizes[cellClass[cell]]++;
            clusterSizes[cellCluster[cell]]++;
        }
        return new Contingency(keys.length, classSizes, clusterSizes, cellClass, cellCluster, cellCount);
    }

    /**
     * Entropy of a partition in nats, as scikit-learn's {@code entropy}: 0 for a single group.
     *
     * @param sizes group sizes, all positive, summing to {@link #n()}
     * @return {@code -Σ (s/n) (ln s - ln n)}
     */
    double entropy(long[] sizes) {
        if (sizes.length == 1) {
            return 0.0;
        }
        double logN = Math.log(n);
        double h = 0;
        for (long s : sizes) {
            h += (s / (double) n) * (Math.log(s) - logN);
        }
        return -h;
    }
}
