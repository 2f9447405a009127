package dev.clusterlab.host.report;

import java.util.Arrays;

/**
 * Principal component analysis of a dense matrix, small enough for the report's 2-D projections: the
 * covariance of the (sub-sampled) rows in double precision, then its eigenvectors by cyclic Jacobi
 * rotations (exact and robust to repeated eigenvalues) up to {@value #JACOBI_MAX_D} features, by power
 * iteration with deflation above that (only the leading components are needed). Eigenvectors are
 * signed so that their largest entry is positive, which makes projections deterministic.
 */
final class Pca {
    static final int JACOBI_MAX_D = 200;

    private Pca() {
    }

    /**
     * @param mean the column means
     * @param components {@code k} unit eigenvectors of length {@code d}, by decreasing variance
     * @param variances their eigenvalues (variance along each component)
     * @param totalVariance the trace of the covariance (sum of all eigenvalues)
     */
    record Result(double[] mean, double[][] components, double[] variances, double totalVariance) {
        /**
         * @param i component index
         * @return the fraction of the total variance it explains, 0 for constant data
         */
        double explained(int i) {
            return totalVariance > 0 ? variances[i] / totalVariance : 0;
        }

        /**
         * @param data row-major values with {@code mean.length} columns
         * @param rows the rows to project
         * @return {@code [component][row]} coordinates
         */
        double[][] project(float[] data, int[] rows) {
            int d = mean.length;
            double[][] out = new double[components.length][rows.length];
            for (int r = 0; r < rows.length; r++) {
                int base = rows[r] * d;
                for (int c = 0; c < components.length; c++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += (data[base + j] - mean[j]) * components[c][j];
                    }
                    out[c][r] = s;
                }
            }
            return out;
        }
    }

    /**
     * @param data row-major values
     * @param d columns
     * @param rows the rows to fit on (at least one)
     * @param k how many components, at most {@code d}
     * @return the leading {@code k} components
     */
    static Result fit(float[] data, int d, int[] rows, int k) {
        double[] mean = new double[d];
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += data[r * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        double[][] cov = new double[d][d];
        double[] x = new double[d];
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                x[j] = data[r * d + j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    cov[a][b] += x[a] * x[b];
                }
            }
        }
        double denom = Math.max(1, rows.length - 1);
        double trace = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= denom;
                cov[b][a] = cov[a][b];
            }
            trace += cov[a][a];
        }
        int kk = Math.min(k, d);
        double[][] vectors = new double[kk][];
        double[] values = new double[kk];
        if (d <= JACOBI_MAX_D) {
            jacobi(cov, vectors, values);
        } else {
            power(cov, vectors, values);
        }
        for (double[] v : vectors) {
            orient(v);
        }
        return new Result(mean, vectors, values, trace);
    }

    /** Eigen-decomposition of the symmetric {@code a} (destroyed) by cyclic Jacobi; fills the leading pairs. */
    static void jacobi(double[][] a, double[][] vectors, double[] values) {
        int d = a.length;
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int p = 0; p < d; p++) {
                diag += a[p][p] * a[p][p];
                for (int q = p + 1; q < d; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-30 * Math.max(diag, Double.MIN_NORMAL)) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        Integer[] order = new Integer[d];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
        for (int c = 0; c < values.length; c++) {
            int col = order[c];
            values[c] = Math.max(0, a[col][col]);
            vectors[c] = new double[d];
            for (int j = 0; j < d; j++) {
                vectors[c][j] = v[j][col];
            }
        }
    }

    private static void rotate(double[][] a, double[][] v, int p, int q) {
        int d = a.length;
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < d; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < d; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < d; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    /** Leading eigenpairs of the symmetric positive semi-definite {@code a} by power iteration and deflation. */
    static void power(double[][] a, double[][] vectors, double[] values) {
        int d = a.length;
        for (int c = 0; c < values.length; c++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = 1 + (double) j / d; // deterministic start, not orthogonal to typical leading vectors
            }
            double lambda = 0;
            for (int it = 0; it < 2000; it++) {
                deflate(v, vectors, c);
                double norm = normalise(v);
                if (norm == 0) {
                    break;
                }
                double[] w = multiply(a, v);
                double next = dot(v, w);
                boolean done = it > 0 && Math.abs(next - lambda) <= 1e-13 * Math.abs(next);
                lambda = next;
                v = w;
                if (done) {
                    break;
                }
            }
            deflate(v, vectors, c);
            normalise(v);
            vectors[c] = v;
            values[c] = Math.max(0, dot(v, multiply(a, v)));
        }
    }

    private static void deflate(double[] v, double[][] previous, int count) {
        for (int p = 0; p < count; p++) {
            double proj = dot(v, previous[p]);
            for (int j = 0; j < v.length; j++) {
                v[j] -= proj * previous[p][j];
            }
        }
    }

    private static double[] multiply(double[][] a, double[] v) {
        double[] w = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            w[i] = dot(a[i], v);
        }
        return w;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static double normalise(double[] v) {
        double n = Math.sqrt(dot(v, v));
        if (n > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= n;
            }
        }
        return n;
    }

    private static void orient(double[] v) {
        int big = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[big]) + 1e-12) {
                big = j;
            }
        }
        if (v[big] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
    }
}
