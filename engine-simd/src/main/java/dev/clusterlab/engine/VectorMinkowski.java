package dev.clusterlab.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Minkowski distance for the integer exponents 1 to 4, vectorised: {@code |a - b|} in float (as the scalar
 * twin), widened to double, raised to the power by multiplication and summed in double.
 *
 * <p>Why only integer exponents: the Vector API's lane-wise {@code POW} is the platform's vector math library
 * once C2 compiles it, but {@code Math.pow} lane by lane in the interpreter, so the same call would give
 * different bits before and after warm-up (the problem {@link VectorKernels#sum} solves for sums). Products
 * are the same bits everywhere, and for {@code p <= 4} as exact as {@code Math.pow}: the square of a float is
 * exact in double, so each power is rounded at most once. Other exponents use
 * {@link ScalarDistances#minkowski}.
 *
 * <p>Floats are loaded at half the preferred width and widened to one full double vector (loading the full
 * width and widening both halves, the upper one by {@code convertShape(F2D, ..., 1)}, ran 2.5x slower at
 * d = 33). Lanes are summed in lane order at the end, a fixed order.
 */
final class VectorMinkowski {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));
    private static final int LANES = FLOATS.length();

    private VectorMinkowski() {
    }

    /**
     * @param p the exponent
     * @return whether {@link #distance} handles it: 1, 2, 3 or 4
     */
    static boolean handles(double p) {
        return p == 1 || p == 2 || p == 3 || p == 4;
    }

    /**
     * @param a first vector's array
     * @param ao start of the first vector
     * @param b second vector's array
     * @param bo start of the second vector
     * @param len dimension
     * @param p 1, 2, 3 or 4 ({@link #handles})
     * @return {@code (Σ |a_i - b_i|^p)^(1/p)}
     */
    static float distance(float[] a, int ao, float[] b, int bo, int len, int p) {
        if (len < LANES) {
            return ScalarDistances.minkowski(a, ao, b, bo, len, p);
        }
        return ScalarDistances.root(sumOfPowers(a, ao, b, bo, len, p), p);
    }

    /**
     * {@code Σ |a_i - b_i|^p} for {@code len >= LANES}. Kept apart from the root and under C2's inlining limit
     * of 325 bytecode bytes (FreqInlineSize): as one 405-byte method it was called out of line for every row
     * of a one-to-many call.
     */
    private static double sumOfPowers(float[] a, int ao, float[] b, int bo, int len, int p) {
        // One accumulator: the conversion and the products of a step take longer than an add's latency.
        DoubleVector acc = DoubleVector.zero(DOUBLES);
        int i = 0;
        for (; i <= len - LANES; i += LANES) {
            acc = acc.add(power(FloatVector.fromArray(FLOATS, a, ao + i).sub(FloatVector.fromArray(FLOATS, b, bo + i)), p));
        }
        if (i < len) {
            // The full-width vector ending at the end (len >= LANES), the lanes before the tail zeroed: zero
            // to any power adds nothing (see VectorKernels.MIN_VECTOR_LENGTH for why not a masked load).
            VectorMask<Float> head = FLOATS.indexInRange(len - i, LANES);
            acc = acc.add(power(FloatVector.fromArray(FLOATS, a, ao + len - LANES).blend(0L, head)
                    .sub(FloatVector.fromArray(FLOATS, b, bo + len - LANES).blend(0L, head)), p));
        }
        double s = 0;
        for (int lane = 0; lane < LANES; lane++) {
            s += acc.lane(lane);
        }
        return s;
    }

    /**
     * {@code |d|^p} in double, {@code d} widened exactly. It takes and returns vectors, so it must be inlined
     * wherever it is called ({@code benchmarks/check-jit.sh} checks): a vector method that C2 leaves out of
     * line boxes its vectors (see VectorKernels.MIN_VECTOR_LENGTH). Where p is a constant the branches fold
     * away; elsewhere they go the same way every step, always predicted. Three blends with loop-invariant
     * masks, computing every power and keeping one, had been 1.5x slower at d = 961 (JMH, alternating jars).
     */
    private static DoubleVector power(FloatVector d, int p) {
        DoubleVector x = (DoubleVector) d.abs().convertShape(VectorOperators.F2D, DOUBLES, 0);
        if (p == 1) {
            return x;
        }
        DoubleVector sq = x.mul(x);
        return p == 2 ? sq : sq.mul(p == 3 ? x : sq);
    }
}
