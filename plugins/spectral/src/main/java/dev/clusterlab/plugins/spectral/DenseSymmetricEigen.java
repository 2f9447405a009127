package dev.clusterlab.plugins.spectral;

/**
 * All eigenpairs of a dense symmetric matrix (Golub and Van Loan, Matrix Computations, 4th ed., 2013,
 * sections 8.3.1 and 8.3.3): Householder reduction to tridiagonal form {@code Q^T A Q = T} with
 * {@code Q} accumulated, then the implicit symmetric QL iteration with Wilkinson's shift on {@code T},
 * each plane rotation also applied to {@code Q} (the QL form of the implicit QR step of algorithm
 * 8.3.2, which chases the bulge upwards and suits matrices graded from the top, such as the
 * tridiagonal form left by the reduction from the bottom). Backward stable: the computed pairs are
 * exact for a matrix within {@code O(eps |A|)} of {@code A}, and the eigenvectors are orthonormal to
 * working precision whatever the multiplicities.
 *
 * <p>Time about {@code 4/3 n^3} for the reduction, {@code 2/3 n^3} to accumulate {@code Q} and about
 * {@code 3 n^3} for the rotations; memory two {@code n x n} double arrays. Single-threaded: the
 * spectral plugin uses it for small graphs ({@link SpectralEmbedding#DENSE_LIMIT}) and for the small
 * projected matrices of the Lanczos solver.
 */
final class DenseSymmetricEigen {
    /** Eigenvalues, ascending. */
    final double[] values;
    /** {@code vectors[j]} is the unit eigenvector of {@code values[j]}. */
    final double[][] vectors;

    private DenseSymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * @param a row-major {@code n x n} symmetric matrix (only read)
     * @param n order
     * @return the eigenpairs, values ascending
     */
    static DenseSymmetricEigen of(double[] a, int n) {
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, v[i], 0, n);
        }
        double[] d = new double[n];
        double[] e = new double[n];
        if (n == 1) {
            return new DenseSymmetricEigen(new double[] {a[0]}, new double[][] {{1}});
        }
        tridiagonalize(v, d, e, n);
        // Rotations act on columns of Q; hold Q transposed so that each rotation touches two contiguous rows.
        double[][] qt = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                qt[j][i] = v[i][j];
            }
        }
        diagonalize(qt, d, e, n);
        // Sort ascending (selection sort: n swaps of row references).
        for (int i = 0; i < n - 1; i++) {
            int m = i;
            for (int j = i + 1; j < n; j++) {
                if (d[j] < d[m]) {
                    m = j;
                }
            }
            if (m != i) {
                double t = d[i];
                d[i] = d[m];
                d[m] = t;
                double[] r = qt[i];
                qt[i] = qt[m];
                qt[m] = r;
            }
        }
        return new DenseSymmetricEigen(d, qt);
    }

    /**
     * Householder reduction, last row first: on return {@code d} is T's diagonal, {@code e[1..n-1]} its
     * subdiagonal, and {@code v} holds Q (columns), so that {@code A = Q T Q^T}.
     */
    private static void tridiagonalize(double[][] v, double[] d, double[] e, int n) {
        for (int j = 0; j < n; j++) {
            d[j] = v[n - 1][j];
        }
        for (int i = n - 1; i > 0; i--) {
            // Row i (held in d[0..i-1]) is reduced by a reflector that zeroes all but its last entry.
            double scale = 0;
            double h = 0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                    v[j][i] = 0;
                }
            } else {
                for (int k = 0; k < i; k++) {
                    d[k] /= scale; // scaling avoids overflow and underflow in the norm
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = Math.sqrt(h);
                if (f > 0) {
                    g = -g; // the sign that avoids cancellation in d[i-1] - g
                }
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) {
                    e[j] = 0;
                }
                // p = A u / h, with A's lower triangle (held in v) read symmetrically.
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    v[j][i] = f;
                    g = e[j] + v[j][j] * f;
                    for (int k = j + 1; k <= i - 1; k++) {
                        g += v[k][j] * d[k];
                        e[k] += v[k][j] * f;
                    }
                    e[j] = g;
                }
                f = 0;
                for (int j = 0; j < i; j++) {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) {
                    e[j] -= hh * d[j];
                }
                // Rank-two update A -= u q^T + q u^T of the leading block.
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    g = e[j];
                    for (int k = j; k <= i - 1; k++) {
                        v[k][j] -= (f * e[k] + g * d[k]);
                    }
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                }
            }
            d[i] = h;
        }
        // Accumulate the reflectors into Q, first reflector last.
        for (int i = 0; i < n - 1; i++) {
            v[n - 1][i] = v[i][i];
            v[i][i] = 1;
            double h = d[i + 1];
            if (h != 0) {
                for (int k = 0; k <= i; k++) {
                    d[k] = v[k][i + 1] / h;
                }
                for (int j = 0; j <= i; j++) {
                    double g = 0;
                    for (int k = 0; k <= i; k++) {
                        g += v[k][i + 1] * v[k][j];
                    }
                    for (int k = 0; k <= i; k++) {
                        v[k][j] -= g * d[k];
                    }
                }
            }
            for (int k = 0; k <= i; k++) {
                v[k][i + 1] = 0;
            }
        }
        for (int j = 0; j < n; j++) {
            d[j] = v[n - 1][j];
            v[n - 1][j] = 0;
        }
        v[n - 1][n - 1] = 1;
        e[0] = 0;
    }

    /**
     * Implicit QL with Wilkinson's shift on the tridiagonal {@code (d, e)}; rotations applied to the rows
     * of {@code qt} (Q transposed). On return {@code d} holds the eigenvalues, unsorted, and row j of
     * {@code qt} the eigenvector of {@code d[j]}.
     */
    private static void diagonalize(double[][] qt, double[] d, double[] e, int n) {
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0;
        double shiftSum = 0;
        double norm = 0;
        double eps = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            norm = Math.max(norm, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > eps * norm) {
                m++; // the first negligible subdiagonal entry splits off the block [l, m]
            }
            if (m > l) {
                int iterations = 0;
                do {
                    if (++iterations > 60) {
                        throw new IllegalStateException("spectral: the tridiagonal QL iteration did not converge");
                    }
                    // Wilkinson's shift: the eigenvalue of the leading 2 x 2 block nearer d[l].
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Math.hypot(p, 1);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    shiftSum += h;
                    // One implicit QL sweep from the bottom of the block up.
                    p = d[m];
                    double c = 1;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0;
                    double s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        double[] lo = qt[i];
                        double[] hi = qt[i + 1];
                        for (int k = 0; k < n; k++) {
                            double t = hi[k];
                            hi[k] = s * lo[k] + c * t;
                            lo[k] = c * lo[k] - s * t;
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > eps * norm);
            }
            d[l] += shiftSum;
            e[l] = 0;
        }
    }
}
