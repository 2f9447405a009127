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
 * Pairwise distance kernels, one query against a block of {@code rows} rows (one operation = the whole
 * block, so call overhead and timer resolution do not dominate).
 *
 * <p>Hypothesis: the Vector API kernels beat the scalar loops by several times at every dimension,
 * including dimensions that are not a multiple of the lane count (with 16 lanes, 31 = 16 + a masked step
 * of 15, 961 = 60 x 16 + a masked step of 1), and the gap grows with the dimension as the fixed cost per
 * call (horizontal sum, masked step) is amortised. Both stay far below the FMA peak
 * ({@link FmaPeakProbe}): each FMA needs two fresh loads, so these kernels are bound by loads, not by the
 * FMA units, and at {@code dim = 31} by the per-call fixed cost.
 *
 * <p>Flops counted per operation: {@code 2 rows dim} for dot, {@code 3 rows dim} for squared Euclidean
 * (subtract, multiply, add).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class DistanceKernelBenchmark {
    /** Kernel implementation, through {@link KernelSelection#select(String)}. */
    @Param({"scalar", "vector"})
    public String impl;

    /** Dimension: none is a multiple of 16 lanes except 48 and 128 (the aligned controls); 33 and 48 are straight-line rows. */
    @Param({"31", "33", "48", "128", "961"})
    public int dim;

    /** Rows per operation; 64 x 961 floats = 246 KB, so every dimension's block stays in L2. */
    @Param({"64"})
    public int rows;

    private Kernels kernels;
    private float[] query;
    private float[] matrix;
    private float[] out;

    /** Builds the data and refuses to run if scalar and vector disagree beyond the float bound. */
    @Setup(Level.Trial)
    public void setUp() {
        kernels = KernelSelection.select(impl).kernels();
        if (!kernels.implementation().equals(impl)) {
            throw new IllegalStateException("asked for " + impl + " kernels, got " + kernels.implementation());
        }
        query = BenchData.uniform(1, dim);
        matrix = BenchData.uniform(2, rows * dim);
        out = new float[rows];
        Kernels scalar = KernelSelection.select("scalar").kernels();
        Kernels vector = KernelSelection.select("vector").kernels();
        for (int r = 0; r < rows; r++) {
            double dot = 0;
            double absDot = 0;
            double sq = 0;
            for (int j = 0; j < dim; j++) {
                double x = query[j];
                double y = matrix[r * dim + j];
                dot += x * y;
                absDot += Math.abs(x * y);
                sq += (x - y) * (x - y);
            }
            for (Kernels k : new Kernels[] {scalar, vector}) {
                BenchData.check(k.implementation() + " dot row " + r, k.dot(query, 0, matrix, r * dim, dim), dot, absDot, dim);
                BenchData.check(k.implementation() + " sqeuclidean row " + r,
                        k.squaredEuclidean(query, 0, matrix, r * dim, dim), sq, sq, dim);
            }
        }
    }

    /** @return squared Euclidean distances from the query to each row, through the one-to-one kernel */
    @Benchmark
    public float[] squaredEuclidean() {
        float[] o = out;
        for (int r = 0; r < o.length; r++) {
            o[r] = kernels.squaredEuclidean(query, 0, matrix, r * dim, dim);
        }
        return o;
    }

    /** @return dot products of the query with each row */
    @Benchmark
    public float[] dot() {
        float[] o = out;
        for (int r = 0; r < o.length; r++) {
            o[r] = kernels.dot(query, 0, matrix, r * dim, dim);
        }
        return o;
    }

    /** @return the same squared distances through the api's one-to-many {@code distances} call */
    @Benchmark
    public float[] distancesSquaredEuclidean() {
        kernels.distances(Distance.SQUARED_EUCLIDEAN, query, 0, matrix, 0, rows, dim, out, 0);
        return out;
    }
}
