package dev.clusterlab.plugins.affinity;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.exec.ProgressListener;

/**
 * Frey and Dueck's responsibility and availability updates, in place in float32 on row-major rows, in
 * scikit-learn 1.2.1's order of operations and with its convergence rule.
 *
 * <p><b>One iteration</b> (scikit-learn's numpy makes about fifteen passes over {@code n x n} doubles):
 * <ol>
 *   <li>Responsibilities, row by row: the largest and second-largest {@code a(i,k) + s(i,k)} (first
 *       index on ties), then {@code r(i,k) = damping r(i,k) + (1 - damping) (s(i,k) - max)}, with the
 *       second largest at the argmax; then {@code max(r(i,k), 0)} (the diagonal
 *       {@code r(k,k)} itself) goes into the column sums of its chunk of rows.</li>
 *   <li>Availabilities, row by row: {@code a(i,k) = damping a(i,k) + (1 - damping) min(0, colsum(k) - max(r(i,k), 0))},
 *       and {@code a(k,k) = damping a(k,k) + (1 - damping) (colsum(k) - r(k,k))}. The point's exemplar
 *       status {@code a(i,i) + r(i,i) > 0} is read on the way.</li>
 * </ol>
 * Both steps of a row run in one parallel pass over the rows: the availabilities of one iteration and,
 * while the row is in cache, the responsibilities of the next, so an iteration reads the similarity
 * row (kept, or made afresh: {@link Similarities}) and the two message matrices once and writes the
 * two once (scikit-learn's numpy makes about fifteen passes). The loops are plain array arithmetic over
 * a row that the JIT compiles to SIMD instructions (C2's superword pass); the fit is bound by memory
 * bandwidth, not arithmetic.
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
    private final Similarities s;
    /**
     * Responsibilities and availabilities, row-major, row {@code i} at {@code i * n}: one array each,
     * which G1 allocates as a humongous object straight into old regions (from {@code n} of about 730
     * with 4 MB regions). As {@code n} arrays of one row each they were born in the young generation,
     * which is smaller than they are, and young collections copied them (up to 200 MB at
     * {@code n = 5,000}, to regions the process had not touched yet), so that the peak RSS of one fit
     * went from about 300 to 540 MB from run to run. The loops do not index the flat arrays: C2 (JDK
     * 25) does not vectorise {@code flat[o + k]} next to {@code row[k]} (measured 3x slower per pass),
     * so each row is copied into a chunk's own arrays and back, which reads and writes it once as
     * before ({@link #rows}).
     */
    private final float[] r;
    private final float[] a;
    private final int n;
    private final int chunkRows;
    private final int chunks;
    private final float[][] chunkSums;
    /** Per chunk of rows, reused every pass: a similarity row, {@code a + s}, and the row of each matrix. */
    private final float[][] chunkSimilarities;
    private final float[][] chunkTotals;
    private final float[][] chunkA;
    private final float[][] chunkR;
    private final double[] columnSums;
    /** The column sums rounded to float once per pass, read by every chunk. */
    private final float[] columnSumsFloat;
    private final boolean[] exemplar;
    private final int[] stableFor;
    private int iterations;
    private boolean converged;

    /**
     * @param s the similarities with the preferences on the diagonal
     */
    MessagePassing(Similarities s) {
        this.s = s;
        n = s.n();
        r = new float[n * n];
        a = new float[n * n];
        // Enough chunks for the threads to share, few enough that the chunk sums stay small next to the matrices.
        chunkRows = Math.max(16, (n + 63) / 64);
        chunks = Parallel.chunkCount(n, chunkRows);
        chunkSums = new float[chunks][n];
        chunkSimilarities = new float[chunks][n];
        chunkTotals = new float[chunks][n];
        chunkA = new float[chunks][n];
        chunkR = new float[chunks][n];
        columnSums = new double[n];
        columnSumsFloat = new float[n];
        exemplar = new boolean[n];
        stableFor = new int[n];
    }

    /** The bytes {@link #MessagePassing} allocates for {@code n} points: two matrices and five rows per chunk. */
    static long bytesNeeded(int n) {
        long chunks = Parallel.chunkCount(n, Math.max(16, (n + 63) / 64));
        return 4L * n * n * 2 + 20L * chunks * n + 20L * n;
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
        // Pass p updates the availabilities of iteration p - 1 and then, row by row while the row is in
        // cache, the responsibilities of iteration p: five row streams instead of seven. The last
        // responsibilities of a converged fit are computed for nothing, which costs less than a sixth pass.
        for (int pass = 0; pass <= maxIter; pass++) {
            context.checkCancelled();
            final int previous = pass - 1;
            final boolean responsibilities = pass < maxIter;
            parallel.forEachChunk(n, chunkRows, (chunk, from, to) -> rows(chunk, from, to, keep, take, previous, responsibilities));
            if (responsibilities) {
                addChunkSums();
            }
            if (previous < 0) {
                continue;
            }
            iterations = previous + 1;
            if (previous >= convergenceIter && settled(convergenceIter)) {
                converged = true;
                return;
            }
            if ((pass & 7) == 0) {
                progress.progress((double) pass / maxIter, "affinity_propagation: iteration " + pass);
            }
        }
    }

    /** Whether no status changed in the last {@code convergenceIter} iterations and there is an exemplar. */
    private boolean settled(int convergenceIter) {
        boolean stable = true;
        boolean any = false;
        for (int i = 0; i < n; i++) {
            stable &= stableFor[i] >= convergenceIter;
            any |= exemplar[i];
        }
        return stable && any;
    }

    /** The column sums of the responsibilities just updated: the chunks' sums added in chunk order. */
    private void addChunkSums() {
        java.util.Arrays.fill(columnSums, 0);
        for (float[] sums : chunkSums) {
            for (int k = 0; k < n; k++) {
                columnSums[k] += sums[k];
            }
        }
        for (int k = 0; k < n; k++) {
            columnSumsFloat[k] = (float) columnSums[k];
        }
    }

    /**
     * One chunk of rows of one pass: for each row the availabilities of iteration {@code previous} (none
     * when negative), then the responsibilities of the next iteration (when asked).
     */
    private void rows(int chunk, int from, int to, float keep, float take, int previous, boolean responsibilities) {
        float[] colsum = columnSumsFloat;
        float[] si = chunkSimilarities[chunk];
        float[] t = chunkTotals[chunk];
        float[] sums = chunkSums[chunk];
        float[] ai = chunkA[chunk];
        float[] ri = chunkR[chunk];
        if (responsibilities) {
            java.util.Arrays.fill(sums, 0);
        }
        for (int i = from; i < to; i++) {
            int o = i * n;
            System.arraycopy(a, o, ai, 0, n);
            System.arraycopy(r, o, ri, 0, n);
            if (previous >= 0) {
                availabilities(i, ai, ri, colsum, keep, take, previous);
                System.arraycopy(ai, 0, a, o, n);
            }
            if (responsibilities) {
                s.row(i, si);
                responsibilities(i, ai, ri, si, t, sums, keep, take);
                System.arraycopy(ri, 0, r, o, n);
            }
        }
    }

    /** Row {@code i}'s responsibilities {@code ri} from its availabilities {@code ai} and similarities {@code s}. */
    private void responsibilities(int i, float[] ai, float[] ri, float[] s, float[] t, float[] sums, float keep, float take) {
        float first = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            float v = ai[k] + s[k];
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
        float atArg = ri[arg] * keep + (s[arg] - second) * take;
        for (int k = 0; k < n; k++) {
            ri[k] = ri[k] * keep + (s[k] - first) * take;
        }
        ri[arg] = atArg;
        for (int k = 0; k < n; k++) {
            sums[k] += Math.max(ri[k], 0f);
        }
        // The diagonal enters the column sum as r(i,i) itself, not its positive part.
        sums[i] += ri[i] - Math.max(ri[i], 0f);
    }

    /** Row {@code i}'s availabilities {@code ai} from its responsibilities {@code ri}, and its exemplar status. */
    private void availabilities(int i, float[] ai, float[] ri, float[] colsum, float keep, float take, int iteration) {
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
