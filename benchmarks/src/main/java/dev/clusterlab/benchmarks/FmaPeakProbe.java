package dev.clusterlab.benchmarks;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FP32 FMA peak of one core, as the Vector API can reach it: 16 independent FMA chains on registers of
 * the preferred species, no loads or stores in the loop. Kernels report their GFLOP/s as a percentage of
 * this figure measured in the same run, so the ratio survives a noisy neighbour.
 *
 * <p>Hypothesis: 16 chains hide the FMA latency (4 cycles) on two FMA ports (8 in flight needed), so one
 * operation, a vector FMA counted by {@link OperationsPerInvocation}, runs about twice per cycle:
 * {@code ops/s x lanes x 2} flops is the machine's FMA peak (about 240 GFLOP/s per core on an AVX-512 Xeon
 * near 3.8 GHz, PERFORMANCE.md; less where 512-bit FMAs are split into two 256-bit halves).
 *
 * <p>The chains compute {@code c = c * 0.999 + 0.001}, which converges to 1: no overflow, no subnormals.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class FmaPeakProbe {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Loop trips per operation; 16 FMAs each. */
    static final int TRIPS = 4096;
    static final int CHAINS = 16;

    private float[] init;

    /** Chain start values, distinct so that no two chains can be merged. */
    @Setup(Level.Trial)
    public void setUp() {
        init = new float[CHAINS * LANES];
        for (int i = 0; i < init.length; i++) {
            init[i] = 1f + i * 1e-3f;
        }
    }

    /** @return the sum of the 16 chains' first lanes (keeps every chain alive) */
    @Benchmark
    @OperationsPerInvocation(TRIPS * CHAINS)
    public float fma16() {
        return chains(init, TRIPS);
    }

    /**
     * The probe's loop, shared with {@link SameJvmPeak}: {@code trips} rounds of 16 independent FMAs.
     *
     * @param init {@code 16 x lanes} start values
     * @param trips loop trips
     * @return a value depending on every chain, so none is dead code
     */
    static float chains(float[] init, int trips) {
        FloatVector a = FloatVector.broadcast(SPECIES, 0.999f);
        FloatVector b = FloatVector.broadcast(SPECIES, 0.001f);
        FloatVector c0 = FloatVector.fromArray(SPECIES, init, 0);
        FloatVector c1 = FloatVector.fromArray(SPECIES, init, LANES);
        FloatVector c2 = FloatVector.fromArray(SPECIES, init, 2 * LANES);
        FloatVector c3 = FloatVector.fromArray(SPECIES, init, 3 * LANES);
        FloatVector c4 = FloatVector.fromArray(SPECIES, init, 4 * LANES);
        FloatVector c5 = FloatVector.fromArray(SPECIES, init, 5 * LANES);
        FloatVector c6 = FloatVector.fromArray(SPECIES, init, 6 * LANES);
        FloatVector c7 = FloatVector.fromArray(SPECIES, init, 7 * LANES);
        FloatVector c8 = FloatVector.fromArray(SPECIES, init, 8 * LANES);
        FloatVector c9 = FloatVector.fromArray(SPECIES, init, 9 * LANES);
        FloatVector c10 = FloatVector.fromArray(SPECIES, init, 10 * LANES);
        FloatVector c11 = FloatVector.fromArray(SPECIES, init, 11 * LANES);
        FloatVector c12 = FloatVector.fromArray(SPECIES, init, 12 * LANES);
        FloatVector c13 = FloatVector.fromArray(SPECIES, init, 13 * LANES);
        FloatVector c14 = FloatVector.fromArray(SPECIES, init, 14 * LANES);
        FloatVector c15 = FloatVector.fromArray(SPECIES, init, 15 * LANES);
        for (int t = 0; t < trips; t++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
            c8 = c8.fma(a, b);
            c9 = c9.fma(a, b);
            c10 = c10.fma(a, b);
            c11 = c11.fma(a, b);
            c12 = c12.fma(a, b);
            c13 = c13.fma(a, b);
            c14 = c14.fma(a, b);
            c15 = c15.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7)
                .add(c8.add(c9).add(c10).add(c11).add(c12).add(c13).add(c14).add(c15)).lane(0);
    }
}
