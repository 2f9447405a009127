package dev.clusterlab.plugins.spectral;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.exec.ProgressListener;
import java.util.SplittableRandom;

/**
 * The largest eigenpairs of the normalised affinity {@code M} (the Laplacian's smallest) by the
 * thick-restart Lanczos method (Wu and Simon, SIAM J. Matrix Anal. Appl. 22(2), 2000; in the
 * Krylov-Schur form of Stewart, SIAM J. Matrix Anal. Appl. 23(3), 2001) with full reorthogonalisation,
 * in the orthogonal complement of given exact eigenvectors (the components' {@code D^1/2 1}).
 *
 * <p><b>Why Lanczos and not LOBPCG.</b> Without a preconditioner (a graph Laplacian has none that is
 * cheap and general) LOBPCG converges like a block conjugate-gradient method, in more products than a
 * Krylov method that keeps the whole subspace; scikit-learn itself calls ARPACK (implicitly restarted
 * Lanczos) by default. Thick restart keeps the {@code l} best Ritz vectors and the residual direction
 * and so needs no polynomial filter; with full reorthogonalisation (classical Gram-Schmidt twice) no
 * spurious copies appear, and for {@code k} eigenvectors of {@code n} points the basis is small
 * ({@code m = max(2k + 16, k + 32)} vectors of {@code n} doubles: 16 MB for 50,000 points and k = 8), so
 * its cost, {@code O(n m)} per step, is that of a few sparse products. The one weakness of a
 * single-vector Krylov method, repeated eigenvalues, is the disconnected graph's eigenvalue 1 of
 * multiplicity = number of components; those eigenvectors are known exactly and are passed in as
 * {@code locked}, so the solver only sees eigenvalues below 1.
 *
 * <p><b>Convergence.</b> A Ritz pair {@code (theta, y)} has residual {@code |M y - theta y| = beta |z_m|}
 * (the last entry of its eigenvector in the projected matrix); the run stops when that is at most
 * {@code tol} for all {@code nev} wanted pairs ({@code |M| <= 1}, so {@code tol} is relative). The
 * eigenvector's angle error is then at most {@code tol / gap}. Products are the operator's (row blocks,
 * fixed order), sums are over fixed chunks ({@link VectorOps}), and the start vector comes from the
 * seed: the result does not depend on the thread count.
 */
final class LanczosSolver {
    /** Restarts before giving up (each costs {@code m - l} products). */
    static final int MAX_RESTARTS = 2000;

    /**
     * @param values eigenvalues of {@code M}, descending
     * @param vectors {@code vectors[j]} the unit eigenvector of {@code values[j]}
     * @param converged whether every residual reached the tolerance
     * @param products matrix-vector products done
     * @param restarts restarts done
     */
    record Result(double[] values, double[][] vectors, boolean converged, int products, int restarts) {
    }

    private LanczosSolver() {
    }

    /** @return the basis size used for {@code nev} wanted pairs */
    static int basisSize(int nev) {
        return Math.max(2 * nev + 16, nev + 32);
    }

    /**
     * @param op the operator
     * @param locked orthonormal exact eigenvectors to stay orthogonal to (may be empty)
     * @param nev wanted pairs, at least 1
     * @param tol residual tolerance
     * @param seed start vector's seed
     * @param context threads and cancellation
     * @param progress receives restarts
     * @return the {@code nev} largest eigenpairs in the complement of {@code locked}
     */
    static Result largest(NormalizedAffinity op, double[][] locked, int nev, double tol, long seed, ExecutionContext context,
                          ProgressListener progress) {
        int n = op.n;
        Parallel parallel = context.parallel();
        int m = Math.min(basisSize(nev), n - locked.length - 1);
        if (m <= nev) {
            throw new IllegalArgumentException("Lanczos needs more than " + (nev + 1 + locked.length) + " points; got " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] v = new double[m + 1][];
        double[][] s = new double[m][m];
        v[0] = randomUnit(n, v, 0, locked, random, parallel);
        int kept = 0;
        double beta = 0;
        int products = 0;
        for (int restart = 0; ; restart++) {
            for (int j = kept; j < m; j++) {
                context.checkCancelled();
                double[] w = new double[n];
                op.multiply(v[j], w, parallel);
                products++;
                VectorOps.orthogonalize(locked, locked.length, w, parallel);
                double[] h = VectorOps.orthogonalize(v, j + 1, w, parallel);
                for (int i = 0; i <= j; i++) {
                    s[i][j] = h[i];
                    s[j][i] = h[i];
                }
                beta = VectorOps.norm(w, parallel);
                if (beta <= 1e-12) {
                    // An invariant subspace: continue with a fresh direction, coupled by 0.
                    beta = 0;
                    w = randomUnit(n, v, j + 1, locked, random, parallel);
                } else {
                    VectorOps.scale(w, 1 / beta);
                }
                v[j + 1] = w;
            }
            // Rayleigh-Ritz on the projected matrix; its eigenvalues ascend, the wanted are the last nev.
            double[] flat = new double[m * m];
            for (int i = 0; i < m; i++) {
                System.arraycopy(s[i], 0, flat, i * m, m);
            }
            DenseSymmetricEigen ritz = DenseSymmetricEigen.of(flat, m);
            int converged = 0;
            double worst = 0;
            for (int t = 0; t < nev; t++) {
                double residual = Math.abs(beta * ritz.vectors[m - 1 - t][m - 1]);
                worst = Math.max(worst, residual);
                if (residual <= tol) {
                    converged++;
                }
            }
            boolean done = converged == nev;
            progress.progress(Double.NaN, "lanczos restart " + restart + ": " + converged + "/" + nev
                    + " eigenpairs converged, largest residual " + String.format("%.2e", worst));
            if (done || restart >= MAX_RESTARTS) {
                double[][] coefficients = new double[nev][];
                double[] values = new double[nev];
                for (int t = 0; t < nev; t++) {
                    coefficients[t] = ritz.vectors[m - 1 - t];
                    values[t] = ritz.values[m - 1 - t];
                }
                return new Result(values, VectorOps.combine(v, m, coefficients, parallel), done, products, restart);
            }
            // Thick restart: keep the l largest Ritz vectors and the residual direction.
            int l = Math.min(m - 1, nev + (m - nev) / 2);
            double[][] coefficients = new double[l][];
            for (int t = 0; t < l; t++) {
                coefficients[t] = ritz.vectors[m - l + t];
            }
            double[][] y = VectorOps.combine(v, m, coefficients, parallel);
            double[] residualDirection = v[m];
            for (double[] row : s) {
                java.util.Arrays.fill(row, 0);
            }
            for (int t = 0; t < l; t++) {
                v[t] = y[t];
                s[t][t] = ritz.values[m - l + t];
            }
            for (int t = l; t <= m; t++) {
                v[t] = null;
            }
            v[l] = residualDirection; // its couplings to the kept vectors are recomputed by the next product
            kept = l;
        }
    }

    /** A seeded random unit vector orthogonal to {@code v[0..count)} and to {@code locked}. */
    private static double[] randomUnit(int n, double[][] v, int count, double[][] locked, SplittableRandom random, Parallel parallel) {
        for (int attempt = 0; ; attempt++) {
            double[] w = new double[n];
            for (int r = 0; r < n; r++) {
                w[r] = random.nextDouble() * 2 - 1;
            }
            VectorOps.orthogonalize(locked, locked.length, w, parallel);
            VectorOps.orthogonalize(v, count, w, parallel);
            double norm = VectorOps.norm(w, parallel);
            if (norm > 1e-8 || attempt > 10) {
                VectorOps.scale(w, 1 / norm);
                return w;
            }
        }
    }
}
