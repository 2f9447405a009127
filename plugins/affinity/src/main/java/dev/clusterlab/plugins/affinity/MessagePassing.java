package dev.clusterlab.plugins.affinity;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.exec.ProgressListener;

/**
 * Frey and Dueck's responsibility and availability updates, in place in float32 on row-major rows, in
 * scikit-learn 1.2.1's order of operations and with its convergence rule.
 *
 * <p><b>One iteration, two passes over the rows</b> (scikit-learn's numpy makes about fifteen over
 * {@code n x n} doubles):
 * <ol>
 *   <li>Responsibilities, row by row: the largest and second-largest {@code a(i,k) + s(i,k)} (first
 *       index on ties), then {@code r(i,k) = damping r(i,k) + (1 - damping) (s(i,k) - max)}, with the
 *       second largest at the argmax. The same loop adds {@code max(r(i,k), 0)} (the diagonal
 *       {@code r(k,k)} itself) into the column sums of its chunk of rows.</li>
 *   <li>Availabilities, row by row: {@code a(i,k) = damping a(i,k) + (1 - damping) min(0, colsum(k) - max(r(i,k), 0))},
 *       and {@code a(k,k) = damping a(k,k) + (1 - damping) (colsum(k) - r(k,k))}. The point's exemplar
 *       status {@code a(i,i) + r(i,i) > 0} is read on the way.</li>
 * </ol>
 * The loops are plain array arithmetic over a row that the JIT compiles to SIMD instructions (C2's
 * superword pass); each row of the three matrices is read about once per pass, so an iteration costs
 * seven row streams of {@code 4 n} bytes: the fit is bound by memory bandwidth, not arithmetic.
 *
 * <p><b>Determinism.</b> Rows go in chunks of a size that depends on {@code n} only; each chunk sums
 * its own column sums in row order, and the chunks' sums are added in chunk order in double, so the
 * result is the same bits for any thread count.
 *
 * <p><b>Convergence</b> (scikit-learn's): after iteration {@code it} (0-based) with {@code it >= convergence_iter},
 * the fit stops when no point's exemplar status changed in the last {@code convergence_iter} iterations
 * and there is at least one exemplar.
 */
final class MessagePassing {
    private final float[][] s;
    private final float[][] r;
    private final float[][] a;
    private final int n;
    private final int chunkRows;
    private final int chunks;
    private final float[][] chunkSums;
    private final double[] columnSums;
    private final boolean[] exemplar;
    private final int[] stableFor;
    private int iterations;
    private boolean converged;

    /**
     * @param s the similarities with the preferences on the diagonal (read only)
     */
    MessagePassing(float[][] s) {
        this.s = s;
        n = s.length;
        r = new float[n][n];
        a = new float[n][n];
        // Enough chunks for the threads to share, few enough that the chunk sums stay small next to the matrices.
        chunkRows = Math.max(16, (n + 63) / 64);
        chunks = Parallel.chunkCount(n, chunkRows);
        chunkSums = new float[chunks][n];
        columnSums = new double[n];
        exemplar = new boolean[n];
        stableFor = new int[n];
    }

    /** The extra bytes {@link #MessagePassing} allocates for {@code n} points: two matrices and the chunk sums. */
    static long bytesNeeded(int n) {
        long chunks = Parallel.chunkCount(n, Math.max(16, (n + 63) / 64));
        return 4L * n * n * 2 + 4L * chunks * n + 16L * n;
    }

    /**
     * Iterates until convergence or {@code maxIter} iterations.
     *
     * @param damping the damping factor
     * @param maxIter most iterations
     * @param convergenceIter iterations without a change that mean convergence
     * @param context threads and cancellation
     * @param progress progress of this stage
     */
    void run(double damping, int maxIter, int convergenceIter, ExecutionContext context, ProgressListener progress) {
        float keep = (float) damping;
        float take = (float) (1 - damping);
        Parallel parallel = context.parallel();
        for (int it = 0; it < maxIter; it++) {
            context.checkCancelled();
            parallel.forEachChunk(n, chunkRows, (chunk, from, to) -> responsibilities(chunk, from, to, keep, take));
            java.util.Arrays.fill(columnSums, 0);
            for (float[] sums : chunkSums) {
                for (int k = 0; k < n; k++) {
                    columnSums[k] += sums[k];
                }
            }
            final int iteration = it;
            parallel.forEachChunk(n, chunkRows, (chunk, from, to) -> availabilities(from, to, keep, take, iteration));
            iterations = it + 1;
            if (it >= convergenceIter) {
                boolean stable = true;
                boolean any = false;
                for (int i = 0; i < n; i++) {
                    stable &= stableFor[i] >= convergenceIter;
                    any |= exemplar[i];
                }
                if (stable && any) {
                    converged = true;
                    break;
                }
            }
            if ((it & 7) == 7) {
                progress.progress((double) (it + 1) / maxIter, "affinity_propagation: iteration " + (it + 1));
            }
        }
    }

    private void responsibilities(int chunk, int from, int to, float keep, float take) {
        float[] sums = chunkSums[chunk];
        java.util.Arrays.fill(sums, 0);
        float[] t = new float[n];
        for (int i = from; i < to; i++) {
            float[] ai = a[i];
            float[] si = s[i];
            float[] ri = r[i];
            float first = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                float v = ai[k] + si[k];
                t[k] = v;
                first = Math.max(first, v);
            }
            int arg = 0;
            while (t[arg] != first) {
                arg++;
            }
            float second = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < arg; k++) {
                second = Math.max(second, t[k]);
            }
            for (int k = arg + 1; k < n; k++) {
                second = Math.max(second, t[k]);
            }
            float atArg = ri[arg] * keep + (si[arg] - second) * take;
            for (int k = 0; k < n; k++) {
                float v = ri[k] * keep + (si[k] - first) * take;
                ri[k] = v;
            }
            ri[arg] = atArg;
            for (int k = 0; k < n; k++) {
                sums[k] += Math.max(ri[k], 0f);
            }
            // The diagonal enters the column sum as r(i,i) itself, not its positive part.
            sums[i] += ri[i] - Math.max(ri[i], 0f);
        }
    }

    private void availabilities(int from, int to, float keep, float take, int iteration) {
        float[] colsum = new float[n];
        for (int k = 0; k < n; k++) {
            colsum[k] = (float) columnSums[k];
        }
        for (int i = from; i < to; i++) {
            float[] ai = a[i];
            float[] ri = r[i];
            float diagonal = ai[i] * keep + (colsum[i] - ri[i]) * take;
            for (int k = 0; k < n; k++) {
                float excess = Math.max(Math.max(ri[k], 0f) - colsum[k], 0f);
                ai[k] = ai[k] * keep - excess * take;
            }
            ai[i] = diagonal;
            boolean now = ai[i] + ri[i] > 0;
            stableFor[i] = iteration == 0 || now != exemplar[i] ? 1 : stableFor[i] + 1;
            exemplar[i] = now;
        }
    }

    /** @return each point's exemplar status after the last iteration */
    boolean[] exemplars() {
        return exemplar.clone();
    }

    /** @return the iterations run */
    int iterations() {
        return iterations;
    }

    /** @return whether the convergence rule stopped the fit */
    boolean converged() {
        return converged;
    }
}
