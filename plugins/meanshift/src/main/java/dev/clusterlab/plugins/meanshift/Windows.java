package dev.clusterlab.plugins.meanshift;

import dev.clusterlab.api.kernel.CompactBlocks;

/**
 * The flat-kernel window of a point: how many data points lie within {@code bandwidth} of it and their
 * sum, over the engine's {@link CompactBlocks} layout (the rows in spatially compact blocks, each with a
 * ball). A block whose ball lies wholly outside the window is skipped; one wholly inside adds its
 * precomputed sum; only the blocks the window's boundary crosses are looked at point by point. Groups of
 * {@value #GROUP} consecutive blocks (the layout splits space recursively, so neighbouring blocks are
 * near each other) get a ball of their own around their blocks' balls and are skipped or taken whole
 * the same way. A query therefore costs {@code O(groups + boundary blocks + boundary points)}, not
 * {@code O(points in the window)}.
 *
 * <p><b>Exact membership.</b> A point belongs to the window of the double mean {@code m} exactly when
 * {@code sum_j (x_j - m_j)^2 <= bandwidth^2} in double (scikit-learn's kd-tree test, the boundary
 * included). A block is taken whole or skipped whole only when its ball, widened by far more than the
 * float rounding of its centre and radius, is clearly inside or outside; every other block is decided
 * point by point with that test.
 *
 * <p><b>A sum that depends on the set only.</b> The sum is formed group by group in order, each group's
 * part summed from zero over its blocks with members in order, each block's part summed from zero over
 * its members in layout order; a whole block's or whole group's precomputed sum is that same loop over
 * all its rows. So the sum (hence the mean) is a function of the set of members alone, whichever blocks
 * or groups were taken whole: windows with the same members give bitwise the same mean.
 * The layout depends on the data only (not on threads), so neither does the result.
 *
 * <p>Memory: the layout's reordered copy of the data, plus {@code O(blocks d)}. Thread-safe.
 */
final class Windows {
    /** Rows per block of the layout: small enough that boundary blocks are cheap. */
    static final int BLOCK_ROWS = 32;
    /** Blocks per group. */
    static final int GROUP = 16;
    /** Relative widening of a block's float radius: far above the float kernel's rounding. */
    private static final double RADIUS_SLACK = 1e-5;
    /** Relative margin on the bandwidth for taking or skipping a block whole: far above double rounding of the test. */
    private static final double EDGE = 1e-12;

    private final int d;
    private final int n;
    private final int blocks;
    private final int groups;
    private final int blockRows;
    private final float[] rows;
    private final double[] centres;
    private final double[] reach;
    private final double[] sums;
    private final double[] groupCentres;
    private final double[] groupReach;
    private final double[] groupSums;
    private final int[] groupSizes;

    /**
     * @param layout the engine's layout of the data (Euclidean balls)
     * @param n rows
     * @param d dimension
     */
    Windows(CompactBlocks layout, int n, int d) {
        this.d = d;
        this.n = n;
        this.blocks = layout.blocks();
        this.blockRows = layout.blockRows();
        this.rows = layout.rows();
        this.centres = new double[blocks * d];
        this.reach = new double[blocks];
        this.sums = new double[blocks * d];
        float[] c = layout.centres();
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < d; j++) {
                centres[b * d + j] = c[b * d + j];
            }
            reach[b] = layout.radii()[b] * (1 + RADIUS_SLACK) + 1e-30;
            // the same loop as a boundary block's, over every row: see the class comment
            for (int i = b * blockRows; i < Math.min(n, (b + 1) * blockRows); i++) {
                for (int j = 0; j < d; j++) {
                    sums[b * d + j] += rows[i * d + j];
                }
            }
        }
        groups = (blocks + GROUP - 1) / GROUP;
        groupCentres = new double[groups * d];
        groupReach = new double[groups];
        groupSums = new double[groups * d];
        groupSizes = new int[groups];
        for (int g = 0; g < groups; g++) {
            int b0 = g * GROUP;
            int b1 = Math.min(blocks, b0 + GROUP);
            for (int b = b0; b < b1; b++) {
                for (int j = 0; j < d; j++) {
                    groupCentres[g * d + j] += centres[b * d + j] / (b1 - b0);
                    // the same loop as a boundary group's, over every block
                    groupSums[g * d + j] += sums[b * d + j];
                }
                groupSizes[g] += Math.min(n, (b + 1) * blockRows) - b * blockRows;
            }
            double r = 0;
            for (int b = b0; b < b1; b++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double t = centres[b * d + j] - groupCentres[g * d + j];
                    s += t * t;
                }
                r = Math.max(r, Math.sqrt(s) + reach[b]);
            }
            groupReach[g] = r * (1 + 1e-12) + 1e-30;
        }
    }

    /**
     * The members of the window around {@code mean[0, d)}: their count, and their sum into {@code out[0, d)}.
     *
     * @param mean the window's centre
     * @param bandwidth the window's radius
     * @param out receives the sum
     * @param scratch at least {@code 2 d}
     * @return the number of members
     */
    int sum(double[] mean, double bandwidth, double[] out, double[] scratch) {
        double outside = bandwidth * (1 + EDGE);
        double inside = bandwidth * (1 - EDGE);
        for (int j = 0; j < d; j++) {
            out[j] = 0.0;
        }
        int count = 0;
        for (int g = 0; g < groups; g++) {
            double dist = distance(groupCentres, g * d, mean);
            double r = groupReach[g];
            if (dist - r > outside) {
                continue;
            }
            if (dist + r < inside) {
                add(out, 0, groupSums, g * d);
                count += groupSizes[g];
                continue;
            }
            // scratch[0, d): the group's part
            for (int j = 0; j < d; j++) {
                scratch[j] = 0.0;
            }
            int members = 0;
            for (int b = g * GROUP; b < Math.min(blocks, (g + 1) * GROUP); b++) {
                members += block(b, mean, bandwidth, outside, inside, scratch);
            }
            if (members > 0) {
                add(out, 0, scratch, 0);
                count += members;
            }
        }
        return count;
    }

    /** Adds block {@code b}'s part to the group's part {@code scratch[0, d)}; {@code scratch[d, 2d)} is its own scratch. */
    private int block(int b, double[] mean, double bandwidth, double outside, double inside, double[] scratch) {
        double dist = distance(centres, b * d, mean);
        double r = reach[b];
        if (dist - r > outside) {
            return 0;
        }
        int from = b * blockRows;
        int to = Math.min(n, from + blockRows);
        if (dist + r < inside) {
            add(scratch, 0, sums, b * d);
            return to - from;
        }
        double bw2 = bandwidth * bandwidth;
        for (int j = 0; j < d; j++) {
            scratch[d + j] = 0.0;
        }
        int members = 0;
        for (int i = from; i < to; i++) {
            int p = i * d;
            double s2 = 0;
            for (int j = 0; j < d; j++) {
                double t = rows[p + j] - mean[j];
                s2 += t * t;
            }
            if (s2 <= bw2) {
                for (int j = 0; j < d; j++) {
                    scratch[d + j] += rows[p + j];
                }
                members++;
            }
        }
        if (members > 0) {
            add(scratch, 0, scratch, d);
        }
        return members;
    }

    private double distance(double[] points, int o, double[] mean) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = points[o + j] - mean[j];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    private void add(double[] to, int to0, double[] from, int from0) {
        for (int j = 0; j < d; j++) {
            to[to0 + j] += from[from0 + j];
        }
    }
}
