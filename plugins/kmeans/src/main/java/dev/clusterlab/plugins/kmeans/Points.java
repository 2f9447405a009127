package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.Dataset;

/**
 * The data of one fit: row-major {@code n x d} points (read only, never copied) and optional sample
 * weights ({@code null} means every weight is 1).
 *
 * @param x row-major points
 * @param n number of rows
 * @param d dimension
 * @param weights {@code n} weights {@code >= 0}, or {@code null}
 */
record Points(float[] x, int n, int d, float[] weights) {

    /** @return the points and weights of a dataset */
    static Points of(Dataset data) {
        return new Points(data.data(), data.n(), data.d(), data.weights().orElse(null));
    }

    /** @return the weight of row {@code i} */
    double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    /** @return the sum of the weights */
    double totalWeight() {
        if (weights == null) {
            return n;
        }
        double s = 0;
        for (float w : weights) {
            s += w;
        }
        return s;
    }

    /** @return the exact squared Euclidean distance of row {@code i} to row {@code c} of {@code centres}, in double */
    double exactSquared(int i, float[] centres, int c) {
        double s = 0;
        int xo = i * d;
        int co = c * d;
        for (int j = 0; j < d; j++) {
            double diff = (double) x[xo + j] - centres[co + j];
            s += diff * diff;
        }
        return s;
    }
}
