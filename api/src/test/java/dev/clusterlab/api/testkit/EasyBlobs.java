package dev.clusterlab.api.testkit;

import dev.clusterlab.api.Dataset;
import java.util.SplittableRandom;

/**
 * Well-separated Gaussian blobs with ground truth, for the conformance kit: centres on a grid 20 units
 * apart, standard deviation 0.5, so that any sensible algorithm recovers them exactly. Its own tiny
 * generator keeps the kit free of runner code.
 */
public final class EasyBlobs {
    private EasyBlobs() {
    }

    /**
     * @param clusters number of blobs
     * @param perCluster points per blob
     * @param d dimension
     * @param seed generator seed
     * @return the dataset with truth labels 0..clusters-1
     */
    public static Dataset generate(int clusters, int perCluster, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = clusters * perCluster;
        float[] x = new float[n * d];
        int[] truth = new int[n];
        // Interleave clusters so that no algorithm profits from sorted input.
        for (int i = 0; i < n; i++) {
            int c = i % clusters;
            truth[i] = c;
            for (int j = 0; j < d; j++) {
                float centre = j == 0 ? 20f * c : (j == 1 ? 20f * (c % 2) : 0f);
                x[i * d + j] = centre + (float) (0.5 * gaussian(rnd));
            }
        }
        return Dataset.of("easy-blobs", n, d, x, null, truth);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
