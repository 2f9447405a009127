package dev.clusterlab.plugins.spectral;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.kernel.Kernels;
import java.util.SplittableRandom;

/** Seeded test data and a context that records the final progress message. */
final class TestData {
    private TestData() {
    }

    /** @return {@code n} points in {@code k} Gaussian blobs (centres uniform in [-10, 10]^d, standard deviation {@code sd}), truth attached */
    static Dataset blobs(int n, int d, int k, double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] c = new double[k][d];
        for (double[] row : c) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextDouble(-10, 10);
            }
        }
        float[] x = new float[n * d];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % k;
            for (int j = 0; j < d; j++) {
                double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
                x[i * d + j] = (float) (c[truth[i]][j] + sd * g);
            }
        }
        return Dataset.of("blobs", n, d, x, null, truth);
    }

    /** A context of the engine's kernels that keeps the last message reported at fraction 1. */
    static final class Recording implements ExecutionContext {
        private final ExecutionContext inner;
        String finalMessage = "";

        Recording(int threads) {
            inner = ReferenceData.context(threads);
        }

        @Override
        public Kernels kernels() {
            return inner.kernels();
        }

        @Override
        public Parallel parallel() {
            return inner.parallel();
        }

        @Override
        public long seed() {
            return inner.seed();
        }

        @Override
        public ProgressListener progress() {
            return (fraction, message) -> {
                if (fraction == 1.0) {
                    finalMessage = message;
                }
            };
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public ExecutionContext withSeed(long seed) {
            return inner.withSeed(seed);
        }
    }
}
