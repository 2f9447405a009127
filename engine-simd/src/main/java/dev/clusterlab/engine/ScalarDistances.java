package dev.clusterlab.engine;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;

/**
 * The distances both implementations share where a plain loop is the whole story (Minkowski's
 * {@code pow} has no cheap vector form), and the dispatch from a {@link Distance} to a kernel method.
 */
final class ScalarDistances {
    private ScalarDistances() {
    }

    static float squaredEuclidean(float[] a, int ao, float[] b, int bo, int len) {
        float sum = 0f;
        for (int i = 0; i < len; i++) {
            float diff = a[ao + i] - b[bo + i];
            sum += diff * diff;
        }
        return sum;
    }

    static float dot(float[] a, int ao, float[] b, int bo, int len) {
        float sum = 0f;
        for (int i = 0; i < len; i++) {
            sum += a[ao + i] * b[bo + i];
        }
        return sum;
    }

    static float cosine(float[] a, int ao, float[] b, int bo, int len) {
        float ab = 0f;
        float aa = 0f;
        float bb = 0f;
        for (int i = 0; i < len; i++) {
            float x = a[ao + i];
            float y = b[bo + i];
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        return Cosine.distance(ab, aa, bb);
    }

    static float manhattan(float[] a, int ao, float[] b, int bo, int len) {
        float s = 0f;
        for (int i = 0; i < len; i++) {
            s += Math.abs(a[ao + i] - b[bo + i]);
        }
        return s;
    }

    static float chebyshev(float[] a, int ao, float[] b, int bo, int len) {
        float m = 0f;
        for (int i = 0; i < len; i++) {
            m = Math.max(m, Math.abs(a[ao + i] - b[bo + i]));
        }
        return m;
    }

    /**
     * Summed in double: {@code |x|^p} spans a wide range and float would lose the small terms. Integer
     * exponents up to 4 multiply (as {@link VectorMinkowski}, the same algorithm, so that the two differ only
     * in SIMD): the square of a float is exact in double, so the power is rounded at most once, as exact as
     * {@code Math.pow} and many times cheaper.
     */
    static float minkowski(float[] a, int ao, float[] b, int bo, int len, double p) {
        double s = 0;
        if (p == 1 || p == 2 || p == 3 || p == 4) {
            int ip = (int) p;
            for (int i = 0; i < len; i++) {
                double x = Math.abs(a[ao + i] - b[bo + i]);
                double sq = x * x;
                s += switch (ip) {
                    case 1 -> x;
                    case 2 -> sq;
                    case 3 -> sq * x;
                    default -> sq * sq;
                };
            }
        } else {
            for (int i = 0; i < len; i++) {
                s += Math.pow(Math.abs(a[ao + i] - b[bo + i]), p);
            }
        }
        return root(s, p);
    }

    /**
     * {@code s^(1/p)}, shared by both Minkowski kernels. The integer exponents take square and cube roots,
     * within an ulp of a double, where {@code pow(s, 1.0 / 3)} raises to an exponent that is not exactly a
     * third; and they cost a fraction of {@code pow}, which at short rows weighs as much as the sum before it.
     */
    static float root(double s, double p) {
        if (p == 1) {
            return (float) s;
        } else if (p == 2) {
            return (float) Math.sqrt(s);
        } else if (p == 3) {
            return (float) Math.cbrt(s);
        } else if (p == 4) {
            return (float) Math.sqrt(Math.sqrt(s));
        }
        return (float) Math.pow(s, 1.0 / p);
    }

    /** One distance through the kernel's own methods, for the kinds both implement the same way. */
    static float dispatch(Kernels k, Distance distance, float[] a, int ao, float[] b, int bo, int len,
                          DistanceFn manhattan, DistanceFn chebyshev) {
        return switch (distance.kind()) {
            case SQUARED_EUCLIDEAN -> k.squaredEuclidean(a, ao, b, bo, len);
            case EUCLIDEAN -> (float) Math.sqrt(k.squaredEuclidean(a, ao, b, bo, len));
            case MANHATTAN -> manhattan.apply(a, ao, b, bo, len);
            case CHEBYSHEV -> chebyshev.apply(a, ao, b, bo, len);
            case MINKOWSKI -> minkowski(a, ao, b, bo, len, distance.p());
            case COSINE -> k.cosineDistance(a, ao, b, bo, len);
            case INNER_PRODUCT -> -k.dot(a, ao, b, bo, len);
        };
    }

    /** A one-to-one distance function. */
    @FunctionalInterface
    interface DistanceFn {
        float apply(float[] a, int ao, float[] b, int bo, int len);
    }

    /** Many-to-many as a double loop over the one-to-many kernel. */
    static void pairwise(Kernels k, Distance distance, float[] a, int aFrom, int aTo, float[] b, int bFrom, int bTo, int d,
                         float[] out) {
        int width = bTo - bFrom;
        for (int i = aFrom; i < aTo; i++) {
            k.distances(distance, a, i * d, b, bFrom, bTo, d, out, (i - aFrom) * width);
        }
    }
}
