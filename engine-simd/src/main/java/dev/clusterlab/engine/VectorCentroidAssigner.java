package dev.clusterlab.engine;

import dev.clusterlab.api.kernel.CentroidAssigner;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-tiled nearest-centroid assignment with the norms trick (PERFORMANCE.md). Hand-unrolled
 * kernel: the 4 x 4 tile is written out because C2 keeps only named locals in registers.
 *
 * <p><b>What is compared.</b> {@code |x - c|² = |x|² + 2 (|c|²/2 - x·c)}: {@code |x|²} is the same for
 * every centroid, so the tile computes {@code v = |c|²/2 - x·c} only and adds {@code |x|²} once per point.
 *
 * <p><b>Packing.</b> Centroids are packed once, in the constructor, into panels of {@code W = 4 x lanes}
 * centroids (64 with AVX-512, 32 with AVX2: derived from the species). Panel {@code p} stores, for each
 * dimension {@code j}, the W values {@code -c[p W + t][j]} contiguously, so one dimension step of the tile
 * is four aligned vector loads. Negated so that the accumulator can start at {@code |c|²/2} and each step
 * is a single FMA {@code acc = x_j * (-c_j) + acc}. The last panel is padded with zero centroids whose
 * half-norm is {@code +inf}: they can never win, and the main loop has no mask at all.
 *
 * <p><b>Tile.</b> Four points x four vectors of centroids = 16 accumulators (of AVX-512's 32 registers;
 * four centroid vectors and one broadcast make 21): per dimension, 4 loads + 4 broadcasts feed 16
 * independent FMAs, enough to cover the FMA latency and to keep loads off the critical path.
 *
 * <p><b>Fused argmin.</b> After a panel, each accumulator is compared (strict {@code <}) with the point's
 * running best vector and the best value and the centroid index (kept as a float, exact below 2^24) are
 * blended in: lane {@code l} tracks centroids {@code l, l + lanes, l + 2 lanes, ...} in increasing order,
 * so a strict comparison keeps the smallest index on ties. Once per point the lanes are reduced: minimum
 * value, then the smallest index among lanes holding it. Every operation is in a fixed order (one FMA chain
 * per (point, centroid) over {@code j}), so the result does not depend on the row range, the thread count
 * or the JIT.
 *
 * <p><b>Large k, large d.</b> Panels are looped over for large k. A panel is {@code 256 d} bytes; at
 * {@code d <= 128} it fits in a 32 KB L1 and beyond it streams from L2 at 4 loads per 16 FMAs. The
 * dimension is not blocked: at d = 128 the kernel measured about 65% of the FMA probe (BENCHMARKS.md);
 * blocking d (partial accumulators stored per panel and block of points) is the next step for d >> 128.
 *
 * <p><b>Small d.</b> For {@code d <= 16}, whole blocks of {@code lanes} rows go through
 * {@link TransposedAssign} (vectorised across points, no padding of k, no lane reductions), the rest through
 * the panel kernel; both compute the same FMA chain per (point, centroid), so the bits do not depend on
 * which one a row went through.
 *
 * <p>Per-lane results are used, never {@code FloatVector.min}: a compare and two blends are cheaper and
 * keep the index. No method here takes or returns a vector (they would not inline and would box).
 */
final class VectorCentroidAssigner implements CentroidAssigner {
    private static final VectorSpecies<Float> SPECIES = VectorKernels.SPECIES;
    private static final int LANES = VectorKernels.LANES;
    /** Centroids per panel: four vectors. */
    static final int W = 4 * LANES;
    /** Largest k whose indices are exact as floats. */
    static final int MAX_K = 1 << 24;

    /** Per thread: the four index vectors of {@link #assignFour}'s tile, read back lane by lane. */
    private static final ThreadLocal<float[]> LANE_SCRATCH = ThreadLocal.withInitial(() -> new float[4 * LANES]);

    private final float[] panels;
    /** Row-major {@code -c} for the small-d kernel ({@link TransposedAssign}); empty above its limit. */
    private final float[] negRows;
    private final float[] halfNorms;
    private final float[] indices;
    private final int panelCount;
    private final int panelSize;
    private final int k;
    private final int d;

    VectorCentroidAssigner(float[] centroids, int k, int d) {
        if (k < 1 || k >= MAX_K) {
            throw new IllegalArgumentException("k must be in [1, 2^24); got " + k);
        }
        this.k = k;
        this.d = d;
        this.panelCount = (k + W - 1) / W;
        this.panelSize = d * W;
        this.panels = new float[panelCount * panelSize];
        this.halfNorms = new float[panelCount * W];
        this.indices = new float[panelCount * W];
        this.negRows = new float[d <= TransposedAssign.MAX_D ? k * d : 0];
        for (int c = 0; c < panelCount * W; c++) {
            int p = c / W;
            int t = c % W;
            indices[c] = c;
            if (c >= k) {
                halfNorms[c] = Float.POSITIVE_INFINITY;
                continue;
            }
            double norm = 0;
            for (int j = 0; j < d; j++) {
                float v = centroids[c * d + j];
                norm += (double) v * v;
                panels[p * panelSize + j * W + t] = -v;
                if (negRows.length > 0) {
                    negRows[c * d + j] = -v;
                }
            }
            halfNorms[c] = (float) (0.5 * norm);
        }
    }

    @Override
    public int k() {
        return k;
    }

    @Override
    public int d() {
        return d;
    }

    @Override
    public void assign(float[] points, int fromRow, int toRow, int[] labels, float[] squaredDistances) {
        float[] lanes = LANE_SCRATCH.get();
        int i = fromRow;
        if (d <= TransposedAssign.MAX_D) {
            i = assignTransposed(d == 2 ? null : TransposedAssign.scratch(), points, fromRow, toRow, labels, squaredDistances);
        }
        for (; i + 4 <= toRow; i += 4) {
            assignFour(points, i, labels, squaredDistances, lanes);
        }
        for (; i < toRow; i++) {
            assignOne(points, i, labels, squaredDistances);
        }
    }

    @Override
    public void assignAndAccumulate(float[] points, float[] weights, int fromRow, int toRow, int[] labels,
                                    float[] squaredDistances, double[] sums, double[] totalWeights) {
        // Fused: each group of four rows is added to its centroids' sums right after it is labelled,
        // while the rows are still in L1. Rows are added in ascending order, as in the api's reference
        // (assign, then add), so the double sums are bit-identical to it for the same labels.
        float[] lanes = LANE_SCRATCH.get();
        int i = fromRow;
        if (d <= TransposedAssign.MAX_D) {
            // small d: whole blocks of lanes rows at a time, each block added right after it is labelled
            int end = fromRow + TransposedAssign.blocked(fromRow, toRow);
            float[] xt = d == 2 ? null : TransposedAssign.scratch();
            for (; i < end; i += LANES) {
                assignTransposed(xt, points, i, i + LANES, labels, squaredDistances);
                if (d == 2 && weights == null) {
                    accumulateTwoDims(points, i, i + LANES, labels, sums, totalWeights);
                } else {
                    for (int r = i; r < i + LANES; r++) {
                        accumulate(points, weights, r, labels[r], sums, totalWeights);
                    }
                }
            }
        }
        for (; i + 4 <= toRow; i += 4) {
            assignFour(points, i, labels, squaredDistances, lanes);
            for (int r = i; r < i + 4; r++) {
                accumulate(points, weights, r, labels[r], sums, totalWeights);
            }
        }
        for (; i < toRow; i++) {
            assignOne(points, i, labels, squaredDistances);
            accumulate(points, weights, i, labels[i], sums, totalWeights);
        }
    }

    /**
     * Small d ({@link TransposedAssign}): whole blocks of lanes rows; same bits as {@link #assignFour}.
     *
     * @param xt the thread's transposition buffer ({@link TransposedAssign#scratch()}); null for d = 2
     *
     * @return the first row not done (the rest go through the panel kernel)
     */
    private int assignTransposed(float[] xt, float[] points, int fromRow, int toRow, int[] labels, float[] squaredDistances) {
        int end = fromRow + TransposedAssign.blocked(fromRow, toRow);
        if (d == 2) {
            for (int i = fromRow; i < end; i += LANES) {
                TransposedAssign.blockOfTwoDims(points, i, negRows, halfNorms, k, labels, squaredDistances);
            }
            return end;
        }
        for (int i = fromRow; i < end; i += LANES) {
            TransposedAssign.block(xt, points, i, d, negRows, halfNorms, k, labels, squaredDistances);
        }
        if (squaredDistances != null) {
            for (int i = fromRow; i < end; i++) {
                squaredDistances[i] = Math.max(0f, sumOfSquares(points, i * d, d) + squaredDistances[i]);
            }
        }
        return end;
    }

    /**
     * {@link #accumulate} for unweighted rows of two dimensions, unrolled: the same additions in the same
     * order ({@code 1.0 * x} is {@code x}), so the same bits. Half of the small-d pass was the generic
     * version's loop over {@code d} and its multiplications (JFR, 1,000,000 x 2, k = 16).
     */
    private static void accumulateTwoDims(float[] points, int fromRow, int toRow, int[] labels, double[] sums,
                                          double[] totalWeights) {
        for (int r = fromRow; r < toRow; r++) {
            int c = labels[r];
            totalWeights[c] += 1.0;
            sums[2 * c] += points[2 * r];
            sums[2 * c + 1] += points[2 * r + 1];
        }
    }

    /**
     * {@code sums[c] += w x} in double, multiply then add (no FMA: the same bits as the api's reference).
     * A plain loop on purpose: a widening {@code FloatVector.convertShape(F2D)} version was faster when
     * compiled well, but in one of several JMH forks C2 left it boxed (65 MB per pass of 100,000 rows,
     * found by benchmarks/check-jit.sh); C2 may still vectorise this loop itself.
     */
    private void accumulate(float[] points, float[] weights, int row, int c, double[] sums, double[] totalWeights) {
        double w = weights == null ? 1.0 : weights[row];
        totalWeights[c] += w;
        int o = row * d;
        int so = c * d;
        for (int j = 0; j < d; j++) {
            sums[so + j] += w * points[o + j];
        }
    }

    /**
     * Tracks the best and the second-best value per lane: a value below the best pushes the best to
     * second; a value between them replaces the second. The second overall is then the smaller of the
     * lanes' seconds and the best of every lane other than the winner's.
     */
    @Override
    public void assignWithSecond(float[] points, int fromRow, int toRow, int[] labels, float[] squaredDistances,
                                 float[] secondSquaredDistances) {
        int i = fromRow;
        for (; i + 2 <= toRow; i += 2) {
            secondTwo(points, i, labels, squaredDistances, secondSquaredDistances);
        }
        for (; i < toRow; i++) {
            secondOne(points, i, labels, squaredDistances, secondSquaredDistances);
        }
    }

    private void assignFour(float[] points, int row, int[] labels, float[] squaredDistances, float[] lanes) {
        final float[] pn = panels;
        final int dd = d;
        int o0 = row * dd;
        int o1 = o0 + dd;
        int o2 = o1 + dd;
        int o3 = o2 + dd;
        FloatVector inf = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY);
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector b0 = inf;
        FloatVector b1 = inf;
        FloatVector b2 = inf;
        FloatVector b3 = inf;
        FloatVector i0 = zero;
        FloatVector i1 = zero;
        FloatVector i2 = zero;
        FloatVector i3 = zero;
        for (int p = 0; p < panelCount; p++) {
            int ho = p * W;
            FloatVector h0 = FloatVector.fromArray(SPECIES, halfNorms, ho);
            FloatVector h1 = FloatVector.fromArray(SPECIES, halfNorms, ho + LANES);
            FloatVector h2 = FloatVector.fromArray(SPECIES, halfNorms, ho + 2 * LANES);
            FloatVector h3 = FloatVector.fromArray(SPECIES, halfNorms, ho + 3 * LANES);
            FloatVector a00 = h0, a01 = h1, a02 = h2, a03 = h3;
            FloatVector a10 = h0, a11 = h1, a12 = h2, a13 = h3;
            FloatVector a20 = h0, a21 = h1, a22 = h2, a23 = h3;
            FloatVector a30 = h0, a31 = h1, a32 = h2, a33 = h3;
            int po = p * panelSize;
            for (int j = 0; j < dd; j++) {
                int cj = po + j * W;
                FloatVector c0 = FloatVector.fromArray(SPECIES, pn, cj);
                FloatVector c1 = FloatVector.fromArray(SPECIES, pn, cj + LANES);
                FloatVector c2 = FloatVector.fromArray(SPECIES, pn, cj + 2 * LANES);
                FloatVector c3 = FloatVector.fromArray(SPECIES, pn, cj + 3 * LANES);
                FloatVector x = FloatVector.broadcast(SPECIES, points[o0 + j]);
                a00 = x.fma(c0, a00);
                a01 = x.fma(c1, a01);
                a02 = x.fma(c2, a02);
                a03 = x.fma(c3, a03);
                x = FloatVector.broadcast(SPECIES, points[o1 + j]);
                a10 = x.fma(c0, a10);
                a11 = x.fma(c1, a11);
                a12 = x.fma(c2, a12);
                a13 = x.fma(c3, a13);
                x = FloatVector.broadcast(SPECIES, points[o2 + j]);
                a20 = x.fma(c0, a20);
                a21 = x.fma(c1, a21);
                a22 = x.fma(c2, a22);
                a23 = x.fma(c3, a23);
                x = FloatVector.broadcast(SPECIES, points[o3 + j]);
                a30 = x.fma(c0, a30);
                a31 = x.fma(c1, a31);
                a32 = x.fma(c2, a32);
                a33 = x.fma(c3, a33);
            }
            FloatVector x0 = FloatVector.fromArray(SPECIES, indices, ho);
            FloatVector x1 = FloatVector.fromArray(SPECIES, indices, ho + LANES);
            FloatVector x2 = FloatVector.fromArray(SPECIES, indices, ho + 2 * LANES);
            FloatVector x3 = FloatVector.fromArray(SPECIES, indices, ho + 3 * LANES);
            VectorMask<Float> m;
            m = a00.lt(b0); b0 = b0.blend(a00, m); i0 = i0.blend(x0, m);
            m = a01.lt(b0); b0 = b0.blend(a01, m); i0 = i0.blend(x1, m);
            m = a02.lt(b0); b0 = b0.blend(a02, m); i0 = i0.blend(x2, m);
            m = a03.lt(b0); b0 = b0.blend(a03, m); i0 = i0.blend(x3, m);
            m = a10.lt(b1); b1 = b1.blend(a10, m); i1 = i1.blend(x0, m);
            m = a11.lt(b1); b1 = b1.blend(a11, m); i1 = i1.blend(x1, m);
            m = a12.lt(b1); b1 = b1.blend(a12, m); i1 = i1.blend(x2, m);
            m = a13.lt(b1); b1 = b1.blend(a13, m); i1 = i1.blend(x3, m);
            m = a20.lt(b2); b2 = b2.blend(a20, m); i2 = i2.blend(x0, m);
            m = a21.lt(b2); b2 = b2.blend(a21, m); i2 = i2.blend(x1, m);
            m = a22.lt(b2); b2 = b2.blend(a22, m); i2 = i2.blend(x2, m);
            m = a23.lt(b2); b2 = b2.blend(a23, m); i2 = i2.blend(x3, m);
            m = a30.lt(b3); b3 = b3.blend(a30, m); i3 = i3.blend(x0, m);
            m = a31.lt(b3); b3 = b3.blend(a31, m); i3 = i3.blend(x1, m);
            m = a32.lt(b3); b3 = b3.blend(a32, m); i3 = i3.blend(x2, m);
            m = a33.lt(b3); b3 = b3.blend(a33, m); i3 = i3.blend(x3, m);
        }
        // Every lane reduction before any call: store is not inlined (C2's node-count cutoff), and a call
        // between them makes C2 spill the live best and index vectors around it.
        float v0 = b0.reduceLanes(VectorOperators.MIN);
        float v1 = b1.reduceLanes(VectorOperators.MIN);
        float v2 = b2.reduceLanes(VectorOperators.MIN);
        float v3 = b3.reduceLanes(VectorOperators.MIN);
        // The label: when one lane alone holds the minimum (all but exact ties), that lane's index, read
        // back from memory; otherwise the smallest index among the lanes holding it (a second, masked,
        // lane reduction, which the common case now skips).
        i0.intoArray(lanes, 0);
        i1.intoArray(lanes, LANES);
        i2.intoArray(lanes, 2 * LANES);
        i3.intoArray(lanes, 3 * LANES);
        VectorMask<Float> e0 = b0.eq(v0);
        VectorMask<Float> e1 = b1.eq(v1);
        VectorMask<Float> e2 = b2.eq(v2);
        VectorMask<Float> e3 = b3.eq(v3);
        int l0 = e0.trueCount() == 1 ? (int) lanes[e0.firstTrue()] : (int) i0.reduceLanes(VectorOperators.MIN, e0);
        int l1 = e1.trueCount() == 1 ? (int) lanes[LANES + e1.firstTrue()] : (int) i1.reduceLanes(VectorOperators.MIN, e1);
        int l2 = e2.trueCount() == 1 ? (int) lanes[2 * LANES + e2.firstTrue()] : (int) i2.reduceLanes(VectorOperators.MIN, e2);
        int l3 = e3.trueCount() == 1 ? (int) lanes[3 * LANES + e3.firstTrue()] : (int) i3.reduceLanes(VectorOperators.MIN, e3);
        store(points, row, l0, v0, labels, squaredDistances);
        store(points, row + 1, l1, v1, labels, squaredDistances);
        store(points, row + 2, l2, v2, labels, squaredDistances);
        store(points, row + 3, l3, v3, labels, squaredDistances);
    }

    /** One point against every panel: the same FMA chain per (point, centroid) as {@link #assignFour}, so the same bits. */
    private void assignOne(float[] points, int row, int[] labels, float[] squaredDistances) {
        final float[] pn = panels;
        final int dd = d;
        int o0 = row * dd;
        FloatVector b0 = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY);
        FloatVector i0 = FloatVector.zero(SPECIES);
        for (int p = 0; p < panelCount; p++) {
            int ho = p * W;
            FloatVector a00 = FloatVector.fromArray(SPECIES, halfNorms, ho);
            FloatVector a01 = FloatVector.fromArray(SPECIES, halfNorms, ho + LANES);
            FloatVector a02 = FloatVector.fromArray(SPECIES, halfNorms, ho + 2 * LANES);
            FloatVector a03 = FloatVector.fromArray(SPECIES, halfNorms, ho + 3 * LANES);
            int po = p * panelSize;
            for (int j = 0; j < dd; j++) {
                int cj = po + j * W;
                FloatVector x = FloatVector.broadcast(SPECIES, points[o0 + j]);
                a00 = x.fma(FloatVector.fromArray(SPECIES, pn, cj), a00);
                a01 = x.fma(FloatVector.fromArray(SPECIES, pn, cj + LANES), a01);
                a02 = x.fma(FloatVector.fromArray(SPECIES, pn, cj + 2 * LANES), a02);
                a03 = x.fma(FloatVector.fromArray(SPECIES, pn, cj + 3 * LANES), a03);
            }
            VectorMask<Float> m;
            m = a00.lt(b0); b0 = b0.blend(a00, m); i0 = i0.blend(FloatVector.fromArray(SPECIES, indices, ho), m);
            m = a01.lt(b0); b0 = b0.blend(a01, m); i0 = i0.blend(FloatVector.fromArray(SPECIES, indices, ho + LANES), m);
            m = a02.lt(b0); b0 = b0.blend(a02, m); i0 = i0.blend(FloatVector.fromArray(SPECIES, indices, ho + 2 * LANES), m);
            m = a03.lt(b0); b0 = b0.blend(a03, m); i0 = i0.blend(FloatVector.fromArray(SPECIES, indices, ho + 3 * LANES), m);
        }
        float v = b0.reduceLanes(VectorOperators.MIN);
        store(points, row, (int) i0.reduceLanes(VectorOperators.MIN, b0.eq(v)), v, labels, squaredDistances);
    }

    /** Writes the label and {@code max(0, |x|² + 2 v)}; cancellation can make it slightly negative. */
    private void store(float[] points, int row, int label, float v, int[] labels, float[] squaredDistances) {
        labels[row] = label;
        if (squaredDistances != null) {
            squaredDistances[row] = Math.max(0f, sumOfSquares(points, row * d, d) + 2f * v);
        }
    }

    private void storeSecond(float[] points, int row, int label, float v, float second, int[] labels,
                             float[] squaredDistances, float[] secondSquaredDistances) {
        labels[row] = label;
        float xx = sumOfSquares(points, row * d, d);
        squaredDistances[row] = Math.max(0f, xx + 2f * v);
        secondSquaredDistances[row] = second == Float.POSITIVE_INFINITY ? second : Math.max(0f, xx + 2f * second);
    }

    /** Two points x four centroid vectors: 8 accumulators plus 6 best/second/index vectors stay in registers. */
    private void secondTwo(float[] points, int row, int[] labels, float[] squaredDistances, float[] secondDistances) {
        final float[] pn = panels;
        final int dd = d;
        int o0 = row * dd;
        int o1 = o0 + dd;
        FloatVector inf = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY);
        FloatVector b0 = inf;
        FloatVector b1 = inf;
        FloatVector s0 = inf;
        FloatVector s1 = inf;
        FloatVector i0 = FloatVector.zero(SPECIES);
        FloatVector i1 = i0;
        for (int p = 0; p < panelCount; p++) {
            int ho = p * W;
            FloatVector h0 = FloatVector.fromArray(SPECIES, halfNorms, ho);
            FloatVector h1 = FloatVector.fromArray(SPECIES, halfNorms, ho + LANES);
            FloatVector h2 = FloatVector.fromArray(SPECIES, halfNorms, ho + 2 * LANES);
            FloatVector h3 = FloatVector.fromArray(SPECIES, halfNorms, ho + 3 * LANES);
            FloatVector a00 = h0, a01 = h1, a02 = h2, a03 = h3;
            FloatVector a10 = h0, a11 = h1, a12 = h2, a13 = h3;
            int po = p * panelSize;
            for (int j = 0; j < dd; j++) {
                int cj = po + j * W;
                FloatVector c0 = FloatVector.fromArray(SPECIES, pn, cj);
                FloatVector c1 = FloatVector.fromArray(SPECIES, pn, cj + LANES);
                FloatVector c2 = FloatVector.fromArray(SPECIES, pn, cj + 2 * LANES);
                FloatVector c3 = FloatVector.fromArray(SPECIES, pn, cj + 3 * LANES);
                FloatVector x = FloatVector.broadcast(SPECIES, points[o0 + j]);
                a00 = x.fma(c0, a00);
                a01 = x.fma(c1, a01);
                a02 = x.fma(c2, a02);
                a03 = x.fma(c3, a03);
                x = FloatVector.broadcast(SPECIES, points[o1 + j]);
                a10 = x.fma(c0, a10);
                a11 = x.fma(c1, a11);
                a12 = x.fma(c2, a12);
                a13 = x.fma(c3, a13);
            }
            FloatVector x0 = FloatVector.fromArray(SPECIES, indices, ho);
            FloatVector x1 = FloatVector.fromArray(SPECIES, indices, ho + LANES);
            FloatVector x2 = FloatVector.fromArray(SPECIES, indices, ho + 2 * LANES);
            FloatVector x3 = FloatVector.fromArray(SPECIES, indices, ho + 3 * LANES);
            VectorMask<Float> m;
            VectorMask<Float> n;
            // Second first (it reads the old best), then best.
            m = a00.lt(b0); n = a00.lt(s0); s0 = s0.blend(a00, n).blend(b0, m); b0 = b0.blend(a00, m); i0 = i0.blend(x0, m);
            m = a01.lt(b0); n = a01.lt(s0); s0 = s0.blend(a01, n).blend(b0, m); b0 = b0.blend(a01, m); i0 = i0.blend(x1, m);
            m = a02.lt(b0); n = a02.lt(s0); s0 = s0.blend(a02, n).blend(b0, m); b0 = b0.blend(a02, m); i0 = i0.blend(x2, m);
            m = a03.lt(b0); n = a03.lt(s0); s0 = s0.blend(a03, n).blend(b0, m); b0 = b0.blend(a03, m); i0 = i0.blend(x3, m);
            m = a10.lt(b1); n = a10.lt(s1); s1 = s1.blend(a10, n).blend(b1, m); b1 = b1.blend(a10, m); i1 = i1.blend(x0, m);
            m = a11.lt(b1); n = a11.lt(s1); s1 = s1.blend(a11, n).blend(b1, m); b1 = b1.blend(a11, m); i1 = i1.blend(x1, m);
            m = a12.lt(b1); n = a12.lt(s1); s1 = s1.blend(a12, n).blend(b1, m); b1 = b1.blend(a12, m); i1 = i1.blend(x2, m);
            m = a13.lt(b1); n = a13.lt(s1); s1 = s1.blend(a13, n).blend(b1, m); b1 = b1.blend(a13, m); i1 = i1.blend(x3, m);
        }
        {
            float v = b0.reduceLanes(VectorOperators.MIN);
            float label = i0.reduceLanes(VectorOperators.MIN, b0.eq(v));
            // The runner-up is the smaller of every lane's second and every other lane's best.
            float second = Math.min(s0.reduceLanes(VectorOperators.MIN),
                    b0.blend(inf, i0.eq(label)).reduceLanes(VectorOperators.MIN));
            storeSecond(points, row, (int) label, v, second, labels, squaredDistances, secondDistances);
        }
        {
            float v = b1.reduceLanes(VectorOperators.MIN);
            float label = i1.reduceLanes(VectorOperators.MIN, b1.eq(v));
            // The runner-up is the smaller of every lane's second and every other lane's best.
            float second = Math.min(s1.reduceLanes(VectorOperators.MIN),
                    b1.blend(inf, i1.eq(label)).reduceLanes(VectorOperators.MIN));
            storeSecond(points, row + 1, (int) label, v, second, labels, squaredDistances, secondDistances);
        }
    }

    private void secondOne(float[] points, int row, int[] labels, float[] squaredDistances, float[] secondDistances) {
        final float[] pn = panels;
        final int dd = d;
        int o0 = row * dd;
        FloatVector inf = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY);
        FloatVector b0 = inf;
        FloatVector s0 = inf;
        FloatVector i0 = FloatVector.zero(SPECIES);
        for (int p = 0; p < panelCount; p++) {
            int ho = p * W;
            FloatVector a00 = FloatVector.fromArray(SPECIES, halfNorms, ho);
            FloatVector a01 = FloatVector.fromArray(SPECIES, halfNorms, ho + LANES);
            FloatVector a02 = FloatVector.fromArray(SPECIES, halfNorms, ho + 2 * LANES);
            FloatVector a03 = FloatVector.fromArray(SPECIES, halfNorms, ho + 3 * LANES);
            int po = p * panelSize;
            for (int j = 0; j < dd; j++) {
                int cj = po + j * W;
                FloatVector x = FloatVector.broadcast(SPECIES, points[o0 + j]);
                a00 = x.fma(FloatVector.fromArray(SPECIES, pn, cj), a00);
                a01 = x.fma(FloatVector.fromArray(SPECIES, pn, cj + LANES), a01);
                a02 = x.fma(FloatVector.fromArray(SPECIES, pn, cj + 2 * LANES), a02);
                a03 = x.fma(FloatVector.fromArray(SPECIES, pn, cj + 3 * LANES), a03);
            }
            FloatVector x0 = FloatVector.fromArray(SPECIES, indices, ho);
            FloatVector x1 = FloatVector.fromArray(SPECIES, indices, ho + LANES);
            FloatVector x2 = FloatVector.fromArray(SPECIES, indices, ho + 2 * LANES);
            FloatVector x3 = FloatVector.fromArray(SPECIES, indices, ho + 3 * LANES);
            VectorMask<Float> m;
            VectorMask<Float> n;
            m = a00.lt(b0); n = a00.lt(s0); s0 = s0.blend(a00, n).blend(b0, m); b0 = b0.blend(a00, m); i0 = i0.blend(x0, m);
            m = a01.lt(b0); n = a01.lt(s0); s0 = s0.blend(a01, n).blend(b0, m); b0 = b0.blend(a01, m); i0 = i0.blend(x1, m);
            m = a02.lt(b0); n = a02.lt(s0); s0 = s0.blend(a02, n).blend(b0, m); b0 = b0.blend(a02, m); i0 = i0.blend(x2, m);
            m = a03.lt(b0); n = a03.lt(s0); s0 = s0.blend(a03, n).blend(b0, m); b0 = b0.blend(a03, m); i0 = i0.blend(x3, m);
        }
        {
            float v = b0.reduceLanes(VectorOperators.MIN);
            float label = i0.reduceLanes(VectorOperators.MIN, b0.eq(v));
            // The runner-up is the smaller of every lane's second and every other lane's best.
            float second = Math.min(s0.reduceLanes(VectorOperators.MIN),
                    b0.blend(inf, i0.eq(label)).reduceLanes(VectorOperators.MIN));
            storeSecond(points, row, (int) label, v, second, labels, squaredDistances, secondDistances);
        }
    }

    private static float sumOfSquares(float[] a, int ao, int len) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int j = 0;
        for (; j <= len - LANES; j += LANES) {
            FloatVector x = FloatVector.fromArray(SPECIES, a, ao + j);
            acc = x.fma(x, acc);
        }
        float s = VectorKernels.sum(acc);
        for (; j < len; j++) {
            s += a[ao + j] * a[ao + j];
        }
        return s;
    }
}
