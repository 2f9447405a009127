package dev.clusterlab.plugins.metrics;

import dev.clusterlab.api.Dataset;

/**
 * The points an internal metric looks at: the rows whose label is not noise, with their labels
 * renumbered to {@code 0..k-1}. Internal metrics leave noise out (the {@code QualityMetric}
 * convention), so each of them starts from here rather than filtering in its own loops. The rows are
 * copied only when there is noise to drop; otherwise the dataset's array is shared, read-only.
 *
 * @param points row-major {@code n x d} values of the kept rows
 * @param n number of kept rows
 * @param d dimension
 * @param labels cluster of each kept row, in {@code 0..k-1}
 * @param k number of clusters
 * @param sizes number of rows in each cluster, all at least 1
 */
record Clusters(float[] points, int n, int d, int[] labels, int k, int[] sizes) {

    /**
     * @param metric metric id, for messages
     * @param data the clustered points
     * @param labels one label per row, {@code -1} for noise
     * @return the non-noise rows and their clusters
     * @throws IllegalArgumentException if the labels do not fit the dataset
     */
    static Clusters withoutNoise(String metric, Dataset data, int[] labels) {
        LabelCodes.check(metric, data, labels);
        int d = data.d();
        int kept = 0;
        for (int label : labels) {
            if (label != -1) {
                kept++;
            }
        }
        float[] points = data.data();
        int[] keptLabels = labels;
        if (kept < data.n()) {
            points = new float[kept * d];
            keptLabels = new int[kept];
            for (int i = 0, m = 0; i < labels.length; i++) {
                if (labels[i] != -1) {
                    System.arraycopy(data.data(), i * d, points, m * d, d);
                    keptLabels[m++] = labels[i];
                }
            }
        }
        int[] distinct = LabelCodes.distinct(keptLabels);
        int[] codes = LabelCodes.encode(keptLabels, distinct);
        int[] sizes = new int[distinct.length];
        for (int c : codes) {
            sizes[c]++;
        }
        return new Clusters(points, kept, d, codes, distinct.length, sizes);
    }

    /**
     * Whether separation-based metrics are defined: at least two clusters and fewer clusters than
     * points (scikit-learn's {@code check_number_of_labels}; with one point per cluster there is no
     * within-cluster spread to compare against).
     *
     * @return {@code 2 <= k < n}
     */
    boolean separable() {
        return k >= 2 && k < n;
    }

    /**
     * Cluster means, accumulated in {@code double} (a float sum of thousands of
     * rows loses digits that the dispersion ratios then amplify).
     *
     * @return row-major {@code k x d} centroids
     */
    double[] centroids() {
        double[] sums = new double[k * d];
        for (int i = 0; i < n; i++) {
            int base = labels[i] * d;
            for (int j = 0; j < d; j++) {
                sums[base + j] += points[i * d + j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                sums[c * d + j] /= sizes[c];
            }
        }
        return sums;
    }

    /** @return the mean of all kept rows, in {@code double} */
    double[] mean() {
        double[] sum = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                sum[j] += points[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            sum[j] /= n;
        }
        return sum;
    }

    /**
     * @param row a kept row
     * @param centroids row-major {@code double} vectors
     * @param c which of them
     * @return the squared Euclidean distance, in {@code double}
     */
    double squaredDistance(int row, double[] centroids, int c) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double diff = points[row * d + j] - centroids[c * d + j];
            s += diff * diff;
        }
        return s;
    }

    /**
     * The clusters of some of the kept rows, for a silhouette on a sample. Labels are renumbered over
     * the rows taken, so a cluster no sampled row belongs to disappears (as it does in scikit-learn,
     * which computes on the sampled rows alone).
     *
     * @param rows indices of kept rows, distinct
     * @return those rows and their clusters
     */
    Clusters subset(int[] rows) {
        float[] sub = new float[rows.length * d];
        int[] subLabels = new int[rows.length];
        for (int m = 0; m < rows.length; m++) {
            System.arraycopy(points, rows[m] * d, sub, m * d, d);
            subLabels[m] = labels[rows[m]];
        }
        int[] distinct = LabelCodes.distinct(subLabels);
        int[] codes = LabelCodes.encode(subLabels, distinct);
        int[] subSizes = new int[distinct.length];
        for (int c : codes) {
            subSizes[c]++;
        }
        return new Clusters(sub, rows.length, d, codes, distinct.length, subSizes);
    }
}
