package dev.clusterlab.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import static dev.clusterlab.engine.VectorKernels.LANES;
import static dev.clusterlab.engine.VectorKernels.SPECIES;
import static dev.clusterlab.engine.VectorKernels.cosineOfSums;
import static dev.clusterlab.engine.VectorKernels.sum;

/**
 * The distance kernels for rows of one to four vectors ({@code LANES <= length < LIMIT}), straight-line:
 * one to three whole steps and the tail, no loop.
 *
 * <p>Why: a loop that runs once or twice costs C2's loop set-up on every call. With the two-step loop of
 * {@link VectorKernels}, one-to-one squared Euclidean at d = 33 ran at 1.7-2.0 million blocks of 64 rows per
 * second against 3.6 at d = 31 (no loop trip); written out as here, d = 33 ran at 3.0-3.6 million and d = 48
 * at 3.8 (JMH, two forks per case, the same run). The steps cannot be peeled into the loop methods instead:
 * those would pass C2's inlining limit of 325 bytecode bytes (FreqInlineSize), and a kernel left out of
 * line is several times slower at these lengths.
 *
 * <p>One accumulator: three dependent steps are shorter than the horizontal sum, and rows overlap in the
 * out-of-order core. Tails as in {@link VectorKernels#MIN_VECTOR_LENGTH}: the full vector ending at the row's
 * end, lanes before the tail zeroed after the subtraction ({@code 0 - 0} would give the same zero). Every
 * result depends on the length only, never on where the rows lie in their arrays.
 */
final class ShortRows {
    /** The first length handled by the loops of {@link VectorKernels}: four whole steps. */
    static final int LIMIT = 4 * LANES;

    private ShortRows() {
    }

    static float squaredEuclidean(float[] a, int ao, float[] b, int bo, int length) {
        FloatVector d0 = FloatVector.fromArray(SPECIES, a, ao).sub(FloatVector.fromArray(SPECIES, b, bo));
        FloatVector acc = d0.mul(d0);
        int i = LANES;
        if (length >= 2 * LANES) {
            FloatVector d1 = FloatVector.fromArray(SPECIES, a, ao + LANES).sub(FloatVector.fromArray(SPECIES, b, bo + LANES));
            acc = d1.fma(d1, acc);
            i = 2 * LANES;
            if (length >= 3 * LANES) {
                FloatVector d2 = FloatVector.fromArray(SPECIES, a, ao + 2 * LANES).sub(FloatVector.fromArray(SPECIES, b, bo + 2 * LANES));
                acc = d2.fma(d2, acc);
                i = 3 * LANES;
            }
        }
        if (i < length) {
            FloatVector dt = FloatVector.fromArray(SPECIES, a, ao + length - LANES).sub(FloatVector.fromArray(SPECIES, b, bo + length - LANES))
                    .blend(0L, SPECIES.indexInRange(length - i, LANES));
            acc = dt.fma(dt, acc);
        }
        return sum(acc);
    }

    static float dot(float[] a, int ao, float[] b, int bo, int length) {
        FloatVector acc = FloatVector.fromArray(SPECIES, a, ao).mul(FloatVector.fromArray(SPECIES, b, bo));
        int i = LANES;
        if (length >= 2 * LANES) {
            acc = FloatVector.fromArray(SPECIES, a, ao + LANES).fma(FloatVector.fromArray(SPECIES, b, bo + LANES), acc);
            i = 2 * LANES;
            if (length >= 3 * LANES) {
                acc = FloatVector.fromArray(SPECIES, a, ao + 2 * LANES).fma(FloatVector.fromArray(SPECIES, b, bo + 2 * LANES), acc);
                i = 3 * LANES;
            }
        }
        if (i < length) {
            // Zeroing one operand's lanes is enough for a product.
            acc = FloatVector.fromArray(SPECIES, a, ao + length - LANES).blend(0L, SPECIES.indexInRange(length - i, LANES))
                    .fma(FloatVector.fromArray(SPECIES, b, bo + length - LANES), acc);
        }
        return sum(acc);
    }

    static float manhattan(float[] a, int ao, float[] b, int bo, int length) {
        FloatVector acc = FloatVector.fromArray(SPECIES, a, ao).sub(FloatVector.fromArray(SPECIES, b, bo)).abs();
        int i = LANES;
        if (length >= 2 * LANES) {
            acc = acc.add(FloatVector.fromArray(SPECIES, a, ao + LANES).sub(FloatVector.fromArray(SPECIES, b, bo + LANES)).abs());
            i = 2 * LANES;
            if (length >= 3 * LANES) {
                acc = acc.add(FloatVector.fromArray(SPECIES, a, ao + 2 * LANES).sub(FloatVector.fromArray(SPECIES, b, bo + 2 * LANES)).abs());
                i = 3 * LANES;
            }
        }
        if (i < length) {
            acc = acc.add(FloatVector.fromArray(SPECIES, a, ao + length - LANES).sub(FloatVector.fromArray(SPECIES, b, bo + length - LANES))
                    .abs().blend(0L, SPECIES.indexInRange(length - i, LANES)));
        }
        return sum(acc);
    }

    /** The maximum on the bits of {@code |a - b|}, as {@link VectorKernels#chebyshev} (exact in any order). */
    static float chebyshev(float[] a, int ao, float[] b, int bo, int length) {
        IntVector acc = FloatVector.fromArray(SPECIES, a, ao).sub(FloatVector.fromArray(SPECIES, b, bo)).abs().reinterpretAsInts();
        int i = LANES;
        if (length >= 2 * LANES) {
            acc = acc.max(FloatVector.fromArray(SPECIES, a, ao + LANES).sub(FloatVector.fromArray(SPECIES, b, bo + LANES)).abs().reinterpretAsInts());
            i = 2 * LANES;
            if (length >= 3 * LANES) {
                acc = acc.max(FloatVector.fromArray(SPECIES, a, ao + 2 * LANES).sub(FloatVector.fromArray(SPECIES, b, bo + 2 * LANES))
                        .abs().reinterpretAsInts());
                i = 3 * LANES;
            }
        }
        if (i < length) {
            // The lanes before the tail repeat elements already seen: harmless for a maximum, no blend needed.
            acc = acc.max(FloatVector.fromArray(SPECIES, a, ao + length - LANES).sub(FloatVector.fromArray(SPECIES, b, bo + length - LANES))
                    .abs().reinterpretAsInts());
        }
        return Float.intBitsToFloat(acc.reduceLanes(VectorOperators.MAX));
    }

    static float cosine(float[] a, int ao, float[] b, int bo, int length) {
        // Two methods: written as one, the three accumulators' steps came to 334 bytecode bytes, past C2's
        // inlining limit, and the kernel ran out of line at 0.6x the speed (d = 33, DistanceKindsBenchmark).
        return length < 2 * LANES ? cosineOneStep(a, ao, b, bo, length) : cosineTwoOrThreeSteps(a, ao, b, bo, length);
    }

    private static float cosineOneStep(float[] a, int ao, float[] b, int bo, int length) {
        FloatVector x = FloatVector.fromArray(SPECIES, a, ao);
        FloatVector y = FloatVector.fromArray(SPECIES, b, bo);
        FloatVector ab = x.mul(y);
        FloatVector aa = x.mul(x);
        FloatVector bb = y.mul(y);
        if (length > LANES) {
            VectorMask<Float> head = SPECIES.indexInRange(length - LANES, LANES);
            x = FloatVector.fromArray(SPECIES, a, ao + length - LANES).blend(0L, head);
            y = FloatVector.fromArray(SPECIES, b, bo + length - LANES).blend(0L, head);
            ab = x.fma(y, ab);
            aa = x.fma(x, aa);
            bb = y.fma(y, bb);
        }
        return cosineOfSums(ab, aa, bb);
    }

    private static float cosineTwoOrThreeSteps(float[] a, int ao, float[] b, int bo, int length) {
        FloatVector x = FloatVector.fromArray(SPECIES, a, ao);
        FloatVector y = FloatVector.fromArray(SPECIES, b, bo);
        FloatVector ab = x.mul(y);
        FloatVector aa = x.mul(x);
        FloatVector bb = y.mul(y);
        x = FloatVector.fromArray(SPECIES, a, ao + LANES);
        y = FloatVector.fromArray(SPECIES, b, bo + LANES);
        ab = x.fma(y, ab);
        aa = x.fma(x, aa);
        bb = y.fma(y, bb);
        int i = 2 * LANES;
        if (length >= 3 * LANES) {
            x = FloatVector.fromArray(SPECIES, a, ao + 2 * LANES);
            y = FloatVector.fromArray(SPECIES, b, bo + 2 * LANES);
            ab = x.fma(y, ab);
            aa = x.fma(x, aa);
            bb = y.fma(y, bb);
            i = 3 * LANES;
        }
        if (i < length) {
            VectorMask<Float> head = SPECIES.indexInRange(length - i, LANES);
            x = FloatVector.fromArray(SPECIES, a, ao + length - LANES).blend(0L, head);
            y = FloatVector.fromArray(SPECIES, b, bo + length - LANES).blend(0L, head);
            ab = x.fma(y, ab);
            aa = x.fma(x, aa);
            bb = y.fma(y, bb);
        }
        return cosineOfSums(ab, aa, bb);
    }
}
