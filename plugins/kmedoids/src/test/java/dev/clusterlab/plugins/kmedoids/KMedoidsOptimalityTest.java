package dev.clusterlab.plugins.kmedoids;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.TableArtifact;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.plugins.kmedoids.KMedoidsParams.Init;
import dev.clusterlab.plugins.kmedoids.KMedoidsParams.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The correctness checks, against ground truth computed independently of the algorithm:
 * FasterPAM's total deviation equals the exhaustive optimum over all k-subsets on the committed small
 * datasets (computed here by brute force on the same float matrix, and by the script with SciPy in
 * float64); FasterPAM is never worse than PAM's BUILD + SWAP; FasterPAM's and PAM's results are local
 * optima for single swaps and the alternating method's a fixed point of its Voronoi iteration, checked by
 * brute force.
 */
class KMedoidsOptimalityTest {
    private static final KMedoidsAlgorithm ALGORITHM = new KMedoidsAlgorithm();
    private static final List<String> METRICS = List.of("euclidean", "sqeuclidean", "manhattan", "chebyshev", "cosine");

    static List<ReferenceData.Exhaustive> exhaustiveRuns() {
        return ReferenceData.exhaustive();
    }

    static int[] medoids(ClusteringResult r) {
        return ((TableArtifact) r.artifacts().get("medoids")).table().ints("row");
    }

    static ClusteringResult fit(Dataset data, KMedoidsParams params, ExecutionContext context) {
        return ALGORITHM.fit(data, params, context);
    }

    /** Random starts, besides BUILD, of the multi-start runs. */
    private static final int STARTS = 40;

    /**
     * Against the exhaustive optimum: FasterPAM from BUILD is a local optimum for single swaps, and the
     * best of FasterPAM from BUILD and {@value #STARTS} random starts is the global optimum (a single
     * start is not always: FasterPAM, like PAM, is a local search; see {@link #buildAloneReachesTheOptimumOnMostRuns}).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exhaustiveRuns")
    void fasterPamReachesTheExhaustiveOptimum(ReferenceData.Exhaustive run) {
        Dataset data = ReferenceData.dataset(run.dataset());
        ExecutionContext context = ReferenceData.context(1);
        Dissimilarities d = Dissimilarities.of(data, Distance.byId(run.metric()), context);
        int[] truth = ReferenceData.exhaustiveBest(d, run.k());
        double optimum = ReferenceData.loss(d, truth);
        assertThat(optimum).as("brute force on float distances against SciPy's float64 optimum")
                .isCloseTo(run.loss(), org.assertj.core.data.Percentage.withPercentage(1e-3));
        assertThat(ReferenceData.loss(d, run.medoids())).as("SciPy's optimal medoids are optimal here too")
                .isCloseTo(optimum, org.assertj.core.data.Percentage.withPercentage(1e-3));

        KMedoidsParams params = new KMedoidsParams(run.k()).withMetric(run.metric());
        ClusteringResult r = fit(data, params, context);
        assertLocalOptimum(d, medoids(r), "FasterPAM");
        assertThat(r.converged()).isTrue();
        assertThat(r.objective()).as("objective is the loss of the reported medoids")
                .isCloseTo(ReferenceData.loss(d, medoids(r)), org.assertj.core.data.Offset.offset(ReferenceData.SAME_LOSS * optimum));
        assertThat(bestOfStarts(data, params, Method.FASTERPAM)).as("FasterPAM, best of BUILD and %d random starts", STARTS)
                .isCloseTo(optimum, org.assertj.core.data.Offset.offset(ReferenceData.SAME_LOSS * optimum));
        assertThat(bestOfStarts(data, params, Method.PAM)).as("PAM, best of BUILD and %d random starts", STARTS)
                .isCloseTo(optimum, org.assertj.core.data.Offset.offset(ReferenceData.SAME_LOSS * optimum));
    }

    /** The smallest total deviation of the method from BUILD and from {@value #STARTS} seeded random starts. */
    static double bestOfStarts(Dataset data, KMedoidsParams params, Method method) {
        double best = fit(data, params.withMethod(method), ReferenceData.context(1)).objective();
        for (int seed = 1; seed <= STARTS; seed++) {
            best = Math.min(best, fit(data, params.withMethod(method).withInit(Init.RANDOM), ReferenceData.context(1, seed)).objective());
        }
        return best;
    }

    /**
     * A single FasterPAM run from BUILD finds the exhaustive optimum on the well-clustered tiny datasets
     * with every metric and k, and on at least 50 of the 60 runs in all (measured: 51; the misses are on
     * the two moons and one run each of 3-d blobs in sqeuclidean and cosine, all local optima).
     */
    @Test
    void buildAloneReachesTheOptimumOnMostRuns() {
        int hits = 0;
        List<String> misses = new ArrayList<>();
        for (ReferenceData.Exhaustive run : ReferenceData.exhaustive()) {
            Dataset data = ReferenceData.dataset(run.dataset());
            ExecutionContext context = ReferenceData.context(1);
            Dissimilarities d = Dissimilarities.of(data, Distance.byId(run.metric()), context);
            double optimum = ReferenceData.loss(d, ReferenceData.exhaustiveBest(d, run.k()));
            double loss = fit(data, new KMedoidsParams(run.k()).withMetric(run.metric()), context).objective();
            if (loss <= optimum * (1 + ReferenceData.SAME_LOSS)) {
                hits++;
            } else {
                misses.add(run.run());
            }
        }
        assertThat(misses).as("misses").noneMatch(m -> m.startsWith("tiny_blobs2d") || m.startsWith("tiny_aniso"));
        assertThat(hits).as("runs where FasterPAM from BUILD is optimal; misses: %s", misses).isGreaterThanOrEqualTo(50);
    }

    /** Committed datasets and seeded blobs, with every metric, several k and seeds of random initialisation. */
    static Stream<Object[]> comparisons() {
        List<Object[]> cases = new ArrayList<>();
        for (String name : List.of("blobs2d", "blobs5d", "moons", "aniso")) {
            // Cosine only in 5-d: in 2-d it depends on the angle alone (one dimension, many near ties).
            for (String metric : name.equals("blobs5d") ? List.of("euclidean", "manhattan", "cosine")
                    : List.of("euclidean", "manhattan", "chebyshev")) {
                for (int k : new int[] {3, 7}) {
                    cases.add(new Object[] {name, metric, k});
                }
            }
        }
        for (int seed = 1; seed <= 12; seed++) {
            cases.add(new Object[] {"seeded" + seed, METRICS.get(seed % METRICS.size()), 2 + seed % 9});
        }
        return cases.stream();
    }

    static Dataset data(String name) {
        if (name.startsWith("seeded")) {
            int seed = Integer.parseInt(name.substring("seeded".length()));
            return ReferenceData.blobs(name, 120 + 13 * seed, 2 + seed % 4, 3 + seed % 6, 6.0, seed);
        }
        return ReferenceData.dataset(name);
    }

    @ParameterizedTest(name = "{0} {1} k={2}")
    @MethodSource("comparisons")
    void fasterPamIsNeverWorseThanPamAndIsALocalOptimum(String name, String metric, int k) {
        Dataset data = data(name);
        ExecutionContext context = ReferenceData.context(2, 7);
        Dissimilarities d = Dissimilarities.of(data, Distance.byId(metric), context);
        KMedoidsParams params = new KMedoidsParams(k).withMetric(metric);
        ClusteringResult faster = fit(data, params, context);
        ClusteringResult pam = fit(data, params.withMethod(Method.PAM), context);
        double scale = pam.objective();
        assertLocalOptimum(d, medoids(faster), "FasterPAM");
        assertLocalOptimum(d, medoids(pam), "PAM");
        assertThat(faster.converged()).isTrue();
        assertThat(pam.converged()).isTrue();
        // Both are local searches from BUILD and may stop at different local optima: within 1 % of PAM on each
        // run, and never worse than PAM once FasterPAM's cheaper passes are spent on a few more starts.
        assertThat(faster.objective()).as("FasterPAM within 1 %% of PAM (BUILD + SWAP)")
                .isLessThanOrEqualTo(pam.objective() * 1.01);
        assertThat(bestOfStarts(data, params, Method.FASTERPAM)).as("FasterPAM (BUILD and %d random starts) <= PAM (BUILD + SWAP)", STARTS)
                .isLessThanOrEqualTo(pam.objective() + ReferenceData.SAME_LOSS * scale);
        // From random and k-means++ starts, FasterPAM still ends at a local optimum.
        for (Init init : List.of(Init.RANDOM, Init.KMEANS_PLUS_PLUS)) {
            ClusteringResult r = fit(data, params.withInit(init), ReferenceData.context(1, 31));
            assertLocalOptimum(d, medoids(r), "FasterPAM from " + init.id());
        }
    }

    /**
     * From the same BUILD medoids, FasterPAM ends at least as low as PAM on most of the comparison runs
     * and lower than PAM about as often as higher (measured: see the printed counts); over all runs its
     * summed total deviation is within 0.1 % of PAM's.
     */
    @Test
    void fromBuildFasterPamMatchesPamOnMostRuns() {
        int notWorse = 0;
        int better = 0;
        int all = 0;
        double sumFaster = 0;
        double sumPam = 0;
        for (Object[] c : comparisons().toList()) {
            Dataset data = data((String) c[0]);
            KMedoidsParams params = new KMedoidsParams((Integer) c[2]).withMetric((String) c[1]);
            double faster = fit(data, params, ReferenceData.context(1)).objective();
            double pam = fit(data, params.withMethod(Method.PAM), ReferenceData.context(1)).objective();
            all++;
            notWorse += faster <= pam * (1 + ReferenceData.SAME_LOSS) ? 1 : 0;
            better += faster < pam * (1 - ReferenceData.SAME_LOSS) ? 1 : 0;
            sumFaster += faster / pam;
            sumPam += 1;
        }
        System.out.printf(java.util.Locale.ROOT, "FasterPAM vs PAM from BUILD: not worse on %d of %d runs, better on %d; "
                + "mean ratio %.6f%n", notWorse, all, better, sumFaster / sumPam);
        assertThat(notWorse).isGreaterThanOrEqualTo((int) Math.ceil(0.75 * all));
        assertThat(sumFaster / sumPam).isLessThanOrEqualTo(1.001);
    }

    /** No single swap of a medoid and a non-medoid lowers the total deviation (brute force, {@code k (n - k)} losses). */
    static void assertLocalOptimum(Dissimilarities d, int[] medoids, String what) {
        double loss = ReferenceData.loss(d, medoids);
        double tol = 1e-9 * loss;
        boolean[] isMedoid = new boolean[d.n];
        for (int m : medoids) {
            isMedoid[m] = true;
        }
        for (int i = 0; i < medoids.length; i++) {
            for (int c = 0; c < d.n; c++) {
                if (isMedoid[c]) {
                    continue;
                }
                int[] swapped = medoids.clone();
                swapped[i] = c;
                double l = ReferenceData.loss(d, swapped);
                assertThat(l).as("%s: swapping medoid row %d for row %d", what, medoids[i], c).isGreaterThanOrEqualTo(loss - tol);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} k={2}")
    @MethodSource("comparisons")
    void alternateEndsAtAFixedPointOfTheVoronoiIteration(String name, String metric, int k) {
        Dataset data = data(name);
        ExecutionContext context = ReferenceData.context(2, 3);
        Dissimilarities d = Dissimilarities.of(data, Distance.byId(metric), context);
        for (Init init : List.of(Init.BUILD, Init.RANDOM, Init.HEURISTIC)) {
            ClusteringResult r = fit(data, new KMedoidsParams(k, Method.ALTERNATE, init, 300, metric), context);
            assertThat(r.converged()).isTrue();
            int[] medoids = medoids(r);
            int[] labels = r.labels();
            for (int s = 0; s < k; s++) {
                // Each medoid is a member of its cluster with the smallest summed dissimilarity to the members.
                double own = 0;
                List<Integer> members = new ArrayList<>();
                for (int o = 0; o < d.n; o++) {
                    if (labels[o] == s) {
                        members.add(o);
                        own += d.get(medoids[s], o);
                    }
                }
                assertThat(labels[medoids[s]]).as("medoid %d in its cluster", s).isEqualTo(s);
                for (int m : members) {
                    double cost = 0;
                    for (int o : members) {
                        cost += d.get(m, o);
                    }
                    assertThat(cost).as("%s: member %d of cluster %d against its medoid %d", init.id(), m, s, medoids[s])
                            .isGreaterThanOrEqualTo(own - 1e-9 * own);
                }
            }
            // And every point is labelled with a nearest medoid.
            for (int o = 0; o < d.n; o++) {
                float best = Float.POSITIVE_INFINITY;
                for (int m : medoids) {
                    best = Math.min(best, d.get(o, m));
                }
                assertThat(d.get(o, medoids[labels[o]])).isEqualTo(best);
            }
            assertThat(r.objective()).isCloseTo(ReferenceData.loss(d, medoids),
                    org.assertj.core.data.Offset.offset(1e-9 * r.objective()));
        }
    }

    @Test
    void fasterPamFromBuildIsAtLeastAsGoodAsAlternate() {
        Dataset data = ReferenceData.dataset("aniso");
        ExecutionContext context = ReferenceData.context(1);
        ClusteringResult faster = fit(data, new KMedoidsParams(5), context);
        ClusteringResult alternate = fit(data, new KMedoidsParams(5).withMethod(Method.ALTERNATE), context);
        assertThat(faster.objective()).isLessThanOrEqualTo(alternate.objective() * (1 + ReferenceData.SAME_LOSS));
    }
}
