package dev.clusterlab.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Many-to-many distance blocks for squared Euclidean and the inner product: a 4 x 4 register tile of
 * (a-row, b-row) pairs. Hand-unrolled kernel.
 *
 * <p>One row-pair costs one load of each row per dimension step in the one-to-one kernel, so it is bound by
 * loads (two per FMA). The tile loads 4 a-vectors and 4 b-vectors per step and feeds 16 pairs, a quarter of
 * the loads per pair; the 16 accumulators and the 8 loaded vectors fit in AVX-512's 32 registers.
 *
 * <p>Squared Euclidean is computed from direct differences, never with {@code |a|² - 2a·b + |b|²}: the
 * values are reported as distances, and for near-equal rows the norms trick's cancellation error can exceed
 * the distance itself. Each pair is summed lane-wise in its own accumulator over the whole vectors, the
 * last {@code d % lanes} dimensions are added in order afterwards (a masked step in the tile doubled its
 * code and C1 then failed to compile it, "out of virtual registers", which kept it out of C2), with a fixed
 * lane-order sum: deterministic, though in another order than the one-to-one kernel (which uses two
 * accumulators and a butterfly), so the bits may differ from it by rounding.
 *
 * <p>Rows and columns left over from the tile are summed the same way, one pair at a time.
 */
final class PairwiseTiles {
    private static final VectorSpecies<Float> SPECIES = VectorKernels.SPECIES;
    private static final int LANES = VectorKernels.LANES;
    /**
     * Below four vector steps the rows run one pair at a time ({@link ShortRows}, straight-line): at d = 33 a
     * block of 99 x 99 ran at about 2x the scalar loop in tiles and 3.5-4.1x by rows (PairwiseBenchmark). The
     * tile's fixed cost, 16 lane sums and 16 tails, is paid back from about d = 64. (Summing the 16 lanes in
     * one tree of blends and shuffles instead did not help: the 16 scalar chains overlap in the core.)
     */
    static final int MIN_DIM = ShortRows.LIMIT;

    /** Per-thread room for the 16 accumulators of a tile: no allocation per call after a thread's first. */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[16 * LANES]);

    private PairwiseTiles() {
    }

    /**
     * @param dot true for {@code a·b}, false for {@code Σ (a_i - b_i)²}
     * @param negate whether to store {@code -value} (inner product distance)
     * @param sqrt whether to store {@code sqrt(value)} (Euclidean)
     */
    static void pairwise(boolean dot, boolean negate, boolean sqrt, float[] a, int aFrom, int aTo,
                         float[] b, int bFrom, int bTo, int d, float[] out) {
        int width = bTo - bFrom;
        float[] lanes = SCRATCH.get();
        int i = aFrom;
        for (; i + 4 <= aTo; i += 4) {
            int j = bFrom;
            for (; j + 4 <= bTo; j += 4) {
                if (dot) {
                    dotTile(a, i, b, j, d, out, (i - aFrom) * width + (j - bFrom), width, negate, lanes);
                } else {
                    squaredTile(a, i, b, j, d, out, (i - aFrom) * width + (j - bFrom), width, sqrt, lanes);
                }
            }
            for (int r = i; r < i + 4; r++) {
                for (int c = j; c < bTo; c++) {
                    out[(r - aFrom) * width + (c - bFrom)] = one(dot, negate, sqrt, a, r, b, c, d, lanes);
                }
            }
        }
        for (; i < aTo; i++) {
            for (int c = bFrom; c < bTo; c++) {
                out[(i - aFrom) * width + (c - bFrom)] = one(dot, negate, sqrt, a, i, b, c, d, lanes);
            }
        }
    }

    /**
     * One pair, summed exactly as a tile sums it (one accumulator over whole vectors, lanes in order, then
     * the tail in order), so a pair's bits do not depend on whether it fell in a tile or on an edge. No helper
     * taking a vector: in the large compiled body of {@link #pairwise}, C2 hit its node limit and left
     * {@code VectorKernels.sum} out of line (found by benchmarks/check-jit.sh).
     */
    private static float one(boolean dot, boolean negate, boolean sqrt, float[] a, int r, float[] b, int c, int d,
                             float[] lanes) {
        int ao = r * d;
        int bo = c * d;
        FloatVector acc = FloatVector.zero(SPECIES);
        int t = 0;
        for (; t <= d - LANES; t += LANES) {
            FloatVector x = FloatVector.fromArray(SPECIES, a, ao + t);
            FloatVector y = FloatVector.fromArray(SPECIES, b, bo + t);
            if (dot) {
                acc = x.fma(y, acc);
            } else {
                FloatVector e = x.sub(y);
                acc = e.fma(e, acc);
            }
        }
        acc.intoArray(lanes, 0);
        float s = 0f;
        for (int l = 0; l < LANES; l++) {
            s += lanes[l];
        }
        for (; t < d; t++) {
            if (dot) {
                s += a[ao + t] * b[bo + t];
            } else {
                float e = a[ao + t] - b[bo + t];
                s += e * e;
            }
        }
        return sqrt ? (float) Math.sqrt(s) : negate ? -s : s;
    }

    private static void squaredTile(float[] a, int i, float[] b, int j, int d, float[] out, int o, int width, boolean sqrt,
                                    float[] lanes) {
        int a0 = i * d;
        int a1 = a0 + d;
        int a2 = a1 + d;
        int a3 = a2 + d;
        int b0 = j * d;
        int b1 = b0 + d;
        int b2 = b1 + d;
        int b3 = b2 + d;
        FloatVector s00 = FloatVector.zero(SPECIES), s01 = s00, s02 = s00, s03 = s00;
        FloatVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        FloatVector s20 = s00, s21 = s00, s22 = s00, s23 = s00;
        FloatVector s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        int t = 0;
        int bound = d - LANES;
        for (; t <= bound; t += LANES) {
            FloatVector y0 = FloatVector.fromArray(SPECIES, b, b0 + t);
            FloatVector y1 = FloatVector.fromArray(SPECIES, b, b1 + t);
            FloatVector y2 = FloatVector.fromArray(SPECIES, b, b2 + t);
            FloatVector y3 = FloatVector.fromArray(SPECIES, b, b3 + t);
            FloatVector x = FloatVector.fromArray(SPECIES, a, a0 + t);
            FloatVector e;
            e = x.sub(y0); s00 = e.fma(e, s00);
            e = x.sub(y1); s01 = e.fma(e, s01);
            e = x.sub(y2); s02 = e.fma(e, s02);
            e = x.sub(y3); s03 = e.fma(e, s03);
            x = FloatVector.fromArray(SPECIES, a, a1 + t);
            e = x.sub(y0); s10 = e.fma(e, s10);
            e = x.sub(y1); s11 = e.fma(e, s11);
            e = x.sub(y2); s12 = e.fma(e, s12);
            e = x.sub(y3); s13 = e.fma(e, s13);
            x = FloatVector.fromArray(SPECIES, a, a2 + t);
            e = x.sub(y0); s20 = e.fma(e, s20);
            e = x.sub(y1); s21 = e.fma(e, s21);
            e = x.sub(y2); s22 = e.fma(e, s22);
            e = x.sub(y3); s23 = e.fma(e, s23);
            x = FloatVector.fromArray(SPECIES, a, a3 + t);
            e = x.sub(y0); s30 = e.fma(e, s30);
            e = x.sub(y1); s31 = e.fma(e, s31);
            e = x.sub(y2); s32 = e.fma(e, s32);
            e = x.sub(y3); s33 = e.fma(e, s33);
        }
        s00.intoArray(lanes, 0 * LANES);
        s01.intoArray(lanes, 1 * LANES);
        s02.intoArray(lanes, 2 * LANES);
        s03.intoArray(lanes, 3 * LANES);
        s10.intoArray(lanes, 4 * LANES);
        s11.intoArray(lanes, 5 * LANES);
        s12.intoArray(lanes, 6 * LANES);
        s13.intoArray(lanes, 7 * LANES);
        s20.intoArray(lanes, 8 * LANES);
        s21.intoArray(lanes, 9 * LANES);
        s22.intoArray(lanes, 10 * LANES);
        s23.intoArray(lanes, 11 * LANES);
        s30.intoArray(lanes, 12 * LANES);
        s31.intoArray(lanes, 13 * LANES);
        s32.intoArray(lanes, 14 * LANES);
        s33.intoArray(lanes, 15 * LANES);
        store(lanes, out, o, width, sqrt ? 1 : 0, a, a0, b, b0, d, t, false);
    }

    /**
     * Sums each pair's lanes in lane order (a fixed order: the same bits compiled or interpreted) and writes
     * the 4 x 4 results. The accumulators go through a scratch array rather than a helper taking vectors:
     * called 16 times after the tile's loop, such a helper was judged cold by C2, not inlined, and every
     * vector was boxed (135 MB per 99 x 99 block, measured with JMH -prof gc).
     *
     * @param mode 0 value, 1 sqrt(value), 2 -value, 3 value
     */
    private static void store(float[] lanes, float[] out, int o, int width, int mode, float[] a, int a0, float[] b, int b0,
                              int d, int tail, boolean dot) {
        for (int p = 0; p < 16; p++) {
            float s = 0f;
            int base = p * LANES;
            for (int l = 0; l < LANES; l++) {
                s += lanes[base + l];
            }
            // the last d % lanes dimensions, in order
            int ao = a0 + (p >> 2) * d;
            int bo = b0 + (p & 3) * d;
            for (int t = tail; t < d; t++) {
                if (dot) {
                    s += a[ao + t] * b[bo + t];
                } else {
                    float e = a[ao + t] - b[bo + t];
                    s += e * e;
                }
            }
            float v = mode == 1 ? (float) Math.sqrt(s) : mode == 2 ? -s : s;
            out[o + (p >> 2) * width + (p & 3)] = v;
        }
    }

    private static void dotTile(float[] a, int i, float[] b, int j, int d, float[] out, int o, int width, boolean negate,
                                float[] lanes) {
        int a0 = i * d;
        int a1 = a0 + d;
        int a2 = a1 + d;
        int a3 = a2 + d;
        int b0 = j * d;
        int b1 = b0 + d;
        int b2 = b1 + d;
        int b3 = b2 + d;
        FloatVector s00 = FloatVector.zero(SPECIES), s01 = s00, s02 = s00, s03 = s00;
        FloatVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        FloatVector s20 = s00, s21 = s00, s22 = s00, s23 = s00;
        FloatVector s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        int t = 0;
        int bound = d - LANES;
        for (; t <= bound; t += LANES) {
            FloatVector y0 = FloatVector.fromArray(SPECIES, b, b0 + t);
            FloatVector y1 = FloatVector.fromArray(SPECIES, b, b1 + t);
            FloatVector y2 = FloatVector.fromArray(SPECIES, b, b2 + t);
            FloatVector y3 = FloatVector.fromArray(SPECIES, b, b3 + t);
            FloatVector x = FloatVector.fromArray(SPECIES, a, a0 + t);
            s00 = x.fma(y0, s00);
            s01 = x.fma(y1, s01);
            s02 = x.fma(y2, s02);
            s03 = x.fma(y3, s03);
            x = FloatVector.fromArray(SPECIES, a, a1 + t);
            s10 = x.fma(y0, s10);
            s11 = x.fma(y1, s11);
            s12 = x.fma(y2, s12);
            s13 = x.fma(y3, s13);
            x = FloatVector.fromArray(SPECIES, a, a2 + t);
            s20 = x.fma(y0, s20);
            s21 = x.fma(y1, s21);
            s22 = x.fma(y2, s22);
            s23 = x.fma(y3, s23);
            x = FloatVector.fromArray(SPECIES, a, a3 + t);
            s30 = x.fma(y0, s30);
            s31 = x.fma(y1, s31);
            s32 = x.fma(y2, s32);
            s33 = x.fma(y3, s33);
        }
        s00.intoArray(lanes, 0 * LANES);
        s01.intoArray(lanes, 1 * LANES);
        s02.intoArray(lanes, 2 * LANES);
        s03.intoArray(lanes, 3 * LANES);
        s10.intoArray(lanes, 4 * LANES);
        s11.intoArray(lanes, 5 * LANES);
        s12.intoArray(lanes, 6 * LANES);
        s13.intoArray(lanes, 7 * LANES);
        s20.intoArray(lanes, 8 * LANES);
        s21.intoArray(lanes, 9 * LANES);
        s22.intoArray(lanes, 10 * LANES);
        s23.intoArray(lanes, 11 * LANES);
        s30.intoArray(lanes, 12 * LANES);
        s31.intoArray(lanes, 13 * LANES);
        s32.intoArray(lanes, 14 * LANES);
        s33.intoArray(lanes, 15 * LANES);
        store(lanes, out, o, width, negate ? 2 : 3, a, a0, b, b0, d, t, true);
    }
}
