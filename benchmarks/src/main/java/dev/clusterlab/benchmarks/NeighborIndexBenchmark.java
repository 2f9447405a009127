package dev.clusterlab.benchmarks;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.NeighborIndex;
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
 * Range and kNN queries through {@code Kernels.neighborIndex} (DBSCAN's and HDBSCAN's inner loop): one
 * operation = {@code queries} consecutive query rows. Euclidean distance.
 *
 * <p>Hypothesis: at {@code d = 2} the engine builds a kd-tree and a query costs O(log n + neighbours), orders
 * of magnitude below a scan; at {@code d = 33} it scans in blocks through the one-to-many kernel, where the
 * vector kernels are several times faster than the scalar ones. Both implementations return the same
 * neighbours (checked in the setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class NeighborIndexBenchmark {
    /** Kernel implementation. */
    @Param({"scalar", "vector"})
    public String impl;

    /** Dimension: 2 (kd-tree) and 33 (blocked scan). */
    @Param({"2", "33"})
    public int d;

    /** Indexed points. */
    @Param({"20000"})
    public int n;

    /** Query rows per operation. */
    @Param({"100"})
    public int queries;

    private NeighborIndex index;
    private double eps;
    private int[] ids;
    private float[] dists;
    private long[] count;

    /** Blobs; eps giving a few dozen neighbours; refuses to run if scalar and vector disagree. */
    @Setup(Level.Trial)
    public void setUp() {
        Kernels kernels = KernelSelection.select(impl).kernels();
        if (!kernels.implementation().equals(impl)) {
            throw new IllegalStateException("asked for " + impl + " kernels, got " + kernels.implementation());
        }
        float[] centroids = BenchData.uniform(21, 50 * d);
        float[] data = BenchData.blobs(22, centroids, 50, d, n);
        eps = d == 2 ? 0.05 : 0.3 * Math.sqrt(d) * 0.6;
        index = kernels.neighborIndex(data, n, d, Distance.EUCLIDEAN);
        ids = new int[queries * 16];
        dists = new float[queries * 16];
        count = new long[1];
        NeighborIndex other = KernelSelection.select(impl.equals("scalar") ? "vector" : "scalar").kernels()
                .neighborIndex(data, n, d, Distance.EUCLIDEAN);
        long[] mine = new long[2];
        long[] theirs = new long[2];
        index.rangeQuery(0, queries, eps, (q, ids, ds, c) -> {
            mine[0] += c;
            for (int i = 0; i < c; i++) {
                mine[1] = mine[1] * 31 + ids[i];
            }
        });
        other.rangeQuery(0, queries, eps, (q, ids, ds, c) -> {
            theirs[0] += c;
            for (int i = 0; i < c; i++) {
                theirs[1] = theirs[1] * 31 + ids[i];
            }
        });
        if (mine[0] != theirs[0] || mine[1] != theirs[1] || mine[0] < queries) {
            throw new IllegalStateException("self-check failed: " + impl + " found " + mine[0] + " neighbours, the other "
                    + theirs[0] + " (" + index.structure() + " vs " + other.structure() + ")");
        }
    }

    /** @return how many neighbours the queries have */
    @Benchmark
    public long rangeQuery() {
        count[0] = 0;
        index.rangeQuery(0, queries, eps, (q, ids, ds, c) -> count[0] += c);
        return count[0];
    }

    /** @return the 16 nearest of each query */
    @Benchmark
    public int[] knn16() {
        index.knn(0, queries, 16, ids, dists);
        return ids;
    }
}
