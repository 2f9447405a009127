package dev.clusterlab.benchmarks;

import dev.clusterlab.api.kernel.CentroidAssigner;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.engine.ChunkedExecutor;
import dev.clusterlab.engine.KernelSelection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One nearest-centroid assignment pass of k-means (the E-step), single-threaded: {@code n = 100,000}
 * points, {@code k = 64} centroids, {@code d = 32} and {@code d = 128}; one operation = one pass, costing
 * {@code 2 n k d} flops.
 *
 * <p>Hypothesis: the scalar loop reaches about 2% of the FMA peak measured by {@link FmaPeakProbe} in the
 * same run; the register-tiled vector assigner (4 points x 4 vectors of centroids, fused argmin) at least
 * 60% at d = 32 and 65% at d = 128 (PERFORMANCE.md's prototype), {@code assignAndAccumulate} a few percent
 * less (the fused M-step adds d double adds per point), {@code assignWithSecond} somewhat less (a 2-point
 * tile: more loads per FMA). With {@code threads = 2} the pass runs over fixed chunks of 1,024 rows through
 * {@link ChunkedExecutor}: close to twice the one-thread throughput on two cores. The pass allocates
 * nothing (0 B/op with {@code -prof gc} at one thread; with two, the executor's per-call bookkeeping);
 * a non-zero figure at one thread means a vector object escaped.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class AssignmentBenchmark {
    /** Kernel implementation, through {@link KernelSelection#select(String)}. */
    @Param({"scalar", "vector"})
    public String impl;

    /** Dimension. */
    @Param({"32", "128"})
    public int d;

    /** Number of points. */
    @Param({"100000"})
    public int n;

    /** Number of centroids. */
    @Param({"64"})
    public int k;

    /** Threads: 1 calls the kernel directly; more go through {@link ChunkedExecutor} with fixed chunks. */
    @Param({"1"})
    public int threads;

    /** Rows per chunk when {@code threads > 1}. */
    static final int CHUNK = 1024;

    private ChunkedExecutor executor;
    private float[] second;
    private double[] sums;
    private double[] totalWeights;

    private CentroidAssigner assigner;
    private float[] points;
    private int[] labels;
    private float[] distances;

    /** Builds the data and refuses to run if the two implementations disagree on clear-cut points. */
    @Setup(Level.Trial)
    public void setUp() {
        Kernels kernels = KernelSelection.select(impl).kernels();
        if (!kernels.implementation().equals(impl)) {
            throw new IllegalStateException("asked for " + impl + " kernels, got " + kernels.implementation());
        }
        float[] centroids = BenchData.uniform(3, k * d);
        points = BenchData.blobs(4, centroids, k, d, n);
        labels = new int[n];
        distances = new float[n];
        second = new float[n];
        sums = new double[k * d];
        totalWeights = new double[k];
        assigner = kernels.centroidAssigner(centroids, k, d);
        executor = new ChunkedExecutor(threads);
        selfCheck(centroids);
    }

    /** Stops the worker threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    /**
     * On the first 2,000 points, scalar and vector labels must agree except where the two best distances
     * (in double) are within a relative 1e-5.
     */
    private void selfCheck(float[] centroids) {
        int m = Math.min(n, 2_000);
        int[] ls = new int[m];
        int[] lv = new int[m];
        KernelSelection.select("scalar").kernels().centroidAssigner(centroids, k, d).assign(points, 0, m, ls, null);
        KernelSelection.select("vector").kernels().centroidAssigner(centroids, k, d).assign(points, 0, m, lv, null);
        for (int i = 0; i < m; i++) {
            if (ls[i] == lv[i]) {
                continue;
            }
            double a = 0;
            double b = 0;
            for (int j = 0; j < d; j++) {
                double p = points[i * d + j];
                a += (p - centroids[ls[i] * d + j]) * (p - centroids[ls[i] * d + j]);
                b += (p - centroids[lv[i] * d + j]) * (p - centroids[lv[i] * d + j]);
            }
            if (Math.abs(a - b) > 1e-5 * Math.max(a, b)) {
                throw new IllegalStateException("self-check failed: point " + i + " scalar label " + ls[i] + " (d2 " + a
                        + "), vector label " + lv[i] + " (d2 " + b + ")");
            }
        }
    }

    /** @return the labels of one full pass (the distances are written too) */
    @Benchmark
    public int[] assign() {
        if (threads == 1) {
            assigner.assign(points, 0, n, labels, distances);
        } else {
            executor.forEachChunk(n, CHUNK, (chunk, from, to) -> assigner.assign(points, from, to, labels, distances));
        }
        return labels;
    }

    /** @return the labels of one pass that also gives the second-nearest distance (Elkan/Hamerly bounds) */
    @Benchmark
    public float[] assignWithSecond() {
        assigner.assignWithSecond(points, 0, n, labels, distances, second);
        return second;
    }

    /**
     * @return the sums after one fused E+M pass; the sums keep growing across calls, which costs nothing
     *     (they are only added to)
     */
    @Benchmark
    public double[] assignAndAccumulate() {
        assigner.assignAndAccumulate(points, null, 0, n, labels, distances, sums, totalWeights);
        return sums;
    }
}
