package dev.clusterlab.plugins.metrics;

import dev.clusterlab.api.Dataset;
import java.util.Arrays;

/**
 * The contingency table of ground truth against predicted labels, which is all that the external
 * metrics read. It applies the {@code QualityMetric} convention once for both: rows whose ground truth
 * is noise are left out, and predicted noise ({@code -1}) is one more group. The table is kept sparse
 * (its non-zero cells sorted by class, then cluster, as scipy's CSR matrix in scikit-learn), so that a
 * labelling with one cluster per point costs {@code O(n)} memory, not {@code O(n k)}. Every external
 * metric of the plugin starts from this one table; the quantities several of them share (entropies,
 * mutual information, pair counts) are computed here, once, in scikit-learn's order of operations.
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
    /** numpy's {@code finfo(float64).eps}: scikit-learn drops mutual-information terms below it. */
    private static final double EPS = Math.ulp(1.0);

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

    /** @return number of ground-truth classes */
    int classCount() {
        return classSizes.length;
    }

    /** @return number of predicted groups, noise included */
    int clusterCount() {
        return clusterSizes.length;
    }

    /** @return entropy of the ground truth in nats, {@link #entropy(long[])} of the class sizes */
    double classEntropy() {
        return entropy(classSizes);
    }

    /** @return entropy of the prediction in nats, {@link #entropy(long[])} of the group sizes */
    double clusterEntropy() {
        return entropy(clusterSizes);
    }

    /**
     * Entropy of a partition in nats, as scikit-learn's {@code entropy}: 0 for a single group, the
     * terms {@code (s/n)(ln s - ln n)} summed in numpy's order.
     *
     * @param sizes group sizes, all positive, summing to {@link #n()}
     * @return {@code -Σ (s/n) (ln s - ln n)}
     */
    double entropy(long[] sizes) {
        if (sizes.length == 1) {
            return 0.0;
        }
        double logN = Math.log(n);
        double[] terms = new double[sizes.length];
        for (int g = 0; g < sizes.length; g++) {
            terms[g] = (sizes[g] / (double) n) * (Math.log(sizes[g]) - logN);
        }
        return -PairwiseSum.sum(terms);
    }

    /**
     * Mutual information {@code I(T; P)} in nats, term by term as scikit-learn's
     * {@code mutual_info_score}: one term per non-zero cell, with {@code log} of the exact
     * {@code long} product of the marginals, terms smaller than one ulp of 1 taken as 0, the sum (in
     * numpy's order) clipped at 0. 0 when either partition is a single group. The terms are taken in
     * the order scipy's {@code sparse.find} lists the cells there, by predicted group and then class.
     *
     * @return the mutual information, {@code >= 0}
     */
    double mutualInformation() {
        if (classSizes.length == 1 || clusterSizes.length == 1) {
            return 0.0; // a single group has no entropy to share
        }
        double logN = Math.log(n);
        double[] terms = new double[cellCount.length];
        int[] order = byClusterThenClass();
        for (int m = 0; m < order.length; m++) {
            int c = order[m];
            long count = cellCount[c];
            double p = count / (double) n;
            long outer = classSizes[cellClass[c]] * clusterSizes[cellCluster[c]];
            double logOuter = -Math.log(outer) + logN + logN;
            double term = p * (Math.log(count) - logN) + p * logOuter;
            terms[m] = Math.abs(term) < EPS ? 0.0 : term;
        }
        return Math.max(PairwiseSum.sum(terms), 0.0);
    }

    /** Cell indices ordered by predicted group, then class: a stable counting sort of the cells. */
    private int[] byClusterThenClass() {
        int[] start = new int[clusterSizes.length + 1];
        for (int cluster : cellCluster) {
            start[cluster + 1]++;
        }
        for (int k = 0; k < clusterSizes.length; k++) {
            start[k + 1] += start[k];
        }
        int[] order = new int[cellCluster.length];
        for (int c = 0; c < cellCluster.length; c++) {
            order[start[cellCluster[c]]++] = c;
        }
        return order;
    }

    /**
     * The pair confusion matrix, scikit-learn's {@code pair_confusion_matrix}, over ordered pairs of
     * distinct rows. Exact: counts reach {@code n²}, well inside a {@code long} for any int-indexed
     * dataset.
     *
     * @return the four pair counts
     */
    PairCounts pairs() {
        long sumSquares = 0;
        long byCluster = 0;
        long byClass = 0;
        for (int c = 0; c < cellCount.length; c++) {
            long count = cellCount[c];
            sumSquares += count * count;
            byCluster += count * clusterSizes[cellCluster[c]];
            byClass += count * classSizes[cellClass[c]];
        }
        long together = sumSquares - n;
        long onlyPredicted = byCluster - sumSquares;
        long onlyTruth = byClass - sumSquares;
        long apart = n * n - onlyPredicted - onlyTruth - sumSquares;
        return new PairCounts(together, apart, onlyPredicted, onlyTruth);
    }
}
