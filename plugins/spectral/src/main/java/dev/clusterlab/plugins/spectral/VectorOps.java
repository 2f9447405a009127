package dev.clusterlab.plugins.spectral;

import dev.clusterlab.api.exec.Parallel;
import java.util.List;

/**
 * Long-vector operations of the iterative solver, parallel over fixed chunks of entries. Sums (dot
 * products) are formed per chunk and the partial sums added in chunk order, so every result has the
 * same bits for any thread count.
 */
final class VectorOps {
    /** Entries per chunk: fixed, independent of the thread count. */
    static final int CHUNK = 8192;

    private VectorOps() {
    }

    /** @return {@code h[i] = v[i] . w} for {@code i < count} */
    static double[] dots(double[][] v, int count, double[] w, Parallel parallel) {
        List<double[]> parts = parallel.mapChunks(w.length, CHUNK, (chunk, from, to) -> {
            double[] h = new double[count];
            for (int i = 0; i < count; i++) {
                double[] vi = v[i];
                double s = 0;
                for (int r = from; r < to; r++) {
                    s += vi[r] * w[r];
                }
                h[i] = s;
            }
            return h;
        });
        double[] h = new double[count];
        for (double[] part : parts) {
            for (int i = 0; i < count; i++) {
                h[i] += part[i];
            }
        }
        return h;
    }

    /** {@code w -= sum_i h[i] v[i]} for {@code i < count}. */
    static void subtract(double[][] v, int count, double[] h, double[] w, Parallel parallel) {
        parallel.forEachChunk(w.length, CHUNK, (chunk, from, to) -> {
            for (int i = 0; i < count; i++) {
                double[] vi = v[i];
                double c = h[i];
                for (int r = from; r < to; r++) {
                    w[r] -= c * vi[r];
                }
            }
        });
    }

    /**
     * Orthogonalises {@code w} against the orthonormal {@code v[0..count)} by classical Gram-Schmidt done
     * twice ("twice is enough": Giraud, Langou and Rozloznik 2005), which keeps the basis orthogonal to
     * working precision.
     *
     * @return the coefficients {@code v[i] . w} of the original {@code w}
     */
    static double[] orthogonalize(double[][] v, int count, double[] w, Parallel parallel) {
        if (count == 0) {
            return new double[0];
        }
        double[] h = dots(v, count, w, parallel);
        subtract(v, count, h, w, parallel);
        double[] h2 = dots(v, count, w, parallel);
        subtract(v, count, h2, w, parallel);
        for (int i = 0; i < count; i++) {
            h[i] += h2[i];
        }
        return h;
    }

    /** @return the Euclidean norm */
    static double norm(double[] w, Parallel parallel) {
        return Math.sqrt(dots(new double[][] {w}, 1, w, parallel)[0]);
    }

    /** {@code w *= c}. */
    static void scale(double[] w, double c) {
        for (int r = 0; r < w.length; r++) {
            w[r] *= c;
        }
    }

    /**
     * @param v basis vectors
     * @param count how many are combined
     * @param coefficients {@code coefficients[j][i]}: the weight of {@code v[i]} in result {@code j}
     * @return {@code out[j] = sum_i coefficients[j][i] v[i]}
     */
    static double[][] combine(double[][] v, int count, double[][] coefficients, Parallel parallel) {
        int n = v[0].length;
        int l = coefficients.length;
        double[][] out = new double[l][n];
        parallel.forEachChunk(n, CHUNK, (chunk, from, to) -> {
            for (int j = 0; j < l; j++) {
                double[] o = out[j];
                double[] c = coefficients[j];
                for (int i = 0; i < count; i++) {
                    double[] vi = v[i];
                    double ci = c[i];
                    for (int r = from; r < to; r++) {
                        o[r] += ci * vi[r];
                    }
                }
            }
        });
        return out;
    }
}
