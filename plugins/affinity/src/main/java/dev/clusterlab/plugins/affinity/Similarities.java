package dev.clusterlab.plugins.affinity;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import java.util.SplittableRandom;

/**
 * The {@code n x n} similarity matrix of Affinity Propagation, as float rows: built from the features
 * (negative squared Euclidean distances, with the engine's SIMD one-to-many kernel) or taken from a
 * precomputed matrix; then, as scikit-learn 1.2.1 does before the message passing, the preferences go on
 * the diagonal and a tiny noise removes degeneracies.
 */
final class Similarities {
    private static final int CHUNK_ROWS = 64;

    private Similarities() {
    }

    /**
     * An approximately standard normal number from 64 random bits: four 16-bit uniforms summed, centred
     * and scaled to mean 0 and variance 1 (their sum has variance {@code 4/12}), within [-3.5, 3.5].
     *
     * @param bits random bits
     * @return the number
     */
    static float standardish(long bits) {
        long sum = (bits & 0xFFFF) + (bits >>> 16 & 0xFFFF) + (bits >>> 32 & 0xFFFF) + (bits >>> 48);
        return (float) ((sum - 2 * 65535.0) * (Math.sqrt(3.0) / 65536.0));
    }

    /**
     * @param x row-major {@code n x d} points
     * @param n points
     * @param d features
     * @param context kernels and threads
     * @return rows {@code s(i, k) = -|x_i - x_k|^2}, 0 on the diagonal
     */
    static float[][] negativeSquaredEuclidean(float[] x, int n, int d, ExecutionContext context) {
        float[][] s = new float[n][];
        context.parallel().forEachChunk(n, CHUNK_ROWS, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                float[] row = new float[n];
                context.kernels().distances(Distance.SQUARED_EUCLIDEAN, x, i * d, x, 0, n, d, row, 0);
                for (int k = 0; k < n; k++) {
                    row[k] = -row[k];
                }
                row[i] = 0;
                s[i] = row;
            }
        });
        return s;
    }

    /**
     * @param x row-major {@code n x n} similarities
     * @param n points
     * @param where the dataset's name, for messages
     * @return the rows, checked to be finite
     * @throws DataException naming the first entry that is not a finite number
     */
    static float[][] precomputed(float[] x, int n, String where) {
        float[][] s = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                float v = x[i * n + k];
                if (!Float.isFinite(v)) {
                    throw new DataException(AffinityPropagationAlgorithm.ID + ": the precomputed similarity in row " + (i + 1)
                            + ", column " + (k + 1) + " of '" + where + "' is " + v + "; expected a finite number");
                }
                s[i][k] = v;
            }
        }
        return s;
    }

    /**
     * scikit-learn's degenerate case: every off-diagonal similarity equal and every preference equal.
     *
     * @param s the similarities before the preferences are placed
     * @param preferences one per point
     * @return whether the case applies
     */
    static boolean allEqual(float[][] s, double[] preferences) {
        int n = s.length;
        for (double p : preferences) {
            if (p != preferences[0]) {
                return false;
            }
        }
        if (n < 2) {
            return true;
        }
        float first = s[0][1];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                if (i != k && s[i][k] != first) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Puts the preferences on the diagonal and adds scikit-learn's tie-breaking noise,
     * {@code (eps s + 100 tiny) z}, with float32's {@code eps} and {@code tiny} (the matrix is
     * float32 here, so float64's would vanish below its rounding). scikit-learn draws {@code z} from
     * N(0, 1); here it is the sum of four uniform variables, centred and scaled to variance 1
     * (Irwin-Hall, {@link #standardish}), one random long per entry instead of a Gaussian draw, which
     * took half the set-up time of a 5,000-point fit: only the noise's scale matters for breaking ties.
     * Each row draws from its own generator, seeded in row order from the run's seed, so the noise does
     * not depend on threads.
     *
     * @param s similarities, changed in place
     * @param preferences one per point
     * @param context seed and threads
     */
    static void placePreferencesAndNoise(float[][] s, double[] preferences, ExecutionContext context) {
        int n = s.length;
        SplittableRandom seeds = new SplittableRandom(context.seed());
        long[] rowSeeds = new long[n];
        for (int i = 0; i < n; i++) {
            rowSeeds[i] = seeds.nextLong();
        }
        float eps = Math.ulp(1f);
        float tiny = Float.MIN_NORMAL * 100;
        context.parallel().forEachChunk(n, CHUNK_ROWS, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                float[] row = s[i];
                row[i] = (float) preferences[i];
                SplittableRandom random = new SplittableRandom(rowSeeds[i]);
                for (int k = 0; k < n; k++) {
                    row[k] += (eps * row[k] + tiny) * standardish(random.nextLong());
                }
            }
        });
    }
}
