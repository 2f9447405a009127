package dev.clusterlab.plugins.spectral;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;

/**
 * scikit-learn's {@code spectral_embedding(A, n_components=k, norm_laplacian=True, drop_first=False)}:
 * the eigenvectors {@code x} of the {@code k} smallest eigenvalues of {@code L = I - D^-1/2 A D^-1/2},
 * divided by {@code sqrt(degree)} ({@code u = D^-1/2 x}, scikit-learn's {@code embedding / dd}), each
 * column's sign flipped so that its entry of largest magnitude (the first of equals) is positive
 * (scikit-learn's {@code _deterministic_vector_sign_flip}). Columns are ordered by ascending Laplacian
 * eigenvalue.
 *
 * <p><b>Components.</b> Each connected component with an edge has Laplacian eigenvalue 0 with the
 * known eigenvector {@code D^1/2 1} on it; those are set exactly and the solver works in their
 * orthogonal complement (a disconnected graph's repeated eigenvalue is what a single-vector Krylov
 * method cannot resolve). With more such components than {@code k}, the {@code k} largest are kept (the
 * first on ties): scikit-learn's ARPACK returns an arbitrary basis of that null space then. A node
 * without edges has eigenvalue 1 and an embedding row of zeros unless an eigenvector selects it.
 *
 * <p><b>Solvers.</b> Up to {@link #DENSE_LIMIT} points, or when too few points are left for a Krylov
 * basis, {@link DenseSymmetricEigen} on {@code M - 2 Y Y^T} (the known eigenvectors {@code Y} moved to
 * eigenvalue -1, below the spectrum); above, {@link LanczosSolver}. The limit was measured on 2 shared
 * cores (December 2026, k = 8, connected 10-nearest-neighbour graphs of overlapping blobs): the dense
 * solver, {@code O(n^3)}, took 0.024 s at 300 points, 0.067 s at 400, 0.27 s at 600, 1.3 s at 1,000 and
 * 4.6 s at 1,500; Lanczos took 1 to 9 ms at all of these sizes (55 to 103 products). The dense solver
 * is therefore kept only where it costs under a tenth of a second: it needs no start vector, no
 * tolerance and no restart, and resolves any multiplicity.
 */
final class SpectralEmbedding {
    /** Largest n solved densely. */
    static final int DENSE_LIMIT = 400;
    /** {@code eigen_tol: 0}: the residual norm each eigenpair of {@code M} reaches ({@code |M| <= 1}). */
    static final double DEFAULT_TOL = 1e-7;

    /** Which eigen solver. */
    enum Solver {
        /** Dense up to {@link #DENSE_LIMIT} points, Lanczos above. */
        AUTO,
        /** Always dense (tests). */
        DENSE,
        /** Always Lanczos (tests). */
        LANCZOS
    }

    /**
     * @param coordinates row-major {@code n x k} embedding
     * @param n points
     * @param k columns
     * @param laplacianEigenvalues ascending, one per column
     * @param components connected components of the graph (isolated nodes included)
     * @param converged whether the iterative solver reached its tolerance (always true for the dense one)
     * @param solver "dense" or "lanczos"
     * @param products matrix-vector products (0 for the dense solver)
     */
    record Result(double[] coordinates, int n, int k, double[] laplacianEigenvalues, int components, boolean converged,
                  String solver, int products) {
    }

    private SpectralEmbedding() {
    }

    static Result compute(NormalizedAffinity op, int k, double eigenTol, Solver solver, long seed, ExecutionContext context,
                          ProgressListener progress) {
        int n = op.n;
        double tol = eigenTol > 0 ? eigenTol : DEFAULT_TOL;
        int[] comp = op.components();
        int count = 0;
        for (int c : comp) {
            count = Math.max(count, c + 1);
        }
        double[][] locked = lockedVectors(op, comp, count, k);
        int nev = k - locked.length;
        double[][] vectors = new double[k][];
        double[] mu = new double[k];
        for (int c = 0; c < locked.length; c++) {
            vectors[c] = locked[c];
            mu[c] = 1;
        }
        boolean converged = true;
        int products = 0;
        String used = "none";
        if (nev > 0) {
            boolean dense = solver == Solver.DENSE || (solver == Solver.AUTO && n <= DENSE_LIMIT)
                    || n - locked.length - 1 <= LanczosSolver.basisSize(nev);
            if (dense) {
                used = "dense";
                double[] m = op.toDense();
                for (double[] y : locked) {
                    for (int i = 0; i < n; i++) {
                        double yi = 2 * y[i];
                        for (int j = 0; j < n; j++) {
                            m[i * n + j] -= yi * y[j];
                        }
                    }
                }
                context.checkCancelled();
                DenseSymmetricEigen eig = DenseSymmetricEigen.of(m, n);
                for (int t = 0; t < nev; t++) {
                    vectors[locked.length + t] = eig.vectors[n - 1 - t];
                    mu[locked.length + t] = eig.values[n - 1 - t];
                }
            } else {
                used = "lanczos";
                LanczosSolver.Result r = LanczosSolver.largest(op, locked, nev, tol, seed, context, progress);
                for (int t = 0; t < nev; t++) {
                    vectors[locked.length + t] = r.vectors()[t];
                    mu[locked.length + t] = r.values()[t];
                }
                converged = r.converged();
                products = r.products();
            }
        }
        double[] coordinates = new double[n * k];
        double[] lambda = new double[k];
        for (int c = 0; c < k; c++) {
            double[] x = vectors[c];
            lambda[c] = 1 - mu[c];
            int best = 0;
            double bestAbs = -1;
            for (int i = 0; i < n; i++) {
                double u = x[i] / op.sqrtDegree[i];
                coordinates[i * k + c] = u;
                if (Math.abs(u) > bestAbs) {
                    bestAbs = Math.abs(u);
                    best = i;
                }
            }
            if (coordinates[best * k + c] < 0) {
                for (int i = 0; i < n; i++) {
                    coordinates[i * k + c] = -coordinates[i * k + c];
                }
            }
        }
        return new Result(coordinates, n, k, lambda, count, converged, used, products);
    }

    /**
     * The unit vectors {@code D^1/2 1} of the components with an edge, largest component first (the
     * first on ties), at most {@code k}.
     */
    private static double[][] lockedVectors(NormalizedAffinity op, int[] comp, int count, int k) {
        int n = op.n;
        int[] size = new int[count];
        boolean[] hasEdge = new boolean[count];
        for (int i = 0; i < n; i++) {
            size[comp[i]]++;
            if (!op.degreeZero(i)) {
                hasEdge[comp[i]] = true;
            }
        }
        Integer[] order = new Integer[count];
        for (int c = 0; c < count; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(a, b));
        int take = 0;
        int[] chosen = new int[Math.min(k, count)];
        for (int c : order) {
            if (take < chosen.length && hasEdge[c]) {
                chosen[take++] = c;
            }
        }
        double[][] locked = new double[take][n];
        for (int t = 0; t < take; t++) {
            int c = chosen[t];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                if (comp[i] == c) {
                    locked[t][i] = op.sqrtDegree[i];
                    norm += op.sqrtDegree[i] * op.sqrtDegree[i];
                }
            }
            VectorOps.scale(locked[t], 1 / Math.sqrt(norm));
        }
        return locked;
    }
}
