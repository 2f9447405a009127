package dev.clusterlab.engine;

import dev.clusterlab.api.kernel.CentroidAssigner;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels. The species is a {@code static final} constant: passed as a parameter, C2 can
 * no longer prove its shape and allocates real vector objects (a 10-100x loss measured here).
 * Loops use two accumulators so that consecutive FMAs do not wait on each other's latency, and a
 * scalar tail for the last {@code length % lanes} elements.
 */
public final class VectorKernels implements Kernels {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    @Override
    public String implementation() {
        return "vector";
    }

    @Override
    public String description() {
        return "Vector API, " + SPECIES.vectorBitSize() + "-bit, " + LANES + " float lanes";
    }

    @Override
    public float squaredEuclidean(float[] a, int aOffset, float[] b, int bOffset, int length) {
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = FloatVector.zero(SPECIES);
        int i = 0;
        int bound2 = length - 2 * LANES;
        for (; i <= bound2; i += 2 * LANES) {
            FloatVector d0 = FloatVector.fromArray(SPECIES, a, aOffset + i).sub(FloatVector.fromArray(SPECIES, b, bOffset + i));
            FloatVector d1 = FloatVector.fromArray(SPECIES, a, aOffset + i + LANES)
                    .sub(FloatVector.fromArray(SPECIES, b, bOffset + i + LANES));
            acc0 = d0.fma(d0, acc0);
            acc1 = d1.fma(d1, acc1);
        }
        if (i <= length - LANES) {
            FloatVector d0 = FloatVector.fromArray(SPECIES, a, aOffset + i).sub(FloatVector.fromArray(SPECIES, b, bOffset + i));
            acc0 = d0.fma(d0, acc0);
            i += LANES;
        }
        float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            float diff = a[aOffset + i] - b[bOffset + i];
            sum += diff * diff;
        }
        return sum;
    }

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = FloatVector.zero(SPECIES);
        int i = 0;
        int bound2 = length - 2 * LANES;
        for (; i <= bound2; i += 2 * LANES) {
            acc0 = FloatVector.fromArray(SPECIES, a, aOffset + i).fma(FloatVector.fromArray(SPECIES, b, bOffset + i), acc0);
            acc1 = FloatVector.fromArray(SPECIES, a, aOffset + i + LANES)
                    .fma(FloatVector.fromArray(SPECIES, b, bOffset + i + LANES), acc1);
        }
        if (i <= length - LANES) {
            acc0 = FloatVector.fromArray(SPECIES, a, aOffset + i).fma(FloatVector.fromArray(SPECIES, b, bOffset + i), acc0);
            i += LANES;
        }
        float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            sum += a[aOffset + i] * b[bOffset + i];
        }
        return sum;
    }

    @Override
    public float cosineDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        FloatVector ab = FloatVector.zero(SPECIES);
        FloatVector aa = FloatVector.zero(SPECIES);
        FloatVector bb = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            FloatVector x = FloatVector.fromArray(SPECIES, a, aOffset + i);
            FloatVector y = FloatVector.fromArray(SPECIES, b, bOffset + i);
            ab = x.fma(y, ab);
            aa = x.fma(x, aa);
            bb = y.fma(y, bb);
        }
        float sab = ab.reduceLanes(VectorOperators.ADD);
        float saa = aa.reduceLanes(VectorOperators.ADD);
        float sbb = bb.reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            float x = a[aOffset + i];
            float y = b[bOffset + i];
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        return Cosine.distance(sab, saa, sbb);
    }

    @Override
    public void distances(Distance distance, float[] query, int queryOffset, float[] rows, int fromRow, int toRow, int d,
                          float[] out, int outOffset) {
        switch (distance) {
            case SQUARED_EUCLIDEAN -> {
                for (int r = fromRow; r < toRow; r++) {
                    out[outOffset + r - fromRow] = squaredEuclidean(query, queryOffset, rows, r * d, d);
                }
            }
            case EUCLIDEAN -> {
                for (int r = fromRow; r < toRow; r++) {
                    out[outOffset + r - fromRow] = (float) Math.sqrt(squaredEuclidean(query, queryOffset, rows, r * d, d));
                }
            }
            case COSINE -> {
                for (int r = fromRow; r < toRow; r++) {
                    out[outOffset + r - fromRow] = cosineDistance(query, queryOffset, rows, r * d, d);
                }
            }
        }
    }

    @Override
    public CentroidAssigner centroidAssigner(float[] centroids, int k, int d) {
        return new VectorCentroidAssigner(centroids, k, d);
    }
}
