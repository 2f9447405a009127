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
 * Many-to-many distance blocks ({@code Kernels.pairwise}): one operation = one {@code rows x rows} block
 * (silhouette, affinity matrices and linkage tile a large matrix into such blocks).
 *
 * <p>Hypothesis: the vector 4 x 4 register tile (squared Euclidean from direct differences, inner product)
 * needs a quarter of the loads per pair of the one-to-one loop and runs at one subtract and one FMA per 16
 * floats per pair: at {@code dim = 961} (60 vectors + a masked step of 1) about 60-70 cycles per pair,
 * i.e. 20-30 ns, under the 50 ns target; kinds without a tile (Manhattan) run through the
 * one-to-many kernel, several times faster than scalar but load-bound. Flops per pair: 3 dim (squared
 * Euclidean: subtract, multiply, add), 2 dim (inner product), 3 dim (Manhattan: subtract, abs, add).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PairwiseBenchmark {
    /** Kernel implementation. */
    @Param({"scalar", "vector"})
    public String impl;

    /** Dimension; 961 = 60 x 16 + 1. */
    @Param({"33", "961"})
    public int dim;

    /** Distance id (see {@link Distance#byId}). */
    @Param({"sqeuclidean", "inner_product", "manhattan"})
    public String distance;

    /** Rows of each side of the block; 99 is not a multiple of the tile height (4). */
    @Param({"99"})
    public int rows;

    private Kernels kernels;
    private Distance kind;
    private float[] a;
    private float[] b;
    private float[] out;

    /** Seeded data; refuses to run if the block disagrees with a double-precision reference. */
    @Setup(Level.Trial)
    public void setUp() {
        kernels = KernelSelection.select(impl).kernels();
        if (!kernels.implementation().equals(impl)) {
            throw new IllegalStateException("asked for " + impl + " kernels, got " + kernels.implementation());
        }
        kind = Distance.byId(distance);
        a = BenchData.uniform(11, rows * dim);
        b = BenchData.uniform(12, rows * dim);
        out = new float[rows * rows];
        kernels.pairwise(kind, a, 0, rows, b, 0, rows, dim, out);
        for (int i = 0; i < rows; i += 7) {
            for (int j = 0; j < rows; j += 5) {
                double ref = 0;
                double abs = 0;
                for (int t = 0; t < dim; t++) {
                    double x = a[i * dim + t];
                    double y = b[j * dim + t];
                    double term = switch (kind.kind()) {
                        case SQUARED_EUCLIDEAN -> (x - y) * (x - y);
                        case INNER_PRODUCT -> -x * y;
                        default -> Math.abs(x - y);
                    };
                    ref += term;
                    abs += Math.abs(term);
                }
                BenchData.check(impl + " " + distance + " (" + i + "," + j + ")", out[i * rows + j], ref, abs, dim);
            }
        }
    }

    /** @return the block */
    @Benchmark
    public float[] pairwise() {
        kernels.pairwise(kind, a, 0, rows, b, 0, rows, dim, out);
        return out;
    }
}
