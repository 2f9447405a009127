package dev.clusterlab.plugins.kmeans;

import java.util.Arrays;

/**
 * For each centre, the other centres in increasing distance from it, with those distances shrunk by the
 * bounds' slack: the ball test of the exponion variant (Newling and Fleuret 2016, "Fast k-means with
 * accurate bounds", ICML, section 3) reads a prefix of these lists. The paper partitions each list into
 * annuli of exponentially growing radii to avoid a full sort; here each list is sorted outright, which
 * costs {@code k² log k} per iteration (small next to the pass's {@code n} bound checks while
 * {@code n >> k log k}; not timed) and examines no centre beyond the ball, where an annulus examines its
 * whole last ring.
 */
final class SortedCentres {
    private final int k;
    /** {@code order[a (k - 1) + r]}: the {@code r}-th nearest other centre of {@code a}. */
    private final int[] order;
    /** {@code distance[a (k - 1) + r]}: a lower bound on the distance from {@code a} to that centre. */
    private final double[] distance;
    private final long[] keys;

    SortedCentres(int k) {
        this.k = k;
        this.order = new int[k * (k - 1)];
        this.distance = new double[k * (k - 1)];
        this.keys = new long[k - 1];
    }

    /**
     * Sorts every centre's list from the {@code k x k} squared centre distances. Ties in distance are
     * ordered by index, so the lists do not depend on the sort's stability.
     *
     * @param squared {@code k x k} squared distances between the centres (as the kernel computed them)
     * @param slack relative widening of the bounds ({@link Bounds#slack})
     */
    void update(float[] squared, double slack) {
        int m = k - 1;
        for (int a = 0; a < k; a++) {
            int r = 0;
            for (int c = 0; c < k; c++) {
                if (c != a) {
                    // squared distances are non-negative floats: their bits order as the values do
                    keys[r++] = ((long) Float.floatToRawIntBits(Math.max(0f, squared[a * k + c])) << 32) | c;
                }
            }
            Arrays.sort(keys);
            for (r = 0; r < m; r++) {
                int c = (int) keys[r];
                order[a * m + r] = c;
                distance[a * m + r] = Math.sqrt(squared[a * k + c]) * (1 - slack);
            }
        }
    }

    /** @return the number of other centres of each list ({@code k - 1}) */
    int others() {
        return k - 1;
    }

    /** @return the {@code r}-th nearest other centre of {@code a} */
    int centre(int a, int r) {
        return order[a * (k - 1) + r];
    }

    /** @return a lower bound on the distance from centre {@code a} to {@link #centre centre(a, r)} */
    double distance(int a, int r) {
        return distance[a * (k - 1) + r];
    }
}
