package dev.clusterlab.host.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Per-point silhouettes for the report's silhouette plot ({@link SvgSilhouette}): the definition of
 * Rousseeuw (1987), doi:10.1016/0377-0427(87)90125-7. For a point {@code i} of cluster {@code A},
 * {@code a(i)} is its mean Euclidean distance to the other points of {@code A} and {@code b(i)} the
 * smallest mean distance to the points of another cluster; {@code s(i) = (b - a) / max(a, b)}, and
 * {@code s(i) = 0} when {@code A} has one point or {@code a = b = 0} (scikit-learn's
 * {@code silhouette_samples}).
 *
 * <p>This is a picture, not the ranking: the experiment's {@code silhouette} metric (the metrics
 * plugin, {@code plugins/metrics}) is the number runs are ranked by, computed on all non-noise points
 * (sampled above its own limit). Here the values are computed on the rows the report's scatter shows
 * ({@link BestRunPlots#subsample}), noise left out, and on a uniform random sample of at most
 * {@value #MAX_POINTS} of them (seeded, so the report stays the same for the same inputs): {@code m²/2}
 * distances in {@code double}, no distance matrix kept (per point, one sum per cluster).
 */
final class SilhouetteValues {
    /** Most points scored: 2·10⁶ distances. */
    static final int MAX_POINTS = 2000;
    /** Most coordinate differences ({@code m² d / 2}) spent; wide data gets a smaller sample. */
    static final long MAX_WORK = 1_000_000_000L;

    private SilhouetteValues() {
    }

    /**
     * The silhouettes of a sample.
     *
     * @param rows the dataset rows scored, ascending
     * @param labels their cluster labels (none is noise)
     * @param values their silhouettes, in the order of {@code rows}
     * @param candidates how many non-noise rows of the scatter they were drawn from ({@code rows.length} when all)
     * @param noise how many noise rows of the scatter were left out
     */
    record Sample(int[] rows, int[] labels, double[] values, int candidates, int noise) {
        /** @return the mean silhouette of the sample, NaN when empty */
        double mean() {
            return values.length == 0 ? Double.NaN : Arrays.stream(values).sum() / values.length;
        }

        /** @return how many distinct clusters the sample has */
        int clusters() {
            return (int) Arrays.stream(labels).distinct().count();
        }
    }

    /**
     * @param data row-major values with {@code d} columns (the values clustered)
     * @param d columns
     * @param labels one label per row of {@code data}, {@code -1} noise
     * @param scatterRows the rows the scatter shows
     * @param seed seeds the sample drawn when there are more than {@value #MAX_POINTS} non-noise rows
     * @return the sample with its silhouettes
     */
    static Sample compute(float[] data, int d, int[] labels, int[] scatterRows, long seed) {
        int noise = 0;
        int[] kept = new int[scatterRows.length];
        int m = 0;
        for (int r : scatterRows) {
            if (labels[r] < 0) {
                noise++;
            } else {
                kept[m++] = r;
            }
        }
        kept = Arrays.copyOf(kept, m);
        int cap = cap(d);
        int[] rows = m > cap ? sample(kept, cap, seed) : kept;
        int[] l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            l[i] = labels[rows[i]];
        }
        return new Sample(rows, l, values(data, d, rows, l), m, noise);
    }

    /** @return the most points to score with {@code d} columns: {@value #MAX_POINTS}, fewer when {@code m² d / 2} would pass {@value #MAX_WORK} */
    static int cap(int d) {
        return (int) Math.max(100, Math.min(MAX_POINTS, Math.sqrt(2.0 * MAX_WORK / Math.max(1, d))));
    }

    /** @return {@code size} of {@code rows} drawn uniformly without replacement (partial Fisher-Yates), ascending */
    static int[] sample(int[] rows, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = rows.clone();
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] out = Arrays.copyOf(order, size);
        Arrays.sort(out);
        return out;
    }

    /**
     * @param data row-major values with {@code d} columns
     * @param d columns
     * @param rows the rows to score
     * @param labels their labels, all {@code >= 0}
     * @return {@code s(i)} per row, computed among these rows only
     */
    static double[] values(float[] data, int d, int[] rows, int[] labels) {
        int m = rows.length;
        // dense cluster indices among these rows, so that the sums are m x (clusters present), whatever the labels
        int[] present = Arrays.stream(labels).distinct().sorted().toArray();
        int k = present.length;
        int[] dense = new int[m];
        for (int i = 0; i < m; i++) {
            dense[i] = Arrays.binarySearch(present, labels[i]);
        }
        labels = dense;
        long[] size = new long[k];
        for (int l : labels) {
            size[l]++;
        }
        double[][] sums = new double[m][k];
        for (int i = 0; i < m; i++) {
            int bi = rows[i] * d;
            for (int j = i + 1; j < m; j++) {
                int bj = rows[j] * d;
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double diff = (double) data[bi + c] - data[bj + c];
                    s += diff * diff;
                }
                double dist = Math.sqrt(s);
                sums[i][labels[j]] += dist;
                sums[j][labels[i]] += dist;
            }
        }
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            int own = labels[i];
            if (size[own] <= 1) {
                continue; // a single point: s = 0
            }
            double a = sums[i][own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && size[c] > 0) {
                    b = Math.min(b, sums[i][c] / size[c]);
                }
            }
            double max = Math.max(a, b);
            out[i] = Double.isInfinite(b) || max == 0 ? 0 : (b - a) / max;
        }
        return out;
    }
}
