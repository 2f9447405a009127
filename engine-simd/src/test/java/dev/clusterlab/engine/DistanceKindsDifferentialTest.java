package dev.clusterlab.engine;

import static dev.clusterlab.engine.KernelDifferentialTest.A_OFFSET;
import static dev.clusterlab.engine.KernelDifferentialTest.B_OFFSET;
import static dev.clusterlab.engine.KernelDifferentialTest.LENGTHS;
import static dev.clusterlab.engine.KernelDifferentialTest.PAD;
import static dev.clusterlab.engine.KernelDifferentialTest.SCALAR;
import static dev.clusterlab.engine.KernelDifferentialTest.VECTOR;
import static dev.clusterlab.engine.KernelDifferentialTest.nanArray;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.engine.KernelDifferentialTest.Case;
import dev.clusterlab.engine.KernelDifferentialTest.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link Distance} kind, one-to-one, one-to-many and many-to-many, in both implementations, against
 * references computed in double here; same awkward lengths, offsets, NaN padding and value families as
 * {@link KernelDifferentialTest}.
 *
 * <p>Besides closeness to the reference, the batched kernels must give exactly the bits of
 * {@link Kernels#distance} for the kinds where a threshold is decided (range queries rely on it); the
 * vector pairwise squared Euclidean tile sums in another order, so it is held to the float bound only.
 */
class DistanceKindsDifferentialTest {
    static final List<Distance> KINDS = List.of(Distance.SQUARED_EUCLIDEAN, Distance.EUCLIDEAN, Distance.MANHATTAN,
            Distance.CHEBYSHEV, Distance.minkowski(1), Distance.minkowski(1.5), Distance.minkowski(2), Distance.minkowski(3),
            Distance.minkowski(4), Distance.COSINE, Distance.INNER_PRODUCT);
    static final double U = FloatBounds.U;

    static Stream<Arguments> cases() {
        return KernelDifferentialTest.cases();
    }

    /** Reference value of one kind in double, and the tolerance a float kernel is allowed. */
    record Ref(double value, double tol) {
    }

    static Ref reference(Distance distance, float[] a, int ao, float[] b, int bo, int n) {
        double sq = 0;
        double l1 = 0;
        double linf = 0;
        double mink = 0;
        double dot = 0;
        double absDot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            double diff = Math.abs(x - y);
            sq += diff * diff;
            l1 += diff;
            linf = Math.max(linf, diff);
            if (distance.kind() == Distance.Kind.MINKOWSKI) {
                mink += Math.pow(diff, distance.p());
            }
            dot += x * y;
            absDot += Math.abs(x * y);
            aa += x * x;
            bb += y * y;
        }
        double tiny = 4 * Float.MIN_VALUE;
        return switch (distance.kind()) {
            case SQUARED_EUCLIDEAN -> new Ref(sq, FloatBounds.sumBound(n, sq));
            case EUCLIDEAN -> new Ref(Math.sqrt(sq), FloatBounds.sqrtBound(sq, FloatBounds.sumBound(n, sq)));
            case MANHATTAN -> new Ref(l1, FloatBounds.sumBound(n, l1));
            // One rounding of the difference, none in the maximum.
            case CHEBYSHEV -> new Ref(linf, 2 * U * linf + tiny);
            // Each |a-b| is rounded once in float (relative p u after the power), the sum is in double,
            // the root divides the relative error by p; a few more roundings for pow and the cast.
            case MINKOWSKI -> {
                double v = Math.pow(mink, 1 / distance.p());
                yield new Ref(v, 6 * U * v + tiny);
            }
            case COSINE -> new Ref(aa == 0 || bb == 0 ? 1.0 : Math.min(2, Math.max(0, 1 - dot / Math.sqrt(aa * bb))),
                    FloatBounds.cosineBound(n));
            case INNER_PRODUCT -> new Ref(-dot, FloatBounds.sumBound(n, absDot));
        };
    }

    /** Inputs where float accumulation of squared norms underflows (see KernelDifferentialTest). */
    static boolean cosineUnderflows(Distance distance, Case c) {
        return distance.kind() == Distance.Kind.COSINE && c.normsUnderflowInFloat();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyKindMatchesReference(Case c) {
        for (Distance distance : KINDS) {
            Ref ref = reference(distance, c.a(), A_OFFSET, c.b(), B_OFFSET, c.n());
            float s = SCALAR.distance(distance, c.a(), A_OFFSET, c.b(), B_OFFSET, c.n());
            float v = VECTOR.distance(distance, c.a(), A_OFFSET, c.b(), B_OFFSET, c.n());
            String what = distance + " " + c;
            if (cosineUnderflows(distance, c)) {
                assertThat(s).as("scalar %s", what).isBetween(0f, 2f);
                assertThat(v).as("vector %s", what).isBetween(0f, 2f);
                continue;
            }
            assertThat((double) s).as("scalar %s", what).isCloseTo(ref.value(), within(ref.tol()));
            assertThat((double) v).as("vector %s", what).isCloseTo(ref.value(), within(ref.tol()));
            switch (distance.kind()) {
                case CHEBYSHEV, MINKOWSKI -> assertThat(v).as("exact twin %s", what).isEqualTo(s);
                case INNER_PRODUCT -> assertThat(v).as("-dot %s", what).isEqualTo(-VECTOR.dot(c.a(), A_OFFSET, c.b(), B_OFFSET, c.n()));
                default -> { }
            }
            if (c.shape() == Shape.SMALL_INTEGERS || c.shape() == Shape.ZEROS) {
                if (distance.kind() != Distance.Kind.COSINE && distance.kind() != Distance.Kind.MINKOWSKI) {
                    assertThat(v).as("exact on small integers %s", what).isEqualTo(s);
                }
            }
            if (distance.kind() != Distance.Kind.COSINE && distance.kind() != Distance.Kind.INNER_PRODUCT) {
                assertThat(s).as("non-negative scalar %s", what).isGreaterThanOrEqualTo(0f);
                assertThat(v).as("non-negative vector %s", what).isGreaterThanOrEqualTo(0f);
                // d(x, x) = 0 exactly for every metric-like kind
                assertThat(VECTOR.distance(distance, c.a(), A_OFFSET, c.a(), A_OFFSET, c.n())).as("self %s", what).isZero();
                assertThat(SCALAR.distance(distance, c.a(), A_OFFSET, c.a(), A_OFFSET, c.n())).as("self %s", what).isZero();
            }
        }
    }

    static Stream<Arguments> blocks() {
        return Stream.of(Shape.UNIFORM, Shape.WIDE_RANGE, Shape.SMALL_INTEGERS, Shape.NEAR_EQUAL)
                .flatMap(shape -> IntStream.of(LENGTHS).mapToObj(d -> Arguments.of(shape, d)));
    }

    /** Fills rows {@code [from, to)} of a NaN matrix; row 4 (if in range) is all zeros, row 5 duplicates row 3. */
    static float[] matrix(SplittableRandom rnd, Shape shape, int rows, int from, int to, int d) {
        float[] m = nanArray(rows * d + PAD);
        float[] sa = new float[A_OFFSET + d];
        float[] sb = new float[B_OFFSET + d];
        for (int r = from; r < to; r++) {
            shape.fill(rnd, sa, sb, d);
            System.arraycopy(r % 2 == 0 ? sa : sb, r % 2 == 0 ? A_OFFSET : B_OFFSET, m, r * d, d);
        }
        if (from <= 4 && 4 < to) {
            Arrays.fill(m, 4 * d, 5 * d, 0f);
        }
        if (from <= 3 && 5 < to) {
            System.arraycopy(m, 3 * d, m, 5 * d, d);
        }
        return m;
    }

    /**
     * One-to-many and many-to-many blocks of every kind: rows outside the ranges are NaN (never read),
     * nothing outside the output is written, and every value is within the float bound of the double
     * reference. The one-to-many values are bit-identical to the one-to-one kernel (range queries rely on it).
     */
    @ParameterizedTest(name = "{0} d={1}")
    @MethodSource("blocks")
    void batchedKernelsMatchOneToOne(Shape shape, int d) {
        SplittableRandom rnd = new SplittableRandom(77L * d + shape.ordinal());
        int aRows = 11;
        int aFrom = 1;
        int aTo = 10;
        int bRows = d >= 1023 ? 9 : 23;
        int bFrom = 2;
        int bTo = bRows - 1;
        float[] a = matrix(rnd, shape, aRows, aFrom, aTo, d);
        float[] b = matrix(rnd, shape, bRows, bFrom, bTo, d);
        int width = bTo - bFrom;
        for (Kernels k : new Kernels[] {SCALAR, VECTOR}) {
            for (Distance distance : KINDS) {
                String what = k.implementation() + " " + distance + " " + shape + " d=" + d;
                float[] out = new float[(aTo - aFrom) * width + 3];
                Arrays.fill(out, -42f);
                k.pairwise(distance, a, aFrom, aTo, b, bFrom, bTo, d, out);
                for (int i = (aTo - aFrom) * width; i < out.length; i++) {
                    assertThat(out[i]).as("untouched out[%d] %s", i, what).isEqualTo(-42f);
                }
                float[] row = new float[width + 2];
                for (int i = aFrom; i < aTo; i++) {
                    Arrays.fill(row, -42f);
                    k.distances(distance, a, i * d, b, bFrom, bTo, d, row, 1);
                    assertThat(row[0]).as("untouched %s", what).isEqualTo(-42f);
                    assertThat(row[width + 1]).as("untouched %s", what).isEqualTo(-42f);
                    for (int j = bFrom; j < bTo; j++) {
                        String at = what + " (" + i + "," + j + ")";
                        float one = k.distance(distance, a, i * d, b, j * d, d);
                        assertThat(row[1 + j - bFrom]).as("one-to-many = one-to-one bits %s", at).isEqualTo(one);
                        float pw = out[(i - aFrom) * width + (j - bFrom)];
                        Ref ref = reference(distance, a, i * d, b, j * d, d);
                        boolean cosineUnderflow = distance.kind() == Distance.Kind.COSINE && underflows(a, i, b, j, d);
                        if (cosineUnderflow) {
                            assertThat(pw).as("pairwise %s", at).isBetween(0f, 2f);
                        } else {
                            assertThat((double) pw).as("pairwise %s", at).isCloseTo(ref.value(), within(ref.tol()));
                        }
                        if (k == SCALAR || distance.kind() != Distance.Kind.SQUARED_EUCLIDEAN
                                && distance.kind() != Distance.Kind.EUCLIDEAN && distance.kind() != Distance.Kind.INNER_PRODUCT) {
                            assertThat(pw).as("pairwise = one-to-one bits %s", at).isEqualTo(one);
                        }
                    }
                }
            }
            // a block of a matrix against itself: the diagonal of every metric-like kind is exactly zero
            float[] self = new float[(aTo - aFrom) * (aTo - aFrom)];
            for (Distance distance : List.of(Distance.SQUARED_EUCLIDEAN, Distance.EUCLIDEAN, Distance.MANHATTAN)) {
                k.pairwise(distance, a, aFrom, aTo, a, aFrom, aTo, d, self);
                for (int i = 0; i < aTo - aFrom; i++) {
                    assertThat(self[i * (aTo - aFrom) + i]).as("diagonal %s %s d=%d", k.implementation(), distance, d).isZero();
                }
            }
            float[] none = {-1f};
            k.pairwise(Distance.SQUARED_EUCLIDEAN, a, 3, 3, b, bFrom, bTo, d, none);
            k.pairwise(Distance.SQUARED_EUCLIDEAN, a, aFrom, aTo, b, 3, 3, d, none);
            assertThat(none).as("empty blocks write nothing").containsExactly(-1f);
        }
    }

    private static boolean underflows(float[] a, int i, float[] b, int j, int d) {
        double aa = 0;
        double bb = 0;
        for (int t = 0; t < d; t++) {
            aa += (double) a[i * d + t] * a[i * d + t];
            bb += (double) b[j * d + t] * b[j * d + t];
        }
        return (aa != 0 && aa < 1e3 * Float.MIN_NORMAL) || (bb != 0 && bb < 1e3 * Float.MIN_NORMAL);
    }
}
