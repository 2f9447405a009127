package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.exec.ExecutionContext;
import java.util.SplittableRandom;

/**
 * Chooses the {@code k} initial centres of one run. Implementations draw randomness only from the
 * generator they are given and split work into {@link KMeansLoop#CHUNK} rows, so the centres depend on
 * the seed and never on the number of threads.
 */
interface CentreInitializer {

    /**
     * @param points the points (read only) and their weights, at least {@code k} rows
     * @param k number of centres
     * @param random this run's generator
     * @param context kernels and threads
     * @return row-major {@code k x d} centres
     */
    float[] centres(Points points, int k, SplittableRandom random, ExecutionContext context);

    /**
     * @param init the chosen method
     * @return its implementation
     */
    static CentreInitializer of(KMeansParams.Init init) {
        return switch (init) {
            case K_MEANS_PLUS_PLUS -> new KMeansPlusPlus();
            case RANDOM -> new RandomRows();
            case K_MEANS_PARALLEL -> new KMeansParallel();
        };
    }
}
