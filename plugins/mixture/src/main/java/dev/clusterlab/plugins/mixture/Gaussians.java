package dev.clusterlab.plugins.mixture;

import dev.clusterlab.api.DataException;
import dev.clusterlab.plugins.mixture.GmmParams.CovarianceType;

/**
 * The parameters of a Gaussian mixture in double: weights, means, covariances and the Cholesky factors
 * of the precisions, as scikit-learn's {@code weights_}, {@code means_}, {@code covariances_} and
 * {@code precisions_cholesky_}. Layouts (row-major):
 * <ul>
 *   <li>full: covariances {@code k x d x d}; precision factor {@code U_c} upper triangular with
 *       {@code U_c U_c^T = Sigma_c^-1} ({@code U = L^-T} for {@code Sigma = L L^T})</li>
 *   <li>tied: one {@code d x d} covariance and factor</li>
 *   <li>diag: {@code k x d} variances, factor {@code 1 / sqrt(variance)}</li>
 *   <li>spherical: {@code k} variances, factor {@code 1 / sqrt(variance)}</li>
 * </ul>
 * {@code logDet[c]} is {@code log det U_c}, half the log-determinant of the precision.
 */
final class Gaussians {
    static final String SINGULAR = "fitting the mixture model failed because some components have ill-defined empirical "
            + "covariance (for instance caused by singleton or collapsed samples); try to decrease the number of "
            + "components, or increase reg_covar";
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    final CovarianceType type;
    final int k;
    final int d;
    final double[] weights;
    final double[] means;
    final double[] covariances;
    final double[] precisionCholesky;
    final double[] logDet;

    private Gaussians(CovarianceType type, int k, int d, double[] weights, double[] means, double[] covariances) {
        this.type = type;
        this.k = k;
        this.d = d;
        this.weights = weights;
        this.means = means;
        this.covariances = covariances;
        this.precisionCholesky = new double[covariances.length];
        this.logDet = new double[k];
        factor();
    }

    /**
     * A mixture from its parameters; the precision factors are computed.
     *
     * @throws DataException if a covariance is not positive definite
     */
    static Gaussians of(CovarianceType type, int k, int d, double[] weights, double[] means, double[] covariances) {
        return new Gaussians(type, k, d, weights, means, covariances);
    }

    /** @return the same covariances and weights with other means (scikit-learn's {@code means_init}) */
    Gaussians withMeans(double[] newMeans) {
        return new Gaussians(type, k, d, weights, newMeans, covariances);
    }

    /** @return the components in the given order ({@code order[new] = old}) */
    Gaussians permuted(int[] order) {
        double[] w = new double[k];
        double[] m = new double[k * d];
        int per = type == CovarianceType.TIED ? 0 : covariances.length / k;
        double[] cov = type == CovarianceType.TIED ? covariances : new double[covariances.length];
        for (int c = 0; c < k; c++) {
            int o = order[c];
            w[c] = weights[o];
            System.arraycopy(means, o * d, m, c * d, d);
            if (per > 0) {
                System.arraycopy(covariances, o * per, cov, c * per, per);
            }
        }
        return new Gaussians(type, k, d, w, m, cov);
    }

    /** @return {@code log w_c + log det U_c - d log(2 pi) / 2}: the per-component constant of the weighted log-density */
    double[] constants() {
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            out[c] = Math.log(weights[c]) + logDet[c] - 0.5 * d * LOG_2PI;
        }
        return out;
    }

    /**
     * The M-step: parameters from the responsibility-weighted sums of one data pass.
     *
     * @param type covariance form
     * @param stats the sums ({@link Sufficient})
     * @param regCovar added to every variance
     * @param n number of points; with {@code initial} the weights are {@code nk / n} (scikit-learn's
     *     {@code _initialize}), else {@code nk / sum(nk)} (its {@code _m_step})
     * @throws DataException if a covariance is not positive definite
     */
    static Gaussians estimate(CovarianceType type, Sufficient stats, double regCovar, int n, boolean initial) {
        int k = stats.k;
        int d = stats.d;
        // scikit-learn adds 10 machine epsilons to every component's mass so that an empty one divides by > 0.
        double[] nk = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++) {
            nk[c] = stats.mass[c] + 10 * Math.ulp(1.0);
            total += nk[c];
        }
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            weights[c] = nk[c] / (initial ? n : total);
        }
        // delta = mean - shift: the sums are taken about a shift (the previous means, or the data mean) so that
        // the scatter matrices do not lose digits to |x|^2 when the data lie far from the origin.
        double[] means = new double[k * d];
        double[] delta = new double[k * d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                delta[c * d + j] = stats.sums[c * d + j] / nk[c];
                means[c * d + j] = stats.shift(c, j) + delta[c * d + j];
            }
        }
        double[] cov;
        switch (type) {
            case FULL -> {
                cov = new double[k * d * d];
                for (int c = 0; c < k; c++) {
                    int o = c * d * d;
                    for (int a = 0; a < d; a++) {
                        for (int b = a; b < d; b++) {
                            double s = stats.scatter[o + a * d + b] - delta[c * d + a] * stats.sums[c * d + b]
                                    - stats.sums[c * d + a] * delta[c * d + b] + stats.mass[c] * delta[c * d + a] * delta[c * d + b];
                            double v = s / nk[c] + (a == b ? regCovar : 0);
                            cov[o + a * d + b] = v;
                            cov[o + b * d + a] = v;
                        }
                    }
                }
            }
            case TIED -> {
                // scikit-learn: (X^T X - sum_c nk_c mu_c mu_c^T) / sum(nk), here about the data mean.
                cov = new double[d * d];
                for (int a = 0; a < d; a++) {
                    for (int b = a; b < d; b++) {
                        double s = stats.scatter[a * d + b];
                        for (int c = 0; c < k; c++) {
                            s -= nk[c] * delta[c * d + a] * delta[c * d + b];
                        }
                        double v = s / total + (a == b ? regCovar : 0);
                        cov[a * d + b] = v;
                        cov[b * d + a] = v;
                    }
                }
            }
            case DIAG, SPHERICAL -> {
                double[] diag = new double[k * d];
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j < d; j++) {
                        int i = c * d + j;
                        double s = stats.scatter[i] - 2 * delta[i] * stats.sums[i] + stats.mass[c] * delta[i] * delta[i];
                        diag[i] = s / nk[c] + regCovar;
                    }
                }
                if (type == CovarianceType.DIAG) {
                    cov = diag;
                } else {
                    cov = new double[k];
                    for (int c = 0; c < k; c++) {
                        double s = 0;
                        for (int j = 0; j < d; j++) {
                            s += diag[c * d + j];
                        }
                        cov[c] = s / d;
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        return new Gaussians(type, k, d, weights, means, cov);
    }

    /** Precision factors and their log-determinants from the covariances (scikit-learn's {@code _compute_precision_cholesky}). */
    private void factor() {
        switch (type) {
            case FULL -> {
                for (int c = 0; c < k; c++) {
                    logDet[c] = upperInverseFactor(covariances, c * d * d, precisionCholesky, d);
                }
            }
            case TIED -> {
                double ld = upperInverseFactor(covariances, 0, precisionCholesky, d);
                java.util.Arrays.fill(logDet, ld);
            }
            case DIAG, SPHERICAL -> {
                int per = type == CovarianceType.DIAG ? d : 1;
                for (int c = 0; c < k; c++) {
                    double s = 0;
                    for (int j = 0; j < per; j++) {
                        double v = covariances[c * per + j];
                        if (!(v > 0)) {
                            throw new DataException(GaussianMixtureAlgorithm.ID + ": " + SINGULAR);
                        }
                        double f = 1 / Math.sqrt(v);
                        precisionCholesky[c * per + j] = f;
                        s += Math.log(f);
                    }
                    logDet[c] = type == CovarianceType.DIAG ? s : d * s;
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * Cholesky {@code Sigma = L L^T} of the {@code d x d} matrix at {@code offset}, then {@code U = L^-T}
     * (upper triangular) into {@code out} at the same offset.
     *
     * @return {@code log det U = -sum log L_jj}
     * @throws DataException if the matrix is not positive definite
     */
    private static double upperInverseFactor(double[] sigma, int offset, double[] out, int d) {
        double[] l = new double[d * d];
        for (int j = 0; j < d; j++) {
            double s = sigma[offset + j * d + j];
            for (int m = 0; m < j; m++) {
                s -= l[j * d + m] * l[j * d + m];
            }
            if (!(s > 0)) {
                throw new DataException(GaussianMixtureAlgorithm.ID + ": " + SINGULAR);
            }
            double ljj = Math.sqrt(s);
            l[j * d + j] = ljj;
            for (int i = j + 1; i < d; i++) {
                double t = sigma[offset + i * d + j];
                for (int m = 0; m < j; m++) {
                    t -= l[i * d + m] * l[j * d + m];
                }
                l[i * d + j] = t / ljj;
            }
        }
        // Solve L M = I column by column (M = L^-1, lower); U = M^T, so U[j][i] = M[i][j].
        double logDet = 0;
        for (int col = 0; col < d; col++) {
            for (int i = col; i < d; i++) {
                double t = i == col ? 1 : 0;
                for (int m = col; m < i; m++) {
                    t -= l[i * d + m] * out[offset + col * d + m];
                }
                out[offset + col * d + i] = t / l[i * d + i];
            }
            for (int i = 0; i < col; i++) {
                out[offset + col * d + i] = 0;
            }
            logDet -= Math.log(l[col * d + col]);
        }
        // out now holds M^T row by row: out[col][i] = M[i][col], i.e. U[col][i] with U upper triangular.
        return logDet;
    }
}
