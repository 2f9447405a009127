package dev.clusterlab.benchmarks;

import dev.clusterlab.api.kernel.CentroidAssigner;
import dev.clusterlab.api.kernel.Kernels;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One nearest-centroid assignment pass of k-means (the E-step), single-threaded: {@code n = 100,000}
 * points, {@code k = 64} centroids, {@code d = 32} and {@code d = 128}; one operation = one pass, costing
 * {@code 2 n k d} flops.
 *
 * <p>Hypothesis: the scalar loop reaches about 2% of the FMA peak measured by {@link FmaPeakProbe} in the
 * same run, and the current vector assigner (four points share each centroid load, one horizontal
 * reduction per point-centroid pair) a few times more, about 7-30%, well short of the 60% that a
 * register-tiled kernel with a fused argmin reached in the prototype (PERFORMANCE.md). The pass allocates
 * nothing (0 B/op with {@code -prof gc}); a non-zero figure means a vector object escaped.
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
        assigner = kernels.centroidAssigner(centroids, k, d);
        selfCheck(centroids);
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
        assigner.assign(points, 0, n, labels, distances);
        return labels;
    }
}
