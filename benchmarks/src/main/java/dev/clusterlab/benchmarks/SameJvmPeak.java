package dev.clusterlab.benchmarks;

import dev.clusterlab.api.kernel.CentroidAssigner;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.engine.ChunkedExecutor;
import dev.clusterlab.engine.KernelSelection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The assignment targets measured the way the issue states them: the FMA probe and the kernel in the same
 * JVM, interleaved in rounds so that a noisy neighbour slows both alike. Not a JMH benchmark (JMH runs each
 * benchmark in its own fork): a plain program with warm-up rounds, then {@code R} measured rounds of
 * probe / kernel on 1 thread / kernel on 2 threads (fixed chunks of 1,024 rows through
 * {@link ChunkedExecutor}), reporting per-round ratios and their median.
 *
 * <p>Hypothesis: the tiled assigner reaches >= 60% of the probe at d = 32 and >= 65% at d = 128 (k = 64,
 * n = 100,000), and two threads >= 1.8x one thread.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * dev.clusterlab.benchmarks.SameJvmPeak [rounds] [d...]}
 */
public final class SameJvmPeak {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int CHUNK = 1024;

    private SameJvmPeak() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int[] dims = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray() : new int[] {32, 128};
        int n = 100_000;
        int k = 64;
        Kernels kernels = KernelSelection.select("vector").kernels();
        System.out.printf(Locale.ROOT, "kernels: %s; n=%d k=%d; %d rounds; chunk %d rows%n", kernels.description(), n, k, rounds, CHUNK);
        float[] init = new float[16 * LANES];
        for (int i = 0; i < init.length; i++) {
            init[i] = 1f + i * 1e-3f;
        }
        try (ChunkedExecutor two = new ChunkedExecutor(2)) {
            for (int d : dims) {
                float[] centroids = BenchData.uniform(3, k * d);
                float[] points = BenchData.blobs(4, centroids, k, d, n);
                int[] labels = new int[n];
                float[] dist = new float[n];
                CentroidAssigner assigner = kernels.centroidAssigner(centroids, k, d);
                double flopsPerPass = 2.0 * n * k * d;
                // warm-up: compile everything at its final tier
                for (int w = 0; w < 3; w++) {
                    probe(init, 0.3);
                    time(() -> assigner.assign(points, 0, n, labels, dist), 0.5);
                    time(() -> two.forEachChunk(n, CHUNK, (c, f, t) -> assigner.assign(points, f, t, labels, dist)), 0.5);
                }
                List<Double> p = new ArrayList<>();
                List<Double> one = new ArrayList<>();
                List<Double> both = new ArrayList<>();
                List<Double> pct = new ArrayList<>();
                List<Double> scale = new ArrayList<>();
                List<Double> cpus = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    double peak = probe(init, 0.5);
                    double g1 = flopsPerPass / time(() -> assigner.assign(points, 0, n, labels, dist), 1.0) / 1e9;
                    long cpu0 = processCpuNanos();
                    long wall0 = System.nanoTime();
                    double g2 = flopsPerPass / time(() -> two.forEachChunk(n, CHUNK,
                            (c, f, t) -> assigner.assign(points, f, t, labels, dist)), 1.0) / 1e9;
                    // CPUs this process actually received while running on 2 threads: on a shared machine the
                    // second core may be busy with someone else's work, and then no kernel can scale.
                    cpus.add((processCpuNanos() - cpu0) / (double) (System.nanoTime() - wall0));
                    p.add(peak);
                    one.add(g1);
                    both.add(g2);
                    pct.add(100 * g1 / peak);
                    scale.add(g2 / g1);
                    System.out.printf(Locale.ROOT, "d=%d round %d: probe %.1f GFLOP/s, 1 thread %.1f GFLOP/s (%.1f%%), 2 threads %.1f GFLOP/s (%.2fx, process got %.2f CPUs)%n",
                            d, r, peak, g1, 100 * g1 / peak, g2, g2 / g1, cpus.get(cpus.size() - 1));
                }
                System.out.printf(Locale.ROOT, "RESULT d=%d: probe median %.1f GFLOP/s; 1 thread median %.1f GFLOP/s = %.1f%% of the probe "
                                + "(per-round median; best round %.1f%%); 2 threads median %.1f GFLOP/s = %.2fx one thread (per-round median), "
                                + "the process receiving a median %.2f CPUs meanwhile%n",
                        d, median(p), median(one), median(pct), pct.stream().mapToDouble(x -> x).max().orElse(0), median(both), median(scale),
                        median(cpus));
            }
            smallDimension(kernels, init, rounds);
            pairwise(kernels, init, rounds);
        }
    }

    /** k-means' 1,000,000 x 2, k = 16 case (PERFORMANCE.md's peers table): the transposed small-d kernel. */
    static void smallDimension(Kernels kernels, float[] init, int rounds) {
        int n = 1_000_000;
        int d = 2;
        int k = 16;
        float[] centroids = BenchData.uniform(5, k * d);
        float[] points = BenchData.blobs(6, centroids, k, d, n);
        int[] labels = new int[n];
        CentroidAssigner assigner = kernels.centroidAssigner(centroids, k, d);
        List<Double> pct = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        for (int r = -2; r < rounds; r++) {
            double peak = probe(init, 0.5);
            double t = time(() -> assigner.assign(points, 0, n, labels, null), 1.0);
            if (r >= 0) {
                pct.add(100 * 2.0 * n * k * d / t / 1e9 / peak);
                ms.add(t * 1e3);
            }
        }
        System.out.printf(Locale.ROOT, "RESULT assignment n=%d d=%d k=%d, 1 thread: median %.2f ms per pass = %.1f%% of the probe%n",
                n, d, k, median(ms), median(pct));
    }

    /** Pairwise squared Euclidean at d = 960, 128 x 128 blocks: ns per pair, next to the probe of the same round. */
    static void pairwise(Kernels kernels, float[] init, int rounds) {
        int d = 960;
        int rows = 128;
        float[] a = BenchData.uniform(7, rows * d);
        float[] b = BenchData.uniform(8, rows * d);
        float[] out = new float[rows * rows];
        List<Double> ns = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        for (int r = -2; r < rounds; r++) {
            double peak = probe(init, 0.5);
            double t = time(() -> kernels.pairwise(dev.clusterlab.api.kernel.Distance.SQUARED_EUCLIDEAN, a, 0, rows, b, 0, rows, d, out), 1.0);
            if (r >= 0) {
                ns.add(t * 1e9 / (rows * rows));
                peaks.add(peak);
            }
        }
        System.out.printf(Locale.ROOT, "RESULT pairwise sqeuclidean d=%d, %d x %d blocks, 1 thread: median %.1f ns per pair (probe median %.1f GFLOP/s)%n",
                d, rows, rows, median(ns), median(peaks));
    }

    /** @return CPU time used by this process so far (all threads, including GC and JIT) */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /** @return seconds per call, over repeated calls for at least {@code seconds} */
    static double time(Runnable r, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long calls = 0;
        long now;
        do {
            r.run();
            calls++;
            now = System.nanoTime();
        } while (now - start < budget);
        return (now - start) / 1e9 / calls;
    }

    static float sink;

    /** @return GFLOP/s of 16 independent FMA chains (FmaPeakProbe's loop) over about {@code seconds} */
    static double probe(float[] init, double seconds) {
        int trips = 1 << 16;
        double t = time(() -> sink += FmaPeakProbe.chains(init, trips), seconds);
        return 16.0 * trips * 2 * LANES / t / 1e9;
    }
}
