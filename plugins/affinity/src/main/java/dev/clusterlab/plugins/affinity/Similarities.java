package dev.clusterlab.plugins.affinity;

import dev.clusterlab.api.exec.ExecutionContext;
import java.util.SplittableRandom;

/**
 * The similarity matrix the messages are passed on, as scikit-learn 1.2.1 prepares it: the raw
 * similarities ({@link SimilarityRows}), the preferences on the diagonal, and a tiny noise
 * {@code (eps s + 100 tiny) z} that removes degeneracies, with float32's {@code eps} and {@code tiny}
 * (the rows are float32 here, so float64's would vanish below their rounding). The prepared matrix is
 * kept ({@code 4 n^2} bytes) when asked, which is fastest; otherwise each row is made again whenever
 * it is needed, from the raw rows, with no matrix (for features, {@code 2d} flops per entry).
 *
 * <p><b>The noise.</b> scikit-learn draws an independent {@code z ~ N(0, 1)} per entry. Here
 * {@code z(i, k) = u(i) + v(k)}, with {@code u} and {@code v} drawn once per point from the run's seed
 * (each approximately normal with variance 1/2, {@link #standardish}), so that a row can be remade on
 * every pass without a random draw per entry. It breaks ties as scikit-learn's does: equal
 * similarities in a row get different perturbations (the {@code v(k)} differ), and so do equal
 * preferences on the diagonal. Only its scale matters; its values are not scikit-learn's.
 */
final class Similarities {
    private static final float EPS = Math.ulp(1f);
    private static final float TINY = Float.MIN_NORMAL * 100;
    private final SimilarityRows rows;
    private final double[] preferences;
    private final float[] u;
    private final float[] v;
    /**
     * The prepared rows, row-major, or {@code null} when rows are made on demand: one array, which G1
     * allocates straight into old regions, where {@code n} row arrays would be born in the young
     * generation and copied by its collections ({@link MessagePassing}'s matrices are kept the same way).
     */
    private final float[] matrix;

    /**
     * @param rows the raw similarities
     * @param preferences one per point
     * @param context the seed of the noise, and threads to fill the matrix
     * @param keep whether to prepare every row once and keep the {@code n x n} matrix
     */
    Similarities(SimilarityRows rows, double[] preferences, ExecutionContext context, boolean keep) {
        this.rows = rows;
        this.preferences = preferences;
        int n = rows.n();
        SplittableRandom random = new SplittableRandom(context.seed());
        u = new float[n];
        v = new float[n];
        float half = (float) Math.sqrt(0.5);
        for (int i = 0; i < n; i++) {
            u[i] = half * standardish(random.nextLong());
            v[i] = half * standardish(random.nextLong());
        }
        if (!keep) {
            matrix = null;
            return;
        }
        matrix = new float[Math.multiplyExact(n, n)];
        context.parallel().forEachChunk(n, 64, (chunk, from, to) -> {
            float[] row = new float[n];
            for (int i = from; i < to; i++) {
                prepare(i, row);
                System.arraycopy(row, 0, matrix, i * n, n);
            }
        });
    }

    /** @return whether the prepared matrix is kept (otherwise {@link #row} makes each row afresh) */
    boolean kept() {
        return matrix != null;
    }

    /** @return the number of points */
    int n() {
        return rows.n();
    }

    /**
     * Row {@code i} as the messages see it: raw similarities, the preference at {@code k = i}, noise.
     *
     * @param i a row
     * @param out receives the row
     */
    void row(int i, float[] out) {
        if (matrix != null) {
            System.arraycopy(matrix, i * out.length, out, 0, out.length);
        } else {
            prepare(i, out);
        }
    }

    private void prepare(int i, float[] out) {
        rows.raw(i, out);
        out[i] = (float) preferences[i];
        float ui = u[i];
        for (int k = 0; k < out.length; k++) {
            out[k] += (EPS * out[k] + TINY) * (ui + v[k]);
        }
    }

    /**
     * An approximately standard normal number from 64 random bits: four 16-bit uniforms summed, centred
     * and scaled to mean 0 and variance 1 (Irwin-Hall; their sum has variance {@code 4/12}), within
     * [-3.5, 3.5].
     *
     * @param bits random bits
     * @return the number
     */
    static float standardish(long bits) {
        long sum = (bits & 0xFFFF) + (bits >>> 16 & 0xFFFF) + (bits >>> 32 & 0xFFFF) + (bits >>> 48);
        return (float) ((sum - 2 * 65535.0) * (Math.sqrt(3.0) / 65536.0));
    }

    /**
     * scikit-learn's degenerate case: every off-diagonal raw similarity equal and every preference equal.
     *
     * @param rows the raw similarities
     * @param preferences one per point
     * @return whether the case applies
     */
    static boolean allEqual(SimilarityRows rows, double[] preferences) {
        int n = rows.n();
        for (double p : preferences) {
            if (p != preferences[0]) {
                return false;
            }
        }
        if (n < 2) {
            return true;
        }
        float[] row = new float[n];
        rows.raw(0, row);
        float first = row[1];
        for (int i = 0; i < n; i++) {
            rows.raw(i, row);
            for (int k = 0; k < n; k++) {
                if (i != k && row[k] != first) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * @param rows the raw similarities
     * @return {@code s(0, n - 1)}, which scikit-learn compares the preference with in the degenerate case
     */
    static float corner(SimilarityRows rows) {
        float[] row = new float[rows.n()];
        rows.raw(0, row);
        return row[rows.n() - 1];
    }
}
