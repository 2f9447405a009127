package dev.clusterlab.benchmarks;

import java.util.SplittableRandom;

/** Seeded data for the benchmarks: the same arrays in every fork and for both implementations. */
final class BenchData {
    private BenchData() {
    }

    /**
     * @param seed generator seed
     * @param count number of floats
     * @return uniform values in [-1, 1)
     */
    static float[] uniform(long seed, int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }

    /**
     * Gaussian blobs (sd 0.3) around the given centroids, so that assignment has a clear answer for most
     * points, as in a k-means pass near convergence.
     *
     * @param seed generator seed
     * @param centroids row-major {@code k x d}
     * @param k number of centroids
     * @param d dimension
     * @param n number of points
     * @return row-major {@code n x d} points
     */
    static float[] blobs(long seed, float[] centroids, int k, int d, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(k);
            for (int j = 0; j < d; j++) {
                x[i * d + j] = centroids[c * d + j] + (float) (0.3 * rnd.nextGaussian());
            }
        }
        return x;
    }

    /**
     * Throws unless {@code actual} is within the float-accumulation bound of a double reference:
     * {@code (terms + 8) 2^-24 sum|term_i|} (see the engine's tests for the reasoning).
     */
    static void check(String what, float actual, double reference, double sumAbsTerms, int terms) {
        double tol = (terms + 8) * 0x1p-24 * sumAbsTerms + 1e-30;
        if (!(Math.abs(actual - reference) <= tol)) {
            throw new IllegalStateException("self-check failed for " + what + ": got " + actual + ", reference "
                    + reference + ", tolerance " + tol);
        }
    }
}
