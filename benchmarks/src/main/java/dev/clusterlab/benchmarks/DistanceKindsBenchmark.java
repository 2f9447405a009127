package dev.clusterlab.benchmarks;

import dev.clusterlab.api.kernel.Distance;
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
 * The other distance kinds through the one-to-many call: one query against {@code rows} rows (one operation
 * = the whole block). Squared Euclidean and dot are in {@link DistanceKernelBenchmark}.
 *
 * <p>Hypothesis: Manhattan, Chebyshev and cosine vector kernels are several times faster than scalar at
 * every dimension (at least 4x from 33 on); Minkowski uses {@code Math.pow} per element in both
 * implementations (no cheap vector form) and is about 1x. Flops counted: 3 per element (Manhattan,
 * Chebyshev: subtract, abs, add/max), 6 (cosine: three FMAs), 3 (Minkowski, nominal).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class DistanceKindsBenchmark {
    /** Kernel implementation. */
    @Param({"scalar", "vector"})
    public String impl;

    /** Dimension: 33 (2 vectors + a masked step of 1) and 961. */
    @Param({"33", "961"})
    public int dim;

    /** Distance id. */
    @Param({"manhattan", "chebyshev", "cosine", "minkowski:3"})
    public String kind;

    /** Rows per operation. */
    @Param({"64"})
    public int rows;

    private Kernels kernels;
    private Distance distance;
    private float[] query;
    private float[] matrix;
    private float[] out;

    /** Seeded data; refuses to run unless scalar and vector agree within the float bound. */
    @Setup(Level.Trial)
    public void setUp() {
        kernels = KernelSelection.select(impl).kernels();
        if (!kernels.implementation().equals(impl)) {
            throw new IllegalStateException("asked for " + impl + " kernels, got " + kernels.implementation());
        }
        distance = Distance.byId(kind);
        query = BenchData.uniform(1, dim);
        matrix = BenchData.uniform(2, rows * dim);
        out = new float[rows];
        Kernels scalar = KernelSelection.select("scalar").kernels();
        kernels.distances(distance, query, 0, matrix, 0, rows, dim, out, 0);
        for (int r = 0; r < rows; r++) {
            float ref = scalar.distance(distance, query, 0, matrix, r * dim, dim);
            if (!(Math.abs(out[r] - ref) <= (dim + 8) * 0x1p-24 * Math.max(1.0, Math.abs(ref) * dim))) {
                throw new IllegalStateException("self-check failed for " + impl + " " + kind + " row " + r + ": " + out[r]
                        + " vs scalar " + ref);
            }
        }
    }

    /** @return the distances from the query to each row */
    @Benchmark
    public float[] distances() {
        kernels.distances(distance, query, 0, matrix, 0, rows, dim, out, 0);
        return out;
    }
}
