package dev.clusterlab.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
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
 * <p>Floats are loaded at half the preferred width and widened to one full double vector. Lanes are summed
 * in lane order at the end, a fixed order.
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
        DoubleVector acc0 = DoubleVector.zero(DOUBLES);
        DoubleVector acc1 = DoubleVector.zero(DOUBLES);
        int i = 0;
        for (; i <= len - 2 * LANES; i += 2 * LANES) {
            acc0 = acc0.add(power(widen(absDiff(a, ao + i, b, bo + i)), p));
            acc1 = acc1.add(power(widen(absDiff(a, ao + i + LANES, b, bo + i + LANES)), p));
        }
        if (i <= len - LANES) {
            acc0 = acc0.add(power(widen(absDiff(a, ao + i, b, bo + i)), p));
            i += LANES;
        }
        if (i < len) {
            // The full-width vector ending at the end (len >= LANES), the lanes before the tail zeroed: zero
            // to any power adds nothing (see VectorTails for why not a masked load).
            int rem = len - i;
            FloatVector diff = absDiff(a, ao + len - LANES, b, bo + len - LANES).blend(0L, FLOATS.indexInRange(rem, LANES));
            acc1 = acc1.add(power(widen(diff), p));
        }
        DoubleVector acc = acc0.add(acc1);
        double s = 0;
        for (int lane = 0; lane < LANES; lane++) {
            s += acc.lane(lane);
        }
        return (float) Math.pow(s, 1.0 / p);
    }

    private static FloatVector absDiff(float[] a, int ao, float[] b, int bo) {
        return FloatVector.fromArray(FLOATS, a, ao).sub(FloatVector.fromArray(FLOATS, b, bo)).abs();
    }

    private static DoubleVector widen(FloatVector v) {
        return (DoubleVector) v.convertShape(VectorOperators.F2D, DOUBLES, 0);
    }

    private static DoubleVector power(DoubleVector x, int p) {
        return switch (p) {
            case 1 -> x;
            case 2 -> x.mul(x);
            case 3 -> x.mul(x).mul(x);
            default -> {
                DoubleVector sq = x.mul(x);
                yield sq.mul(sq);
            }
        };
    }
}
