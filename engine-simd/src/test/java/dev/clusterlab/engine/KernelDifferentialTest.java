package dev.clusterlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scalar and vector kernels against a double-precision reference computed here, over lengths that are
 * and are not multiples of any lane count, at non-zero offsets, on random and boundary values. Every
 * array is padded with NaN outside the slice a kernel may read, so a read out of range poisons the
 * result. Tolerances: see {@link FloatBounds}.
 */
class KernelDifferentialTest {
    static final int[] LENGTHS = {1, 2, 3, 7, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 100, 207, 1023, 1024, 4097};
    static final Kernels SCALAR = new ScalarKernels();
    static final Kernels VECTOR = new VectorKernels();
    static final int A_OFFSET = 3;
    static final int B_OFFSET = 5;
    static final int PAD = 19;

    /** Value families; each fills {@code a} and {@code b} of one length. */
    enum Shape {
        UNIFORM, WIDE_RANGE, ZEROS, LARGE, TINY, MIXED_SIGNS, NEAR_EQUAL, ZERO_A, SMALL_INTEGERS;

        void fill(SplittableRandom rnd, float[] a, float[] b, int n) {
            for (int i = 0; i < n; i++) {
                float x;
                float y;
                switch (this) {
                    case UNIFORM -> {
                        x = uniform(rnd);
                        y = uniform(rnd);
                    }
                    case WIDE_RANGE -> { // magnitudes from 1e-30 to 1e15, random signs
                        x = signed(rnd, (float) Math.pow(10, rnd.nextDouble(-30, 15)));
                        y = signed(rnd, (float) Math.pow(10, rnd.nextDouble(-30, 15)));
                    }
                    case ZEROS -> {
                        x = 0f;
                        y = 0f;
                    }
                    case LARGE -> {
                        x = signed(rnd, (float) (1e15 * rnd.nextDouble(0.5, 1)));
                        y = signed(rnd, (float) (1e15 * rnd.nextDouble(0.5, 1)));
                    }
                    case TINY -> {
                        x = signed(rnd, (float) (1e-30 * rnd.nextDouble(0.5, 1)));
                        y = signed(rnd, (float) (1e-30 * rnd.nextDouble(0.5, 1)));
                    }
                    case MIXED_SIGNS -> { // the dot product cancels: alternating signs, similar magnitudes
                        x = (i % 2 == 0 ? 1f : -1f) * (float) rnd.nextDouble(1, 2);
                        y = (float) rnd.nextDouble(1, 2);
                    }
                    case NEAR_EQUAL -> { // squared Euclidean of nearly equal vectors: tiny differences
                        x = uniform(rnd);
                        y = x * (1f + (float) rnd.nextDouble(-1e-6, 1e-6));
                    }
                    case ZERO_A -> {
                        x = 0f;
                        y = uniform(rnd);
                    }
                    case SMALL_INTEGERS -> {
                        x = rnd.nextInt(-8, 9);
                        y = rnd.nextInt(-8, 9);
                    }
                    default -> throw new AssertionError(this);
                }
                a[A_OFFSET + i] = x;
                b[B_OFFSET + i] = y;
            }
        }

        private static float uniform(SplittableRandom rnd) {
            return (float) rnd.nextDouble(-1, 1);
        }

        private static float signed(SplittableRandom rnd, float magnitude) {
            return rnd.nextBoolean() ? magnitude : -magnitude;
        }
    }

    /** One pair of NaN-padded vectors and its double-precision reference. */
    record Case(Shape shape, int n, float[] a, float[] b, double sq, double dot, double sumAbsDot, double aa, double bb) {
        static Case of(Shape shape, int n) {
            SplittableRandom rnd = new SplittableRandom(31L * n + shape.ordinal());
            float[] a = nanArray(A_OFFSET + n + PAD);
            float[] b = nanArray(B_OFFSET + n + PAD);
            shape.fill(rnd, a, b, n);
            double sq = 0;
            double dot = 0;
            double sumAbsDot = 0;
            double aa = 0;
            double bb = 0;
            for (int i = 0; i < n; i++) {
                double x = a[A_OFFSET + i];
                double y = b[B_OFFSET + i];
                sq += (x - y) * (x - y);
                dot += x * y;
                sumAbsDot += Math.abs(x * y);
                aa += x * x;
                bb += y * y;
            }
            return new Case(shape, n, a, b, sq, dot, sumAbsDot, aa, bb);
        }

        /** Cosine distance as the api defines it: 1 when a norm is zero, else clamped to [0, 2]. */
        double cosine() {
            if (aa == 0 || bb == 0) {
                return 1.0;
            }
            return Math.min(2.0, Math.max(0.0, 1.0 - dot / Math.sqrt(aa * bb)));
        }

        /**
         * A float kernel accumulates squared norms in float: when they underflow (norms below about
         * {@code 1e-22}) it sees a zero vector and answers 1. Such inputs are only compared scalar to vector.
         */
        boolean normsUnderflowInFloat() {
            return (aa != 0 && aa < 1e3 * Float.MIN_NORMAL) || (bb != 0 && bb < 1e3 * Float.MIN_NORMAL);
        }

        @Override
        public String toString() {
            return shape + " n=" + n;
        }
    }

    static float[] nanArray(int length) {
        float[] x = new float[length];
        Arrays.fill(x, Float.NaN);
        return x;
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(Shape.values())
                .flatMap(shape -> IntStream.of(LENGTHS).mapToObj(n -> Arguments.of(Case.of(shape, n))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void squaredEuclideanMatchesReference(Case c) {
        double tol = FloatBounds.sumBound(c.n, c.sq);
        float s = SCALAR.squaredEuclidean(c.a, A_OFFSET, c.b, B_OFFSET, c.n);
        float v = VECTOR.squaredEuclidean(c.a, A_OFFSET, c.b, B_OFFSET, c.n);
        assertThat(s).as("scalar %s", c).isGreaterThanOrEqualTo(0f);
        assertThat(v).as("vector %s", c).isGreaterThanOrEqualTo(0f);
        assertThat((double) s).as("scalar %s", c).isCloseTo(c.sq, within(tol));
        assertThat((double) v).as("vector %s", c).isCloseTo(c.sq, within(tol));
        assertThat((double) v).as("vector vs scalar %s", c).isCloseTo(s, within(2 * tol));
        if (c.shape == Shape.SMALL_INTEGERS || c.shape == Shape.ZEROS) {
            assertThat(v).as("exact on small integers %s", c).isEqualTo(s).isEqualTo((float) c.sq);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dotMatchesReference(Case c) {
        double tol = FloatBounds.sumBound(c.n, c.sumAbsDot);
        float s = SCALAR.dot(c.a, A_OFFSET, c.b, B_OFFSET, c.n);
        float v = VECTOR.dot(c.a, A_OFFSET, c.b, B_OFFSET, c.n);
        assertThat((double) s).as("scalar %s", c).isCloseTo(c.dot, within(tol));
        assertThat((double) v).as("vector %s", c).isCloseTo(c.dot, within(tol));
        assertThat((double) v).as("vector vs scalar %s", c).isCloseTo(s, within(2 * tol));
        if (c.shape == Shape.SMALL_INTEGERS || c.shape == Shape.ZEROS) {
            assertThat(v).as("exact on small integers %s", c).isEqualTo(s).isEqualTo((float) c.dot);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cosineDistanceMatchesReference(Case c) {
        float s = SCALAR.cosineDistance(c.a, A_OFFSET, c.b, B_OFFSET, c.n);
        float v = VECTOR.cosineDistance(c.a, A_OFFSET, c.b, B_OFFSET, c.n);
        assertThat(s).as("scalar %s", c).isBetween(0f, 2f);
        assertThat(v).as("vector %s", c).isBetween(0f, 2f);
        if (c.normsUnderflowInFloat()) {
            // Limitation of float accumulation: squared norms below ~1e-35 are subnormal or zero in float,
            // so the answer is only guaranteed to lie in [0, 2]; where every square underflows to zero
            // (1e-30 inputs) both kernels see a zero vector and answer exactly 1.
            if (c.shape == Shape.TINY) {
                assertThat(s).as("scalar, norms underflow, %s", c).isEqualTo(1f);
                assertThat(v).as("vector, norms underflow, %s", c).isEqualTo(1f);
            }
            return;
        }
        double tol = FloatBounds.cosineBound(c.n);
        double ref = c.cosine();
        assertThat((double) s).as("scalar %s", c).isCloseTo(ref, within(tol));
        assertThat((double) v).as("vector %s", c).isCloseTo(ref, within(tol));
        if (c.aa == 0 || c.bb == 0) {
            assertThat(s).as("zero vector gives exactly 1, scalar %s", c).isEqualTo(1f);
            assertThat(v).as("zero vector gives exactly 1, vector %s", c).isEqualTo(1f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void distanceDispatchMatchesReference(Case c) {
        for (Kernels k : new Kernels[] {SCALAR, VECTOR}) {
            String what = k.implementation() + " " + c;
            double sqTol = FloatBounds.sumBound(c.n, c.sq);
            float sq = k.distance(Distance.SQUARED_EUCLIDEAN, c.a, A_OFFSET, c.b, B_OFFSET, c.n);
            assertThat((double) sq).as("sqeuclidean %s", what).isCloseTo(c.sq, within(sqTol));
            float eu = k.distance(Distance.EUCLIDEAN, c.a, A_OFFSET, c.b, B_OFFSET, c.n);
            assertThat((double) eu).as("euclidean %s", what)
                    .isCloseTo(Math.sqrt(c.sq), within(FloatBounds.sqrtBound(c.sq, sqTol)));
            float cos = k.distance(Distance.COSINE, c.a, A_OFFSET, c.b, B_OFFSET, c.n);
            assertThat(cos).as("cosine dispatches to cosineDistance %s", what)
                    .isEqualTo(k.cosineDistance(c.a, A_OFFSET, c.b, B_OFFSET, c.n));
        }
    }

    /**
     * A one-hot probe at every position (sampled away from the ends for long vectors): catches a skipped,
     * doubled or shifted element that the worst-case tolerance at large n would hide.
     */
    @Test
    void everyPositionCountsExactlyOnce() {
        int checked = 0;
        for (int n : LENGTHS) {
            for (int p = 0; p < n; p++) {
                boolean nearEnd = p < 80 || p >= n - 80;
                if (!nearEnd && p % 37 != 0) {
                    continue;
                }
                float[] a = nanArray(A_OFFSET + n + PAD);
                float[] b = nanArray(B_OFFSET + n + PAD);
                Arrays.fill(a, A_OFFSET, A_OFFSET + n, 0f);
                Arrays.fill(b, B_OFFSET, B_OFFSET + n, 2f);
                a[A_OFFSET + p] = 3f;
                for (Kernels k : new Kernels[] {SCALAR, VECTOR}) {
                    String what = k.implementation() + " n=" + n + " p=" + p;
                    assertThat(k.dot(a, A_OFFSET, b, B_OFFSET, n)).as("dot %s", what).isEqualTo(6f);
                    // (3-2)^2 + (n-1) (0-2)^2
                    assertThat(k.squaredEuclidean(a, A_OFFSET, b, B_OFFSET, n)).as("sq %s", what).isEqualTo(1f + 4f * (n - 1));
                    assertThat(k.squaredEuclidean(b, B_OFFSET, a, A_OFFSET, n)).as("sq swapped %s", what)
                            .isEqualTo(1f + 4f * (n - 1));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    static Stream<Arguments> oneToMany() {
        return Stream.of(Shape.UNIFORM, Shape.WIDE_RANGE, Shape.SMALL_INTEGERS)
                .flatMap(shape -> IntStream.of(LENGTHS).mapToObj(d -> Arguments.of(shape, d)));
    }

    /**
     * One query against rows {@code [fromRow, toRow)}: rows outside the range are NaN (must not be read),
     * the query sits at an offset in a NaN-padded array, and nothing outside the output slice is written.
     * Row 4 is a zero row, whose cosine distance is 1.
     */
    @ParameterizedTest(name = "{0} d={1}")
    @MethodSource("oneToMany")
    void distancesOneToManyMatchReference(Shape shape, int d) {
        int rowCount = 9;
        int fromRow = 2;
        int toRow = 8;
        int queryOffset = 7;
        int outOffset = 4;
        SplittableRandom rnd = new SplittableRandom(1000L + d + 17L * shape.ordinal());
        float[] query = nanArray(queryOffset + d + PAD);
        float[] rows = nanArray(rowCount * d);
        float[] scratchA = new float[A_OFFSET + d];
        float[] scratchB = new float[B_OFFSET + d];
        for (int r = fromRow; r < toRow; r++) {
            shape.fill(rnd, scratchA, scratchB, d);
            System.arraycopy(scratchB, B_OFFSET, rows, r * d, d);
        }
        Arrays.fill(rows, 4 * d, 5 * d, 0f);
        System.arraycopy(scratchA, A_OFFSET, query, queryOffset, d);

        for (Kernels k : new Kernels[] {SCALAR, VECTOR}) {
            for (Distance distance : java.util.List.of(Distance.SQUARED_EUCLIDEAN, Distance.EUCLIDEAN, Distance.COSINE)) {
                String what = k.implementation() + " " + distance + " " + shape + " d=" + d;
                float[] out = new float[outOffset + (toRow - fromRow) + 3];
                Arrays.fill(out, -42f);
                k.distances(distance, query, queryOffset, rows, fromRow, toRow, d, out, outOffset);
                for (int i = 0; i < out.length; i++) {
                    if (i < outOffset || i >= outOffset + (toRow - fromRow)) {
                        assertThat(out[i]).as("untouched out[%d] %s", i, what).isEqualTo(-42f);
                    }
                }
                for (int r = fromRow; r < toRow; r++) {
                    double sq = 0;
                    double dot = 0;
                    double qq = 0;
                    double rr = 0;
                    for (int j = 0; j < d; j++) {
                        double x = query[queryOffset + j];
                        double y = rows[r * d + j];
                        sq += (x - y) * (x - y);
                        dot += x * y;
                        qq += x * x;
                        rr += y * y;
                    }
                    float got = out[outOffset + r - fromRow];
                    double sqTol = FloatBounds.sumBound(d, sq);
                    switch (distance.kind()) {
                        case SQUARED_EUCLIDEAN -> assertThat((double) got).as("row %d %s", r, what)
                                .isCloseTo(sq, within(sqTol));
                        case EUCLIDEAN -> assertThat((double) got).as("row %d %s", r, what)
                                .isCloseTo(Math.sqrt(sq), within(FloatBounds.sqrtBound(sq, sqTol)));
                        case COSINE -> {
                            if ((qq != 0 && qq < 1e3 * Float.MIN_NORMAL) || (rr != 0 && rr < 1e3 * Float.MIN_NORMAL)) {
                                // Norms underflow in float: see cosineDistanceMatchesReference.
                                assertThat(got).as("row %d, norms underflow, %s", r, what).isBetween(0f, 2f);
                            } else {
                                double ref = qq == 0 || rr == 0 ? 1.0 : Math.min(2, Math.max(0, 1 - dot / Math.sqrt(qq * rr)));
                                assertThat((double) got).as("row %d %s", r, what)
                                        .isCloseTo(ref, within(FloatBounds.cosineBound(d)));
                            }
                        }
                        default -> throw new AssertionError(distance);
                    }
                }
                float[] empty = new float[2];
                k.distances(distance, query, queryOffset, rows, 3, 3, d, empty, 1);
                assertThat(empty).as("empty range writes nothing %s", what).containsExactly(0f, 0f);
            }
        }
    }

    @Test
    void implementationsNameThemselves() {
        assertThat(SCALAR.implementation()).isEqualTo("scalar");
        assertThat(VECTOR.implementation()).isEqualTo("vector");
        assertThat(VECTOR.description()).contains("bit").contains("lanes");
    }
}
