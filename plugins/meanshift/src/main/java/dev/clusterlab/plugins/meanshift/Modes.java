package dev.clusterlab.plugins.meanshift;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.NeighborIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * From where the seeds stopped to the cluster centres, as scikit-learn's {@code MeanShift.fit}: the
 * final means go into a map from mean to intensity in seed order (seeds that stopped at the same mean
 * collapse to one entry, the last seed's intensity kept, as a Python dictionary keeps the first key and
 * the last value); the entries are sorted by intensity, then by the mean's coordinates as a tuple, both
 * descending (Python's {@code sorted(..., key=(intensity, centre), reverse=True)}); walking that order,
 * a centre that is still marked unique marks every centre within {@code bandwidth} of it (in double,
 * {@code sum (a_j - b_j)^2 <= bandwidth^2}, found through the engine's index with a widened radius)
 * as a duplicate and stays unique itself. The unique ones, in that order, are the cluster centres.
 */
final class Modes {
    private Modes() {
    }

    /**
     * @param outcome where the seeds stopped
     * @param d dimension
     * @param bandwidth the kernel radius
     * @param context kernels
     * @return the centres, row-major, most intense first
     * @throws DataException if no seed had a point within bandwidth (scikit-learn's ValueError)
     */
    static double[] centres(ModeSeeking.Outcome outcome, int d, double bandwidth, ExecutionContext context) {
        Map<Key, Entry> intensity = new LinkedHashMap<>();
        int s = outcome.counts().length;
        for (int i = 0; i < s; i++) {
            int c = outcome.counts()[i];
            if (c > 0) {
                double[] mean = Arrays.copyOfRange(outcome.means(), i * d, (i + 1) * d);
                intensity.computeIfAbsent(new Key(mean), k -> new Entry(mean)).count = c;
            }
        }
        if (intensity.isEmpty()) {
            throw new DataException(String.format(Locale.ROOT, "%s: no point was within bandwidth=%f of any seed; try a "
                    + "different seeding strategy or increase the bandwidth", MeanShiftAlgorithm.ID, bandwidth));
        }
        List<Entry> sorted = new ArrayList<>(intensity.values());
        sorted.sort(Modes::descending);
        int m = sorted.size();
        float[] rows = new float[m * d];
        double bound = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                double v = sorted.get(i).mean[j];
                rows[i * d + j] = (float) v;
                bound = Math.max(bound, Math.abs(v));
            }
        }
        // Same widening as the seeds' queries: both ends of a pair are rounded to float here.
        double eps = (bandwidth + 2 * Math.sqrt(d) * bound * 0x1p-22) * (1 + 1e-5 + (d + 4) * 0x1p-22) + 1e-30;
        double bw2 = bandwidth * bandwidth;
        NeighborIndex index = context.kernels().neighborIndex(rows, m, d, Distance.EUCLIDEAN);
        boolean[] unique = new boolean[m];
        Arrays.fill(unique, true);
        for (int i = 0; i < m; i++) {
            if (!unique[i]) {
                continue;
            }
            double[] centre = sorted.get(i).mean;
            index.rangeQuery(rows, i, i + 1, eps, (q, ids, distances, found) -> {
                for (int t = 0; t < found; t++) {
                    double[] other = sorted.get(ids[t]).mean;
                    double s2 = 0;
                    for (int j = 0; j < d; j++) {
                        double diff = other[j] - centre[j];
                        s2 += diff * diff;
                    }
                    if (s2 <= bw2) {
                        unique[ids[t]] = false;
                    }
                }
            });
            unique[i] = true;
        }
        int kept = 0;
        for (boolean b : unique) {
            if (b) {
                kept++;
            }
        }
        double[] out = new double[kept * d];
        int t = 0;
        for (int i = 0; i < m; i++) {
            if (unique[i]) {
                System.arraycopy(sorted.get(i).mean, 0, out, t++ * d, d);
            }
        }
        return out;
    }

    /** Intensity descending, then the coordinates as a tuple descending (Python's comparison of floats). */
    private static int descending(Entry a, Entry b) {
        if (a.count != b.count) {
            return a.count > b.count ? -1 : 1;
        }
        for (int j = 0; j < a.mean.length; j++) {
            if (a.mean[j] > b.mean[j]) {
                return -1;
            }
            if (a.mean[j] < b.mean[j]) {
                return 1;
            }
        }
        return 0;
    }

    /** A mean and the intensity of the last seed that stopped there. */
    private static final class Entry {
        final double[] mean;
        int count;

        Entry(double[] mean) {
            this.mean = mean;
        }
    }

    /** A mean compared as Python compares tuples of floats: -0.0 equals 0.0. */
    private record Key(double[] at) {
        Key {
            at = at.clone();
            for (int j = 0; j < at.length; j++) {
                at[j] += 0.0;
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(at, k.at);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(at);
        }
    }
}
