package dev.clusterlab.plugins.categorical;

import java.util.Arrays;

/**
 * {@code k} cluster representatives: a mean per numeric column (double) and a mode per categorical
 * attribute (a code), with the dissimilarity of Huang (1998),
 * {@code d(x, Q) = sum_j (x_j - q_j)^2 + gamma * #{a : x_a != q_a}}: squared Euclidean distance on the
 * numeric columns plus {@code gamma} times the number of mismatched attributes (k-modes: no numeric
 * columns and {@code gamma = 1}, the simple matching dissimilarity). The numeric part is summed in
 * double in column order from direct differences; a code of {@link EncodedRows#UNKNOWN} mismatches
 * every mode. The arrays are the loop's working state.
 */
final class Prototypes {
    final int k;
    final int p;
    final int m;
    final double[] means;
    final int[] modes;

    Prototypes(int k, int p, int m, double[] means, int[] modes) {
        this.k = k;
        this.p = p;
        this.m = m;
        this.means = means;
        this.modes = modes;
    }

    /** @return prototypes equal to the given rows, in that order */
    static Prototypes ofRows(EncodedRows x, int[] rows) {
        int k = rows.length;
        Prototypes q = new Prototypes(k, x.p(), x.m(), new double[k * x.p()], new int[k * x.m()]);
        for (int c = 0; c < k; c++) {
            q.setToRow(c, x, rows[c]);
        }
        return q;
    }

    void setToRow(int c, EncodedRows x, int row) {
        for (int j = 0; j < p; j++) {
            means[c * p + j] = x.num()[row * p + j];
        }
        System.arraycopy(x.cat(), row * m, modes, c * m, m);
    }

    Prototypes copy() {
        return new Prototypes(k, p, m, means.clone(), modes.clone());
    }

    /** @return the prototypes {@code keep} (ascending cluster indices), in that order */
    Prototypes select(int[] keep) {
        Prototypes q = new Prototypes(keep.length, p, m, new double[keep.length * p], new int[keep.length * m]);
        for (int c = 0; c < keep.length; c++) {
            System.arraycopy(means, keep[c] * p, q.means, c * p, p);
            System.arraycopy(modes, keep[c] * m, q.modes, c * m, m);
        }
        return q;
    }

    /** The dissimilarity of row {@code i} of {@code x} to prototype {@code c}. */
    double dissimilarity(EncodedRows x, int i, int c, double gamma) {
        return partial(x, i, c, gamma, Double.POSITIVE_INFINITY);
    }

    /**
     * The dissimilarity, or any value {@code >= bound} once it is known to reach {@code bound} (the
     * running sum only grows, and rounding is monotone, so stopping early never changes an argmin).
     */
    double partial(EncodedRows x, int i, int c, double gamma, double bound) {
        double s = 0;
        float[] num = x.num();
        for (int j = 0; j < p; j++) {
            double diff = num[i * p + j] - means[c * p + j];
            s += diff * diff;
        }
        if (m == 0 || s >= bound) {
            return s;
        }
        int[] cat = x.cat();
        int mismatches = 0;
        int o = i * m;
        int q = c * m;
        for (int a = 0; a < m; a++) {
            if (cat[o + a] != modes[q + a]) {
                mismatches++;
                if (s + gamma * mismatches >= bound) {
                    return s + gamma * mismatches;
                }
            }
        }
        return s + gamma * mismatches;
    }

    /** @return the nearest prototype of row {@code i}, the lowest index on ties */
    int nearest(EncodedRows x, int i, double gamma, double[] bestOut, int at) {
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double v = partial(x, i, c, gamma, bestValue);
            if (v < bestValue) {
                bestValue = v;
                best = c;
            }
        }
        if (bestOut != null) {
            bestOut[at] = bestValue;
        }
        return best;
    }

    @Override
    public String toString() {
        return "Prototypes[k=" + k + ", means=" + Arrays.toString(means) + ", modes=" + Arrays.toString(modes) + "]";
    }
}
