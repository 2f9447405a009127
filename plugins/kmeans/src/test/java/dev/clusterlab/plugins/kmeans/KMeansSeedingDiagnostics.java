package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmark-style program (not a test) behind {@link KMeansSeedingTest}: on {@code blobs50}, the
 * distribution of single k-means++ seeding potentials and of single-run inertias, ours against the
 * {@code seeding} and {@code single} rows scikit-learn recorded, to tell a seeding gap from an
 * iteration gap.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp TEST_CLASSPATH dev.clusterlab.plugins.kmeans.KMeansSeedingDiagnostics \
 *     [RUNS=200] [KERNELS=vector|scalar] [TOL=1e-4]
 * </pre>
 */
public final class KMeansSeedingDiagnostics {
    private KMeansSeedingDiagnostics() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String kernels = args.length > 1 ? args[1] : "vector";
        double tol = args.length > 2 ? Double.parseDouble(args[2]) : 1e-4;
        Dataset data = ReferenceData.dataset("blobs50");
        Points points = Points.of(data);
        List<ReferenceData.SeedingRun> ref = ReferenceData.seedingRuns();
        double best = ref.stream().filter(r -> r.mode().equals("best_known")).findFirst().orElseThrow().inertia();
        double[] theirSeeding = ref.stream().filter(r -> r.mode().equals("seeding")).mapToDouble(ReferenceData.SeedingRun::inertia).toArray();
        double[] theirSingle = ref.stream().filter(r -> r.mode().equals("single")).mapToDouble(ReferenceData.SeedingRun::inertia).toArray();
        ExecutionContext context = KMeansVariantsTest.with(kernels, 2, 0);
        double[] seeding = new double[runs];
        double[] single = new double[runs];
        long iterations = 0;
        for (int r = 0; r < runs; r++) {
            float[] centres = new KMeansPlusPlus().centres(points, 50, new SplittableRandom(r), context);
            int[] labels = new int[points.n()];
            KMeansLoop.assignAll(points, centres, 50, labels, context);
            seeding[r] = KMeansLoop.inertia(points, centres, labels, context);
            KMeansParams p = new KMeansParams(50, KMeansParams.Init.K_MEANS_PLUS_PLUS, 1, 300, tol);
            ClusteringResult fit = new KMeansAlgorithm().fit(data, p, context.withSeed(r));
            single[r] = fit.objective();
            iterations += fit.iterations();
        }
        System.out.printf("k-means++ potential: ours median %.3f mean %.3f (%d runs); scikit-learn median %.3f mean %.3f (%d)%n",
                ReferenceData.median(seeding), mean(seeding), runs, ReferenceData.median(theirSeeding), mean(theirSeeding),
                theirSeeding.length);
        System.out.printf("single run inertia:  ours median %.3f mean %.3f, reached %d/%d; scikit-learn median %.3f mean %.3f, reached %d/%d%n",
                ReferenceData.median(single), mean(single), reached(single, best), runs, ReferenceData.median(theirSingle),
                mean(theirSingle), reached(theirSingle, best), theirSingle.length);
        double theirMedian = ReferenceData.median(theirSingle);
        System.out.printf("single runs at or below scikit-learn's median single-run inertia: ours %.1f%%, scikit-learn %.1f%%%n",
                100.0 * reached(single, theirMedian) / runs, 100.0 * reached(theirSingle, theirMedian) / theirSingle.length);
        System.out.printf("kernels %s, tol %s: mean iterations %.1f%n", kernels, tol, (double) iterations / runs);
        System.exit(0);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static int reached(double[] v, double best) {
        int c = 0;
        for (double x : v) {
            c += x <= best * (1 + 1e-6) ? 1 : 0;
        }
        return c;
    }
}
