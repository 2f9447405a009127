package dev.clusterlab.plugins.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.testkit.AdjustedRand;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeding quality against scikit-learn 1.2.1 over seeds (issue 20): on {@code blobs50} (7,500 x 2, 50
 * Gaussian clusters, from {@code scripts/reference/kmeans_seeding_reference.py}), the best of
 * {@code n_init=10} k-means++ runs for seeds 0..19. "Reached" means an inertia within a relative
 * {@code 1e-6} of the lowest scikit-learn found in all its runs. Asserted robustly: our median
 * best-of-10 inertia is within 0.01% of scikit-learn's (the local optima of such data lie a few 0.1%
 * apart, so a worse seeding would show as a whole step) and our median ARI is no lower than
 * scikit-learn's less 0.001; the success counts of both are printed (for the note), not asserted, since
 * they move by a few with any change of random stream. {@code KMeansSeedingDiagnostics} compares the
 * single-run distributions behind these figures.
 */
class KMeansSeedingTest {
    private static final int SEEDS = 20;

    @Test
    void bestOfTenIsAsGoodAsScikitLearnsOverTwentySeeds() {
        Dataset data = ReferenceData.dataset("blobs50");
        int[] truth = data.truth().orElseThrow();
        List<ReferenceData.SeedingRun> runs = ReferenceData.seedingRuns();
        double best = runs.stream().filter(r -> r.mode().equals("best_known")).findFirst().orElseThrow().inertia();
        List<ReferenceData.SeedingRun> sklearn = runs.stream().filter(r -> r.mode().equals("float64")).toList();
        assertThat(sklearn).hasSize(SEEDS);

        double[] inertia = new double[SEEDS];
        double[] ari = new double[SEEDS];
        int reached = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            KMeansParams p = new KMeansParams(50, KMeansParams.Init.K_MEANS_PLUS_PLUS, 10, 300, 1e-4);
            ClusteringResult r = new KMeansAlgorithm().fit(data, p, ExecutionContextFactory.load().create(2, seed));
            inertia[seed] = r.objective();
            ari[seed] = AdjustedRand.of(truth, r.labels());
            reached += inertia[seed] <= best * (1 + 1e-6) ? 1 : 0;
        }
        double[] theirInertia = sklearn.stream().mapToDouble(ReferenceData.SeedingRun::inertia).toArray();
        double[] theirAri = sklearn.stream().mapToDouble(ReferenceData.SeedingRun::ari).toArray();
        long theirReached = sklearn.stream().filter(r -> r.inertia() <= best * (1 + 1e-6)).count();
        System.out.printf("blobs50 best of n_init=10 over %d seeds: lowest inertia %.4f reached by ClusterLab on %d, "
                        + "scikit-learn on %d; median inertia %.4f vs %.4f; median ARI %.4f vs %.4f%n", SEEDS, best,
                reached, theirReached, ReferenceData.median(inertia), ReferenceData.median(theirInertia),
                ReferenceData.median(ari), ReferenceData.median(theirAri));
        assertThat(ReferenceData.median(inertia)).as("median best-of-10 inertia")
                .isLessThanOrEqualTo(ReferenceData.median(theirInertia) * (1 + 1e-4));
        assertThat(ReferenceData.median(ari)).as("median ARI").isGreaterThanOrEqualTo(ReferenceData.median(theirAri) - 1e-3);
    }
}
