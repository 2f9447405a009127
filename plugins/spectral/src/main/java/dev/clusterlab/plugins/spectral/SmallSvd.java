package dev.clusterlab.plugins.spectral;

/**
 * The singular value decomposition {@code A = U diag(s) V^T} of a small square matrix by one-sided
 * Jacobi rotations (Hestenes 1958; Golub and Van Loan, section 8.6.3): columns of {@code A} are
 * rotated pairwise until orthogonal, the rotations accumulated in {@code V}; the column norms are the
 * singular values. Accurate to working precision and free of convergence failures, which suits the
 * {@code k x k} problems of discretize and cluster_qr. Left vectors of zero singular values are
 * completed to an orthonormal basis. The order of the triplets is not sorted: the callers use
 * {@code sum_i u_i v_i^T} and {@code sum_i s_i}, which do not depend on it.
 */
final class SmallSvd {
    final double[][] u;
    final double[] s;
    final double[][] v;

    private SmallSvd(double[][] u, double[] s, double[][] v) {
        this.u = u;
        this.s = s;
        this.v = v;
    }

    /** @param a {@code k x k}, rows ({@code a[i][j]}); not modified */
    static SmallSvd of(double[][] a) {
        int k = a.length;
        // w[j] is column j of A.
        double[][] w = new double[k][k];
        double[][] v = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                w[j][i] = a[i][j];
            }
            v[i][i] = 1;
        }
        double eps = Math.ulp(1.0);
        for (int sweep = 0; sweep < 80; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < k - 1; p++) {
                for (int q = p + 1; q < k; q++) {
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    for (int i = 0; i < k; i++) {
                        alpha += w[p][i] * w[p][i];
                        beta += w[q][i] * w[q][i];
                        gamma += w[p][i] * w[q][i];
                    }
                    if (gamma == 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + t * t);
                    double sn = c * t;
                    rotate(w[p], w[q], c, sn);
                    rotate(v[p], v[q], c, sn);
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] s = new double[k];
        double max = 0;
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (int i = 0; i < k; i++) {
                norm += w[j][i] * w[j][i];
            }
            s[j] = Math.sqrt(norm);
            max = Math.max(max, s[j]);
        }
        double[][] u = new double[k][];
        boolean[] missing = new boolean[k];
        for (int j = 0; j < k; j++) {
            if (s[j] > 1e-14 * max && s[j] > 0) {
                u[j] = new double[k];
                for (int i = 0; i < k; i++) {
                    u[j][i] = w[j][i] / s[j];
                }
            } else {
                missing[j] = true;
                s[j] = 0;
            }
        }
        // Complete U with unit vectors orthogonalised against the columns already there.
        int unit = 0;
        for (int j = 0; j < k; j++) {
            if (!missing[j]) {
                continue;
            }
            while (true) {
                double[] e = new double[k];
                e[unit++ % k] = 1;
                for (int pass = 0; pass < 2; pass++) {
                    for (int o = 0; o < k; o++) {
                        if (u[o] != null) {
                            double dot = 0;
                            for (int i = 0; i < k; i++) {
                                dot += u[o][i] * e[i];
                            }
                            for (int i = 0; i < k; i++) {
                                e[i] -= dot * u[o][i];
                            }
                        }
                    }
                }
                double norm = 0;
                for (double x : e) {
                    norm += x * x;
                }
                if (norm > 1e-6) {
                    norm = Math.sqrt(norm);
                    for (int i = 0; i < k; i++) {
                        e[i] /= norm;
                    }
                    u[j] = e;
                    break;
                }
            }
        }
        return new SmallSvd(u, s, v);
    }

    private static void rotate(double[] x, double[] y, double c, double s) {
        for (int i = 0; i < x.length; i++) {
            double a = x[i];
            double b = y[i];
            x[i] = c * a - s * b;
            y[i] = s * a + c * b;
        }
    }

    /** @return {@code sum_i u_i v_i^T} ({@code U V^T}, the orthogonal polar factor), as rows */
    double[][] uvt() {
        int k = s.length;
        double[][] r = new double[k][k];
        for (int t = 0; t < k; t++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    r[i][j] += u[t][i] * v[t][j];
                }
            }
        }
        return r;
    }
}
