package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.IterationStats;
import dev.clusterlab.api.exec.ExecutionContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmark-style program (not a test): whole k-means runs of each exact variant from the same k-means++
 * centres, timed warm in one JVM, with the distances each computes. It grounds the rule of
 * {@code algorithm=auto} ({@link KMeansParams.Variant#resolve}). Data as {@code benchmarks/scripts/kmeans_sklearn.py}:
 * {@code k} overlapping Gaussian blobs, centres from {@code N(0, 1)^d}, standard deviation
 * {@code 1.5 d^(1/4)} (drawn here in Java, so not the same numbers). Only the iterations are timed
 * (initialisation excluded); each line gives the median of the repeats and the load average.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp TEST_CLASSPATH dev.clusterlab.plugins.kmeans.KMeansVariantTimings \
 *     N D K [THREADS=2] [REPEATS=3] [TOL=1e-4] [VARIANTS=lloyd,elkan,hamerly,yinyang,auto] [SPREAD=1.5]
 * </pre>
 */
public final class KMeansVariantTimings {
    private KMeansVariantTimings() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        int k = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        double tol = args.length > 5 ? Double.parseDouble(args[5]) : 1e-4;
        String[] variants = (args.length > 6 ? args[6] : "lloyd,elkan,hamerly,yinyang,auto").split(",");
        double spread = args.length > 7 ? Double.parseDouble(args[7]) : 1.5;
        Dataset data = overlapping(n, d, k, spread, 42L + n + d + k);
        Points points = Points.of(data);
        ExecutionContext context = KMeansVariantsTest.with("vector", threads, 0);
        float[] start = new KMeansPlusPlus().centres(points, k, new SplittableRandom(0), context);
        double tolerance = tol * KMeansAlgorithm.meanVariance(points);
        KMeansLoop loop = new KMeansLoop(points, k, 300, tolerance, context);
        System.out.printf("%d x %d, k=%d, %d threads, tol %.0e, %s, load %s%n", n, d, k, threads, tol,
                context.kernels().description(), load());
        for (String name : variants) {
            KMeansParams.Variant variant = Arrays.stream(KMeansParams.Variant.values())
                    .filter(v -> v.id().equals(name)).findFirst().orElseThrow();
            List<Double> seconds = new ArrayList<>();
            KMeansLoop.Outcome outcome = null;
            for (int r = 0; r <= repeats; r++) { // the first run warms up
                long t0 = System.nanoTime();
                outcome = loop.run(KMeansAlgorithm.step(variant.resolve(n, d, k), points, k, 300, context), start.clone(), 0, 1);
                if (r > 0) {
                    seconds.add((System.nanoTime() - t0) / 1e9);
                }
            }
            seconds.sort(null);
            List<IterationStats> stats = outcome.stats();
            long later = stats.subList(1, stats.size()).stream().mapToLong(IterationStats::distanceComputations).sum();
            double computed = stats.size() > 1 ? (double) later / ((long) n * k * (stats.size() - 1)) : 1;
            System.out.printf("  %-8s %8.3f s (median of %d; min %.3f)  %3d iterations  %.4f s/iteration  "
                            + "%5.1f%% of Lloyd's distances after the first  inertia %.6e  load %s%n",
                    name, seconds.get(seconds.size() / 2), repeats, seconds.getFirst(), outcome.iterations(),
                    seconds.get(seconds.size() / 2) / outcome.iterations(), 100 * computed, outcome.inertia(), load());
        }
        System.exit(0);
    }

    static Dataset overlapping(int n, int d, int k, double spread, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] mu = new double[k * d];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = KMeansVariantsTest.gaussian(rnd);
        }
        double sd = spread * Math.pow(d, 0.25);
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(k);
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (mu[c * d + j] + sd * KMeansVariantsTest.gaussian(rnd));
            }
        }
        return Dataset.of("overlapping", n, d, x, null, null);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
