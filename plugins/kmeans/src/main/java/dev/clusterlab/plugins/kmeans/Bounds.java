package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;

/**
 * Helpers shared by the bounded variants (Elkan, Hamerly). Bounds are on Euclidean distances between
 * the float coordinates in exact arithmetic; the kernel's float distances differ from those by at most
 * a relative {@code (d + 2) 2^-24} (squared) and half that after the square root. Each bound is widened
 * by {@link #slack} (three times that) when set from a computed distance, so a centre is skipped only
 * when its computed distance would also have lost: with the scalar kernel the labels are those of
 * Lloyd's pass, bit for bit, not merely up to ties.
 */
final class Bounds {
    private Bounds() {
    }

    /** @return the relative widening of bounds for dimension {@code d} */
    static double slack(int d) {
        return 3.0 * (d + 3) * 0x1p-24;
    }

    /**
     * Half the distance of each centre to its nearest other centre, and half of every centre-centre
     * distance, both shrunk by the slack.
     *
     * @param kernels the kernels
     * @param centres row-major {@code k x d}
     * @param k number of centres
     * @param d dimension
     * @param slack relative widening
     * @param halfPairs receives {@code k x k} half distances (may be null)
     * @param squared {@code k x k} scratch for the squared distances, overwritten
     * @param s receives the {@code k} half distances to the nearest other centre ({@code +inf} when
     *     {@code k == 1})
     * @return {@code s}
     */
    static double[] halfSeparation(Kernels kernels, float[] centres, int k, int d, double slack, double[] halfPairs,
                                   float[] squared, double[] s) {
        kernels.pairwise(Distance.SQUARED_EUCLIDEAN, centres, 0, k, centres, 0, k, d, squared);
        java.util.Arrays.fill(s, Double.POSITIVE_INFINITY);
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                double half = 0.5 * Math.sqrt(squared[a * k + c]) * (1 - slack);
                if (halfPairs != null) {
                    halfPairs[a * k + c] = half;
                }
                if (c != a && half < s[a]) {
                    s[a] = half;
                }
            }
        }
        return s;
    }

    /** @return a float not above {@code v} and not below zero (lower bounds are stored as floats) */
    static float down(double v) {
        if (v <= 0) {
            return 0f;
        }
        float f = (float) v;
        return f > v ? Math.nextDown(f) : f;
    }
}
