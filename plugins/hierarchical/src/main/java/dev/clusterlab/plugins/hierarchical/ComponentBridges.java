package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import java.util.Arrays;

/**
 * The closest pair of points between two groups, as scikit-learn's {@code _fix_connected_components}
 * picks it: the least double-precision distance, the first in row-major order with the rows the first
 * group's points and the columns the second's, each in ascending order.
 *
 * <p>Rows are visited in ascending order of a lower bound of their distance to the columns (the larger
 * of the distances to the columns' bounding box and to the ball around its centre that holds them),
 * and each visited row is measured against every column with the engine's one-to-many float kernel;
 * the visit stops once the bound passes the least distance found, so well separated groups
 * measure only their facing rows, and groups that interleave fall back to all pairs. Every pair within
 * a relative {@link #TOLERANCE} of the float least is measured again in double, so the choice is the
 * double one whenever float rounding (a relative {@code (d + 2) 2^-24} on a squared distance) stays
 * inside the tolerance, that is for any {@code d} below about 16,000.
 */
final class ComponentBridges {
    private static final double TOLERANCE = 1e-3;

    private final float[] x;
    private final int d;
    private final int[][] members;
    private final float[][] gathered;
    private final double[][] low;
    private final double[][] high;
    private final double[][] centre;
    private final double[] radius;
    private final Kernels kernels;

    /**
     * @param x row-major points
     * @param d dimension
     * @param members each group's points, ascending
     * @param kernels the engine's kernels
     */
    ComponentBridges(float[] x, int d, int[][] members, Kernels kernels) {
        this.x = x;
        this.d = d;
        this.members = members;
        this.kernels = kernels;
        int groups = members.length;
        gathered = new float[groups][];
        low = new double[groups][];
        high = new double[groups][];
        centre = new double[groups][];
        radius = new double[groups];
        for (int g = 0; g < groups; g++) {
            int[] points = members[g];
            float[] rows = new float[points.length * d];
            double[] lo = new double[d];
            double[] hi = new double[d];
            Arrays.fill(lo, Double.POSITIVE_INFINITY);
            Arrays.fill(hi, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < points.length; i++) {
                System.arraycopy(x, points[i] * d, rows, i * d, d);
                for (int t = 0; t < d; t++) {
                    lo[t] = Math.min(lo[t], rows[i * d + t]);
                    hi[t] = Math.max(hi[t], rows[i * d + t]);
                }
            }
            double[] mid = new double[d];
            for (int t = 0; t < d; t++) {
                mid[t] = 0.5 * (lo[t] + hi[t]);
            }
            double r2 = 0;
            for (int i = 0; i < points.length; i++) {
                r2 = Math.max(r2, squaredTo(rows, i, mid));
            }
            gathered[g] = rows;
            low[g] = lo;
            high[g] = hi;
            centre[g] = mid;
            radius[g] = Math.sqrt(r2) * (1 + 1e-9); // rounding may only widen the ball
        }
    }

    /**
     * @param rows the rows' group
     * @param columns the columns' group
     * @return {@code {row point, column point}}
     */
    int[] closestPair(int rows, int columns) {
        int[] r = members[rows];
        int[] c = members[columns];
        float[] a = gathered[rows];
        double[] bound = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            double s = 0;
            for (int t = 0; t < d; t++) {
                double v = a[i * d + t];
                double gap = Math.max(0, Math.max(low[columns][t] - v, v - high[columns][t]));
                s += gap * gap;
            }
            double ball = Math.max(0, Math.sqrt(squaredTo(a, i, centre[columns])) - radius[columns]);
            bound[i] = Math.max(s, ball * ball);
        }
        Integer[] order = new Integer[r.length];
        for (int i = 0; i < r.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(bound[p], bound[q]));
        float[] out = new float[c.length];
        float least = Float.POSITIVE_INFINITY;
        int[] candRow = new int[16];
        int[] candCol = new int[16];
        float[] candValue = new float[16];
        int candidates = 0;
        for (int o = 0; o < r.length; o++) {
            int i = order[o];
            if (bound[i] > least * (1 + TOLERANCE)) {
                break;
            }
            kernels.distances(Distance.SQUARED_EUCLIDEAN, a, i * d, gathered[columns], 0, c.length, d, out, 0);
            for (int j = 0; j < c.length; j++) {
                float v = out[j];
                if (v <= least * (1 + TOLERANCE)) {
                    least = Math.min(least, v);
                    if (candidates == candRow.length) {
                        candRow = Arrays.copyOf(candRow, 2 * candidates);
                        candCol = Arrays.copyOf(candCol, 2 * candidates);
                        candValue = Arrays.copyOf(candValue, 2 * candidates);
                    }
                    candRow[candidates] = i;
                    candCol[candidates] = j;
                    candValue[candidates++] = v;
                }
            }
        }
        double best = Double.POSITIVE_INFINITY;
        long bestKey = Long.MAX_VALUE;
        int[] pair = null;
        for (int t = 0; t < candidates; t++) {
            if (candValue[t] > least * (1 + TOLERANCE)) {
                continue; // taken while the least was larger
            }
            int i = candRow[t];
            int j = candCol[t];
            double s = squaredDistance(r[i], c[j]);
            long key = (long) i * c.length + j; // row-major position: the first least wins
            if (s < best || (s == best && key < bestKey)) {
                best = s;
                bestKey = key;
                pair = new int[] {r[i], c[j]};
            }
        }
        return pair;
    }

    private double squaredTo(float[] rows, int i, double[] point) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            double diff = rows[i * d + t] - point[t];
            s += diff * diff;
        }
        return s;
    }

    private double squaredDistance(int p, int q) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            double diff = (double) x[p * d + t] - x[q * d + t];
            s += diff * diff;
        }
        return s;
    }
}
