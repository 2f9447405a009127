package dev.clusterlab.plugins.meanshift;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.param.ParamViolation;
import dev.clusterlab.api.param.ParameterException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The starting points of the seeds, as scikit-learn's {@code MeanShift.fit} chooses them: the given
 * {@code seeds}; else with {@code bin_seeding} its {@code get_bin_seeds(X, bandwidth, min_bin_freq)};
 * else every point.
 *
 * <p><b>Bin seeding.</b> Each point falls in the grid cell {@code round(x / bandwidth)} (per coordinate,
 * in double, halves to even as numpy's {@code round}); the cells with at least {@code min_bin_freq}
 * points, in order of their first point, give the seeds {@code cell * bandwidth}, computed as
 * scikit-learn does in float32 (its cell array is float32, and numpy 1.24 multiplies it by the Python
 * float in float32). When every point has a cell of its own scikit-learn warns ("Binning data failed
 * with provided bin_size=..., using data points as seeds.") and seeds from every point: so here, and the
 * fit's progress message says it.
 *
 * @param seeds row-major starting points, {@code count x d}, in double
 * @param count number of seeds
 * @param note what the progress message should say about the seeding
 */
record Seeding(double[] seeds, int count, String note) {

    /**
     * @param x the data, row-major
     * @param n rows
     * @param d dimension
     * @param params the parameters, with the bandwidth already estimated
     * @return the seeds
     * @throws ParameterException if {@code seeds} has rows of another dimension than the data
     * @throws DataException if bin seeding leaves no cell with {@code min_bin_freq} points
     */
    static Seeding choose(float[] x, int n, int d, MeanShiftParams params) {
        List<double[]> given = SeedText.parse(params.seeds());
        if (!given.isEmpty()) {
            if (given.getFirst().length != d) {
                throw ParameterException.of(List.of(new ParamViolation.Invalid(MeanShiftAlgorithm.ID, "seeds",
                        "rows of " + d + " coordinates (the data's dimension)", "rows of " + given.getFirst().length)));
            }
            double[] s = new double[given.size() * d];
            for (int i = 0; i < given.size(); i++) {
                System.arraycopy(given.get(i), 0, s, i * d, d);
            }
            return new Seeding(s, given.size(), given.size() + " given seeds");
        }
        if (params.binSeeding()) {
            return bins(x, n, d, params.bandwidth(), params.minBinFreq());
        }
        return new Seeding(widen(x, n, d), n, "every point a seed");
    }

    private static Seeding bins(float[] x, int n, int d, double bandwidth, int minBinFreq) {
        Map<Cell, int[]> cells = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            double[] c = new double[d];
            for (int j = 0; j < d; j++) {
                // + 0.0 makes -0.0 the same cell as 0.0, as Python's tuple equality does
                c[j] = Math.rint(x[i * d + j] / bandwidth) + 0.0;
            }
            cells.computeIfAbsent(new Cell(c), key -> new int[1])[0]++;
        }
        int kept = 0;
        for (int[] count : cells.values()) {
            if (count[0] >= minBinFreq) {
                kept++;
            }
        }
        if (kept == n) {
            return new Seeding(widen(x, n, d), n, String.format(java.util.Locale.ROOT,
                    "binning data failed with bin_size=%f (every point has a cell of its own), using data points as seeds",
                    bandwidth));
        }
        if (kept == 0) {
            throw new DataException(MeanShiftAlgorithm.ID + ": bin seeding found no grid cell (side bandwidth=" + bandwidth
                    + ") with at least min_bin_freq=" + minBinFreq + " points, so there is no seed; lower min_bin_freq");
        }
        float width = (float) bandwidth;
        double[] s = new double[kept * d];
        int t = 0;
        for (Map.Entry<Cell, int[]> e : cells.entrySet()) {
            if (e.getValue()[0] >= minBinFreq) {
                for (int j = 0; j < d; j++) {
                    s[t * d + j] = (float) e.getKey().at[j] * width;
                }
                t++;
            }
        }
        return new Seeding(s, kept, kept + " bin seeds (cells of side " + bandwidth + " with >= " + minBinFreq + " points)");
    }

    private static double[] widen(float[] x, int n, int d) {
        double[] s = new double[n * d];
        for (int i = 0; i < s.length; i++) {
            s[i] = x[i];
        }
        return s;
    }

    /** A grid cell, compared by value. */
    private record Cell(double[] at) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Cell c && Arrays.equals(at, c.at);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(at);
        }
    }
}
