package dev.clusterlab.spark.data;

import dev.clusterlab.api.DataException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Data-parallel k-means on a {@link PointTable}: k-means|| or given starting centres, then Lloyd's
 * iterations, each one Spark job in which every partition assigns its rows with the engine's kernel and
 * adds them to per-cluster {@code double} sums; the driver adds the partitions' sums in partition order
 * and takes the means. It follows the local k-means plugin's loop: the run stops when the summed squared
 * centre shift is at most {@code tol} times the mean feature variance (which also covers "no label
 * changed", since unchanged labels give bit-identical means) or after {@code maxIter} iterations, and the
 * objective is the exact inertia (direct differences in {@code double}) against the final centres.
 *
 * <p>A cluster left without rows keeps its previous centre (the local k-means moves the farthest
 * point there instead); the result says how many clusters are empty.
 */
public final class DataKMeans {
    private DataKMeans() {
    }

    /**
     * @param k clusters, at most the number of rows
     * @param maxIter most Lloyd iterations, at least 1
     * @param tol tolerance relative to the mean feature variance, at least 0
     * @param seed seed of the k-means|| initialisation
     * @param initialCentres row-major {@code k x d} starting centres, or {@code null} for k-means||
     */
    public record Settings(int k, int maxIter, double tol, long seed, float[] initialCentres) {
        public Settings {
            if (k < 1 || maxIter < 1 || !(tol >= 0)) {
                throw new DataException("k-means on Spark needs k >= 1, max_iter >= 1 and tol >= 0; got k=" + k + ", max_iter=" + maxIter
                        + ", tol=" + tol);
            }
        }
    }

    /** Sees the centres after each iteration (tests compare them with MLlib's). */
    @FunctionalInterface
    public interface IterationListener {
        /**
         * @param iteration 1-based iteration
         * @param centres the centres after it
         */
        void iterated(int iteration, float[] centres);
    }

    /**
     * @param centres row-major {@code k x d} final centres
     * @param iterations Lloyd iterations run
     * @param converged whether the tolerance stopped it before {@code maxIter}
     * @param inertia exact summed squared distance of every row to its nearest final centre
     * @param emptyClusters clusters without rows after the last iteration
     * @param iterationCosts per iteration, the kernel's summed squared distances (a diagnostic)
     */
    public record Result(float[] centres, int iterations, boolean converged, double inertia, int emptyClusters,
                         List<Double> iterationCosts) {
    }

    /**
     * @param table the data, cached
     * @param s the settings
     * @param listener sees every iteration's centres, or {@code null}
     * @return the centres and objective
     */
    public static Result fit(PointTable table, Settings s, IterationListener listener) {
        int k = s.k();
        int d = table.d();
        if (k > table.n()) {
            throw new DataException("k-means on Spark: k=" + k + " clusters requested but the table has only " + table.n() + " rows");
        }
        if (s.initialCentres() != null && s.initialCentres().length != k * d) {
            throw new DataException("k-means on Spark: the initial centres hold " + s.initialCentres().length + " values; expected k x d = "
                    + k + " x " + d);
        }
        float[] centres = s.initialCentres() != null ? s.initialCentres().clone() : ScalableInit.centres(table, k, s.seed());
        double tolerance = s.tol() == 0 ? 0 : s.tol() * Passes.meanVariance(table); // two passes saved when they cannot matter
        List<Double> costs = new ArrayList<>();
        boolean converged = false;
        int iteration = 0;
        int empty = 0;
        while (iteration < s.maxIter()) {
            iteration++;
            PartialSums sums = Passes.lloyd(table, centres, k);
            float[] updated = means(centres, sums, d);
            empty = (int) Arrays.stream(sums.counts()).filter(c -> c == 0).count();
            double shift = 0;
            for (int i = 0; i < centres.length; i++) {
                double diff = (double) updated[i] - centres[i];
                shift += diff * diff;
            }
            centres = updated;
            costs.add(sums.cost());
            if (listener != null) {
                listener.iterated(iteration, centres.clone());
            }
            if (shift <= tolerance) {
                converged = true;
                break;
            }
        }
        return new Result(centres, iteration, converged, Passes.exactCost(table, centres, k), empty, List.copyOf(costs));
    }

    /** New centres; a cluster without rows keeps its previous centre (never NaN). */
    static float[] means(float[] centres, PartialSums sums, int d) {
        float[] updated = new float[centres.length];
        double[] counts = sums.counts();
        for (int c = 0; c < counts.length; c++) {
            for (int j = 0; j < d; j++) {
                int at = c * d + j;
                updated[at] = counts[c] > 0 ? (float) (sums.sums()[at] / counts[c]) : centres[at];
            }
        }
        return updated;
    }
}
