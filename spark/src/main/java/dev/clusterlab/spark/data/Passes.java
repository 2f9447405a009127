package dev.clusterlab.spark.data;

import dev.clusterlab.api.kernel.CentroidAssigner;
import dev.clusterlab.api.kernel.Kernels;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * The data-parallel passes over a {@link PointTable}, each one Spark job whose partitions return one
 * partial result each, collected in partition order and combined in that order on the driver. Every
 * partition assigns with the engine's {@link CentroidAssigner} (the SIMD tile kernel when the vector
 * kernels are on), obtained in the task from {@link ExecutorKernels}.
 */
final class Passes {
    private Passes() {
    }

    /**
     * Lloyd's fused E- and M-step: nearest centre of every row, and per-cluster sums.
     *
     * @param table the data
     * @param centres row-major {@code k x d} centres
     * @param k clusters
     * @return the partitions' sums added in partition order; cost is the kernel's squared distances (a diagnostic)
     */
    static PartialSums lloyd(PointTable table, float[] centres, int k) {
        int d = table.d();
        List<PartialSums> parts = table.blocks().mapPartitions((Iterator<PointBlock> blocks) -> {
            CentroidAssigner assigner = ExecutorKernels.get().centroidAssigner(centres, k, d);
            PartialSums s = PartialSums.zero(k, d);
            double cost = 0;
            int[] labels = new int[PointBlock.ROWS];
            float[] squared = new float[PointBlock.ROWS];
            while (blocks.hasNext()) {
                PointBlock b = blocks.next();
                assigner.assignAndAccumulate(b.x(), null, 0, b.n(), labels, squared, s.sums(), s.counts());
                for (int i = 0; i < b.n(); i++) {
                    cost += squared[i];
                }
            }
            return List.of(new PartialSums(s.sums(), s.counts(), cost)).iterator();
        }, true).collect();
        return PartialSums.total(parts, k, d);
    }

    /**
     * @param table the data
     * @param centres row-major centres
     * @param k clusters
     * @return the summed exact squared distance (direct differences in {@code double}) of every row to its nearest centre
     */
    static double exactCost(PointTable table, float[] centres, int k) {
        int d = table.d();
        List<Double> parts = table.blocks().mapPartitions((Iterator<PointBlock> blocks) -> {
            CentroidAssigner assigner = ExecutorKernels.get().centroidAssigner(centres, k, d);
            int[] labels = new int[PointBlock.ROWS];
            double cost = 0;
            while (blocks.hasNext()) {
                PointBlock b = blocks.next();
                assigner.assign(b.x(), 0, b.n(), labels, null);
                for (int i = 0; i < b.n(); i++) {
                    cost += exactSquared(b.x(), i, centres, labels[i], d);
                }
            }
            return List.of(cost).iterator();
        }, true).collect();
        double total = 0;
        for (double p : parts) {
            total += p;
        }
        return total;
    }

    /**
     * @param table the data
     * @param centres row-major centres
     * @param k clusters
     * @return per block, the global row numbers' first row and the labels, as (global first row, labels) pairs
     */
    static JavaRDD<LabelledBlock> labels(PointTable table, float[] centres, int k) {
        int d = table.d();
        long[] offsets = table.offsets();
        return table.blocks().mapPartitions((Iterator<PointBlock> blocks) -> {
            CentroidAssigner assigner = ExecutorKernels.get().centroidAssigner(centres, k, d);
            List<LabelledBlock> out = new ArrayList<>();
            while (blocks.hasNext()) {
                PointBlock b = blocks.next();
                int[] labels = new int[b.n()];
                assigner.assign(b.x(), 0, b.n(), labels, null);
                out.add(new LabelledBlock(b.globalRow(offsets, 0), labels));
            }
            return out.iterator();
        }, true);
    }

    /**
     * Per-column mean, then the mean over columns of the population variance (two passes, as the local
     * k-means computes its tolerance).
     *
     * @param table the data
     * @return scikit-learn's {@code _tolerance} without {@code tol}
     */
    static double meanVariance(PointTable table) {
        int d = table.d();
        double[] mean = new double[d];
        for (double[] p : table.blocks().mapPartitions((Iterator<PointBlock> blocks) -> {
            double[] s = new double[d];
            while (blocks.hasNext()) {
                PointBlock b = blocks.next();
                for (int i = 0; i < b.n() * d; i++) {
                    s[i % d] += b.x()[i];
                }
            }
            return List.of(s).iterator();
        }, true).collect()) {
            for (int j = 0; j < d; j++) {
                mean[j] += p[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= table.n();
        }
        double squares = 0;
        for (double p : table.blocks().mapPartitions((Iterator<PointBlock> blocks) -> {
            double s = 0;
            while (blocks.hasNext()) {
                PointBlock b = blocks.next();
                for (int i = 0; i < b.n() * d; i++) {
                    double diff = b.x()[i] - mean[i % d];
                    s += diff * diff;
                }
            }
            return List.of(s).iterator();
        }, true).collect()) {
            squares += p;
        }
        return squares / table.n() / d;
    }

    static double exactSquared(float[] x, int i, float[] centres, int c, int d) {
        double s = 0;
        int xo = i * d;
        int co = c * d;
        for (int j = 0; j < d; j++) {
            double diff = (double) x[xo + j] - centres[co + j];
            s += diff * diff;
        }
        return s;
    }

    /** The labels of one block. */
    record LabelledBlock(long firstRow, int[] labels) implements java.io.Serializable {
    }

    /** Kernels for code on the driver (k-means++ over the candidates). */
    static Kernels driverKernels() {
        return ExecutorKernels.get();
    }
}
