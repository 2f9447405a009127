package dev.clusterlab.spark.data;

import java.io.Serializable;

/**
 * One partition's share of a Lloyd pass: per-cluster coordinate sums and counts in {@code double},
 * and the summed squared distances. Partitions' shares are added in partition order on the driver, so
 * a seed and a partitioning fix every bit of the result, whatever the number of executors.
 *
 * @param sums {@code k x d} coordinate sums
 * @param counts {@code k} counts
 * @param cost summed squared distances to the assigned centres
 */
public record PartialSums(double[] sums, double[] counts, double cost) implements Serializable {
    /**
     * @param k clusters
     * @param d columns
     * @return zero sums
     */
    public static PartialSums zero(int k, int d) {
        return new PartialSums(new double[k * d], new double[k], 0);
    }

    /**
     * @param parts partitions' shares, in partition order
     * @param k clusters
     * @param d columns
     * @return their total, added in that order
     */
    public static PartialSums total(java.util.List<PartialSums> parts, int k, int d) {
        double[] s = new double[k * d];
        double[] c = new double[k];
        double cost = 0;
        for (PartialSums p : parts) {
            for (int i = 0; i < s.length; i++) {
                s[i] += p.sums[i];
            }
            for (int i = 0; i < k; i++) {
                c[i] += p.counts[i];
            }
            cost += p.cost;
        }
        return new PartialSums(s, c, cost);
    }
}
