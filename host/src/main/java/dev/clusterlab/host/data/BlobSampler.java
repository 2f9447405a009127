package dev.clusterlab.host.data;

import dev.clusterlab.api.Dataset;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * Isotropic Gaussian blobs as scikit-learn's {@code make_blobs} draws them: centres uniform in
 * {@code [-box, box]^d}, points split evenly between centres (the first ones get the remainder), each
 * blob with its own standard deviation, rows shuffled. Shared by the blob-shaped generators.
 */
final class BlobSampler {
    private BlobSampler() {
    }

    static Dataset sample(String name, int n, int d, int centers, double box, IntToDoubleFunction stdOfBlob, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] c = new double[centers * d];
        for (int i = 0; i < c.length; i++) {
            c[i] = -box + 2 * box * rnd.nextDouble();
        }
        float[] x = new float[Math.multiplyExact(n, d)];
        int[] truth = new int[n];
        int row = 0;
        for (int b = 0; b < centers; b++) {
            int count = n / centers + (b < n % centers ? 1 : 0);
            double std = stdOfBlob.applyAsDouble(b);
            for (int i = 0; i < count; i++, row++) {
                truth[row] = b;
                for (int j = 0; j < d; j++) {
                    x[row * d + j] = (float) (c[b * d + j] + std * Gaussian.next(rnd));
                }
            }
        }
        return Shuffle.apply(name, x, truth, n, d, rnd);
    }
}
