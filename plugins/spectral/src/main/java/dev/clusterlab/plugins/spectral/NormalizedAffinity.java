package dev.clusterlab.plugins.spectral;

import dev.clusterlab.api.exec.Parallel;

/**
 * The normalised affinity {@code M = D^-1/2 A D^-1/2} of a graph as a linear operator, with the
 * diagonal of {@code A} left out as SciPy's {@code csgraph.laplacian(normed=True)} leaves it out (self
 * loops do not count in the degrees). The normalised Laplacian scikit-learn's {@code spectral_embedding}
 * decomposes is {@code L = I - M}; its smallest eigenvalues are {@code M}'s largest, and the iterative
 * solver works on {@code M} (equivalently on the shifted {@code I + M}, eigenvalues in {@code [0, 2]}:
 * the shift changes neither the Krylov spaces nor the Ritz vectors). A node of degree 0 has
 * {@code sqrtDegree = 1}, as in SciPy.
 *
 * <p>Products are computed row by row, each row's sum in a fixed order by one thread, so they do not
 * depend on the thread count.
 */
abstract class NormalizedAffinity {
    /** Rows per task of the parallel products; fixed, so that nothing depends on the thread count. */
    static final int ROW_CHUNK = 256;
    final int n;
    /** {@code sqrt(degree)}, 1 for an isolated node: scikit-learn's {@code dd}. */
    final double[] sqrtDegree;
    /** {@code 1 / sqrtDegree}. */
    final double[] scale;

    NormalizedAffinity(int n, double[] degree) {
        this.n = n;
        sqrtDegree = new double[n];
        scale = new double[n];
        for (int i = 0; i < n; i++) {
            sqrtDegree[i] = degree[i] == 0 ? 1 : Math.sqrt(degree[i]);
            scale[i] = 1 / sqrtDegree[i];
        }
    }

    /**
     * {@code y = M x}.
     *
     * @param x length n, not modified
     * @param y length n, overwritten
     * @param parallel the executor
     */
    abstract void multiply(double[] x, double[] y, Parallel parallel);

    /** @return {@code M} as a dense row-major {@code n x n} double matrix (small n only) */
    abstract double[] toDense();

    /**
     * The connected components of the graph (an edge where {@code A_ij > 0}, {@code i != j}), numbered in
     * the order of their first node.
     *
     * @return one component per node
     */
    abstract int[] components();

    /** @return the number of stored affinities, for messages */
    abstract long entries();

    /** @return whether node i has degree 0 (no edge to another node) */
    abstract boolean degreeZero(int i);
}
