package dev.clusterlab.engine;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.kernel.CentroidAssigner;
import dev.clusterlab.api.kernel.CompactBlocks;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.NeighborIndex;
import dev.clusterlab.api.kernel.SpanningTree;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels. The species is a {@code static final} constant: passed as a parameter, C2 can
 * no longer prove its shape and allocates real vector objects (a 10-100x loss measured here).
 * Each distance picks one of three forms by length alone: a plain loop below {@link #MIN_VECTOR_LENGTH},
 * straight-line steps up to four vectors ({@link ShortRows}), and a loop from there on.
 * Loops use two accumulators so that consecutive FMAs do not wait on each other's latency, and one
 * full-width step for the last {@code length % lanes} elements (see {@link #MIN_VECTOR_LENGTH}; a scalar tail of
 * up to 15 dependent adds costs as much as the whole vector loop at 31 dimensions); lanes outside the tail
 * are zero and add nothing. Horizontal sums go through {@link #sum}, whose fixed order makes every result reproducible
 * bit for bit.
 */
public final class VectorKernels implements Kernels {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Integers of the same shape, for {@link #chebyshev}'s maximum on the bits. */
    static final VectorSpecies<Integer> INT_SPECIES = IntVector.SPECIES_PREFERRED;
    /**
     * Below this length the kernels run a plain loop: a full vector ({@code lanes} elements) is needed for the
     * tail load below, which must give the same bits wherever the vector lies in its array (kd-trees and
     * blocks compute on reordered copies of the data). So 6 to 15 elements now take the loop too, where one
     * masked step had been measured ahead of it from 7 elements on: the price of bits that do not depend on
     * where the vectors lie.
     *
     * <p><b>Tails.</b> The last {@code length % lanes} elements are the full-width vector that ends where the
     * vector ends, with the lanes before the tail zeroed ({@code fromArray(a, offset + length - lanes)
     * .blend(0, indexInRange(length - i, lanes))}, the mask set on the lanes before the last
     * {@code length - i}); both operands use the same lanes, so zero lanes add nothing to the sums and maxima.
     * Not a masked load at the tail's start: one whose full width runs past the end of the array leaves the
     * intrinsic on JDK 25, and a query held in its own {@code d}-float array took that path on every call
     * (one-to-one squared Euclidean at d = 33 fell to 0.35-0.6x the scalar loop after a C2 recompilation).
     * Each kernel writes the tail out itself: a helper returning the vector was left out of line in one JMH
     * fork and boxed it, 96 B per row ({@code benchmarks/check-jit.sh}).
     */
    static final int MIN_VECTOR_LENGTH = Math.max(6, LANES);

    // Butterfly shuffles for sum(): lane i swaps with lane i ^ h. Each is a static final constant (C2 sees
    // its shape); the ones wider than the species are never used and stay null.
    private static final VectorShuffle<Float> SWAP_1 = LANES >= 2 ? xorShuffle(1) : null;
    private static final VectorShuffle<Float> SWAP_2 = LANES >= 4 ? xorShuffle(2) : null;
    private static final VectorShuffle<Float> SWAP_4 = LANES >= 8 ? xorShuffle(4) : null;
    private static final VectorShuffle<Float> SWAP_8 = LANES >= 16 ? xorShuffle(8) : null;

    private static VectorShuffle<Float> xorShuffle(int h) {
        return VectorShuffle.fromOp(SPECIES, i -> i ^ h);
    }

    /**
     * Sum of the lanes in a fixed order, a butterfly tree of lane-wise adds: the same bits interpreted and
     * compiled. {@code reduceLanes(ADD)} leaves the order unspecified, and on JDK 25 the interpreter sums
     * the lanes in sequence while C2 uses a tree, so the same call gave different bits before and after
     * warm-up (for about two thirds of random inputs): k-means results then depended on JIT timing. The
     * butterfly costs what the intrinsic does, log2(lanes) shuffles and adds.
     *
     * @param v the vector
     * @return the sum of its lanes
     */
    static float sum(FloatVector v) {
        if (LANES > 16) {
            return sumSequential(v);
        }
        if (LANES >= 16) {
            v = v.add(v.rearrange(SWAP_8));
        }
        if (LANES >= 8) {
            v = v.add(v.rearrange(SWAP_4));
        }
        if (LANES >= 4) {
            v = v.add(v.rearrange(SWAP_2));
        }
        if (LANES >= 2) {
            v = v.add(v.rearrange(SWAP_1));
        }
        return v.lane(0);
    }

    // For cosineOfSums: the upper 8 lanes, and the upper 4 of each 8.
    private static final VectorMask<Float> UPPER_8 = LANES == 16 ? VectorMask.fromLong(SPECIES, 0xFF00L) : null;
    private static final VectorMask<Float> UPPER_4_OF_8 = LANES == 16 ? VectorMask.fromLong(SPECIES, 0xF0F0L) : null;

    /**
     * The cosine distance from the accumulators of a dot product and two squared norms: the three
     * {@link #sum}s in one butterfly. The first two levels interleave the vectors (lanes 0-7 carry
     * {@code ab}'s pairs and 8-15 {@code aa}'s, then {@code bb} takes lanes 4-7 of each half), so that
     * 5 shuffles and adds do the work of 12. Every lane adds the same two numbers as in {@code sum}, and
     * a float add gives the same bits either way round: the result is bit for bit that of three sums.
     * Like {@link #sum} it takes vectors, so it must be inlined wherever it is called, which
     * {@code benchmarks/check-jit.sh} checks: a one-to-many loop written another way left it out of line
     * and boxed its vectors (BENCHMARKS.md, "Short rows").
     *
     * @param ab lanes of the dot product
     * @param aa lanes of the first squared norm
     * @param bb lanes of the second squared norm
     * @return {@link Cosine#distance} of the three sums
     */
    static float cosineOfSums(FloatVector ab, FloatVector aa, FloatVector bb) {
        if (LANES != 16) {
            return Cosine.distance(sum(ab), sum(aa), sum(bb));
        }
        FloatVector p = ab.blend(aa, UPPER_8).add(aa.blend(ab, UPPER_8).rearrange(SWAP_8));
        FloatVector q = bb.add(bb.rearrange(SWAP_8));
        FloatVector r = p.blend(q, UPPER_4_OF_8).add(q.blend(p, UPPER_4_OF_8).rearrange(SWAP_4));
        r = r.add(r.rearrange(SWAP_2));
        r = r.add(r.rearrange(SWAP_1));
        return Cosine.distance(r.lane(0), r.lane(8), r.lane(4));
    }

    /** Wider than 512 bits (ARM SVE): lanes in order, slow but deterministic. */
    private static float sumSequential(FloatVector v) {
        float s = 0f;
        for (int i = 0; i < LANES; i++) {
            s += v.lane(i);
        }
        return s;
    }

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
        if (length < ShortRows.LIMIT) {
            return length < MIN_VECTOR_LENGTH ? ScalarDistances.squaredEuclidean(a, aOffset, b, bOffset, length)
                    : ShortRows.squaredEuclidean(a, aOffset, b, bOffset, length);
        }
        return squaredEuclideanLoop(a, aOffset, b, bOffset, length);
    }

    /** {@link #squaredEuclidean} from {@link ShortRows#LIMIT} on. */
    private static float squaredEuclideanLoop(float[] a, int aOffset, float[] b, int bOffset, int length) {
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
        if (i < length) {
            VectorMask<Float> head = SPECIES.indexInRange(length - i, LANES); // the lanes before the tail (see MIN_VECTOR_LENGTH)
            FloatVector d0 = FloatVector.fromArray(SPECIES, a, aOffset + length - LANES).blend(0L, head)
                    .sub(FloatVector.fromArray(SPECIES, b, bOffset + length - LANES).blend(0L, head));
            acc1 = d0.fma(d0, acc1);
        }
        return sum(acc0.add(acc1));
    }

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        if (length < ShortRows.LIMIT) {
            return length < MIN_VECTOR_LENGTH ? ScalarDistances.dot(a, aOffset, b, bOffset, length)
                    : ShortRows.dot(a, aOffset, b, bOffset, length);
        }
        return dotLoop(a, aOffset, b, bOffset, length);
    }

    /** {@link #dot} from {@link ShortRows#LIMIT} on. */
    private static float dotLoop(float[] a, int aOffset, float[] b, int bOffset, int length) {
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
        if (i < length) {
            VectorMask<Float> head = SPECIES.indexInRange(length - i, LANES); // the lanes before the tail (see MIN_VECTOR_LENGTH)
            acc1 = FloatVector.fromArray(SPECIES, a, aOffset + length - LANES).blend(0L, head)
                    .fma(FloatVector.fromArray(SPECIES, b, bOffset + length - LANES).blend(0L, head), acc1);
        }
        return sum(acc0.add(acc1));
    }

    @Override
    public float cosineDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        if (length < ShortRows.LIMIT) {
            return length < MIN_VECTOR_LENGTH ? ScalarDistances.cosine(a, aOffset, b, bOffset, length)
                    : ShortRows.cosine(a, aOffset, b, bOffset, length);
        }
        return cosineLoop(a, aOffset, b, bOffset, length);
    }

    /** {@link #cosineDistance} from {@link ShortRows#LIMIT} on. */
    private static float cosineLoop(float[] a, int aOffset, float[] b, int bOffset, int length) {
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
        if (i < length) {
            VectorMask<Float> head = SPECIES.indexInRange(length - i, LANES); // the lanes before the tail (see MIN_VECTOR_LENGTH)
            FloatVector x = FloatVector.fromArray(SPECIES, a, aOffset + length - LANES).blend(0L, head);
            FloatVector y = FloatVector.fromArray(SPECIES, b, bOffset + length - LANES).blend(0L, head);
            ab = x.fma(y, ab);
            aa = x.fma(x, aa);
            bb = y.fma(y, bb);
        }
        return cosineOfSums(ab, aa, bb);
    }

    @Override
    public float distance(Distance distance, float[] a, int aOffset, float[] b, int bOffset, int length) {
        // A plain switch, not ScalarDistances.dispatch with this::manhattan: bound method references are two
        // objects per call wherever C2 does not inline the whole chain (32 B per distance at d = 961, found by
        // benchmarks/check-jit.sh).
        return switch (distance.kind()) {
            case SQUARED_EUCLIDEAN -> squaredEuclidean(a, aOffset, b, bOffset, length);
            case EUCLIDEAN -> (float) Math.sqrt(squaredEuclidean(a, aOffset, b, bOffset, length));
            case MANHATTAN -> manhattan(a, aOffset, b, bOffset, length);
            case CHEBYSHEV -> chebyshev(a, aOffset, b, bOffset, length);
            case MINKOWSKI -> VectorMinkowski.handles(distance.p())
                    ? VectorMinkowski.distance(a, aOffset, b, bOffset, length, (int) distance.p())
                    : ScalarDistances.minkowski(a, aOffset, b, bOffset, length, distance.p());
            case COSINE -> cosineDistance(a, aOffset, b, bOffset, length);
            case INNER_PRODUCT -> -dot(a, aOffset, b, bOffset, length);
        };
    }

    @Override
    public void distances(Distance distance, float[] query, int queryOffset, float[] rows, int fromRow, int toRow, int d,
                          float[] out, int outOffset) {
        switch (distance.kind()) {
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
            // Manhattan and Chebyshev called directly too: through distance()'s switch, one JMH fork compiled the
            // Manhattan rows with a vector left boxed (96 B per row, benchmarks/check-jit.sh).
            case MANHATTAN -> {
                for (int r = fromRow; r < toRow; r++) {
                    out[outOffset + r - fromRow] = manhattan(query, queryOffset, rows, r * d, d);
                }
            }
            case CHEBYSHEV -> {
                for (int r = fromRow; r < toRow; r++) {
                    out[outOffset + r - fromRow] = chebyshev(query, queryOffset, rows, r * d, d);
                }
            }
            default -> {
                for (int r = fromRow; r < toRow; r++) {
                    out[outOffset + r - fromRow] = distance(distance, query, queryOffset, rows, r * d, d);
                }
            }
        }
    }

    @Override
    public void pairwise(Distance distance, float[] a, int aFrom, int aTo, float[] b, int bFrom, int bTo, int d, float[] out) {
        if (d >= PairwiseTiles.MIN_DIM) {
            switch (distance.kind()) {
                case SQUARED_EUCLIDEAN -> {
                    PairwiseTiles.pairwise(false, false, false, a, aFrom, aTo, b, bFrom, bTo, d, out);
                    return;
                }
                case EUCLIDEAN -> {
                    PairwiseTiles.pairwise(false, false, true, a, aFrom, aTo, b, bFrom, bTo, d, out);
                    return;
                }
                case INNER_PRODUCT -> {
                    PairwiseTiles.pairwise(true, true, false, a, aFrom, aTo, b, bFrom, bTo, d, out);
                    return;
                }
                default -> {
                    // the other kinds: one-to-many rows below
                }
            }
        }
        ScalarDistances.pairwise(this, distance, a, aFrom, aTo, b, bFrom, bTo, d, out);
    }

    /**
     * Across rows: a vector holds one coordinate of {@code LANES} consecutive rows, so each lane computes
     * the scalar loop's sum for its row in the same order (subtract, square, add; no fused multiply-add),
     * bit for bit. Four vectors of rows at a time keep four independent sums in flight.
     */
    @Override
    public void squaredEuclideanToColumns(float[] query, int queryOffset, float[] columns, int stride, int fromRow, int toRow,
                                          int d, float[] out, int outOffset) {
        int r = fromRow;
        int step = 4 * LANES;
        for (; r + step <= toRow; r += step) {
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            for (int k = 0; k < d; k++) {
                float q = query[queryOffset + k];
                int c = k * stride + r;
                FloatVector t0 = FloatVector.broadcast(SPECIES, q).sub(FloatVector.fromArray(SPECIES, columns, c));
                FloatVector t1 = FloatVector.broadcast(SPECIES, q).sub(FloatVector.fromArray(SPECIES, columns, c + LANES));
                FloatVector t2 = FloatVector.broadcast(SPECIES, q).sub(FloatVector.fromArray(SPECIES, columns, c + 2 * LANES));
                FloatVector t3 = FloatVector.broadcast(SPECIES, q).sub(FloatVector.fromArray(SPECIES, columns, c + 3 * LANES));
                s0 = s0.add(t0.mul(t0));
                s1 = s1.add(t1.mul(t1));
                s2 = s2.add(t2.mul(t2));
                s3 = s3.add(t3.mul(t3));
            }
            int o = outOffset + r - fromRow;
            s0.intoArray(out, o);
            s1.intoArray(out, o + LANES);
            s2.intoArray(out, o + 2 * LANES);
            s3.intoArray(out, o + 3 * LANES);
        }
        for (; r + LANES <= toRow; r += LANES) {
            FloatVector s = FloatVector.zero(SPECIES);
            for (int k = 0; k < d; k++) {
                FloatVector t = FloatVector.broadcast(SPECIES, query[queryOffset + k]).sub(FloatVector.fromArray(SPECIES, columns, k * stride + r));
                s = s.add(t.mul(t));
            }
            s.intoArray(out, outOffset + r - fromRow);
        }
        for (; r < toRow; r++) {
            float sum = 0f;
            for (int k = 0; k < d; k++) {
                float diff = query[queryOffset + k] - columns[k * stride + r];
                sum += diff * diff;
            }
            out[outOffset + r - fromRow] = sum;
        }
    }

    @Override
    public NeighborIndex neighborIndex(float[] data, int n, int d, Distance distance) {
        return NeighborIndexes.choose(this, data, n, d, distance);
    }

    @Override
    public SpanningTree spanningTree(float[] data, int n, int d, Distance distance, float[] core,
                                     ExecutionContext context, ProgressListener progress) {
        return SpanningTrees.build(this, data, n, d, distance, core, context, progress);
    }

    @Override
    public CompactBlocks compactBlocks(float[] data, int n, int d, Distance distance, int blockRows) {
        return CompactLayout.of(this, data, n, d, distance, blockRows);
    }

    /**
     * @param a first vector's array
     * @param aOffset start of the first vector
     * @param b second vector's array
     * @param bOffset start of the second vector
     * @param length dimension
     * @return {@code Σ |a_i - b_i|}
     */
    float manhattan(float[] a, int aOffset, float[] b, int bOffset, int length) {
        if (length < ShortRows.LIMIT) {
            return length < MIN_VECTOR_LENGTH ? ScalarDistances.manhattan(a, aOffset, b, bOffset, length)
                    : ShortRows.manhattan(a, aOffset, b, bOffset, length);
        }
        return manhattanLoop(a, aOffset, b, bOffset, length);
    }

    /** {@link #manhattan} from {@link ShortRows#LIMIT} on. */
    private static float manhattanLoop(float[] a, int aOffset, float[] b, int bOffset, int length) {
        // Two accumulators, as squaredEuclidean: with one, every step waited on the previous add's latency
        // (1.6x scalar at d = 961 in DistanceKindsBenchmark).
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i <= length - 2 * LANES; i += 2 * LANES) {
            acc0 = acc0.add(FloatVector.fromArray(SPECIES, a, aOffset + i).sub(FloatVector.fromArray(SPECIES, b, bOffset + i)).abs());
            acc1 = acc1.add(FloatVector.fromArray(SPECIES, a, aOffset + i + LANES)
                    .sub(FloatVector.fromArray(SPECIES, b, bOffset + i + LANES)).abs());
        }
        if (i <= length - LANES) {
            acc0 = acc0.add(FloatVector.fromArray(SPECIES, a, aOffset + i).sub(FloatVector.fromArray(SPECIES, b, bOffset + i)).abs());
            i += LANES;
        }
        if (i < length) {
            VectorMask<Float> head = SPECIES.indexInRange(length - i, LANES); // the lanes before the tail (see MIN_VECTOR_LENGTH)
            acc1 = acc1.add(FloatVector.fromArray(SPECIES, a, aOffset + length - LANES).blend(0L, head)
                    .sub(FloatVector.fromArray(SPECIES, b, bOffset + length - LANES).blend(0L, head)).abs());
        }
        return sum(acc0.add(acc1));
    }

    /**
     * @param a first vector's array
     * @param aOffset start of the first vector
     * @param b second vector's array
     * @param bOffset start of the second vector
     * @param length dimension
     * @return {@code max |a_i - b_i|} (a maximum needs no fixed order to be exact)
     */
    float chebyshev(float[] a, int aOffset, float[] b, int bOffset, int length) {
        if (length < ShortRows.LIMIT) {
            return length < MIN_VECTOR_LENGTH ? ScalarDistances.chebyshev(a, aOffset, b, bOffset, length)
                    : ShortRows.chebyshev(a, aOffset, b, bOffset, length);
        }
        return chebyshevLoop(a, aOffset, b, bOffset, length);
    }

    /** {@link #chebyshev} from {@link ShortRows#LIMIT} on. */
    private static float chebyshevLoop(float[] a, int aOffset, float[] b, int bOffset, int length) {
        // |a - b| is never negative, and the bits of non-negative floats order as ints (a NaN's above
        // infinity's), so the maximum is one integer instruction; the float max that honours NaN and -0 is
        // several. Four chains hide its latency. The result is exact in any order. Written out, not through
        // a helper returning a vector: one that C2 does not inline boxes its result.
        IntVector acc0 = IntVector.zero(INT_SPECIES);
        IntVector acc1 = IntVector.zero(INT_SPECIES);
        IntVector acc2 = IntVector.zero(INT_SPECIES);
        IntVector acc3 = IntVector.zero(INT_SPECIES);
        int i = 0;
        for (; i <= length - 4 * LANES; i += 4 * LANES) {
            acc0 = acc0.max(FloatVector.fromArray(SPECIES, a, aOffset + i).sub(FloatVector.fromArray(SPECIES, b, bOffset + i)).abs().reinterpretAsInts());
            acc1 = acc1.max(FloatVector.fromArray(SPECIES, a, aOffset + i + LANES).sub(FloatVector.fromArray(SPECIES, b, bOffset + i + LANES)).abs().reinterpretAsInts());
            acc2 = acc2.max(FloatVector.fromArray(SPECIES, a, aOffset + i + 2 * LANES).sub(FloatVector.fromArray(SPECIES, b, bOffset + i + 2 * LANES)).abs().reinterpretAsInts());
            acc3 = acc3.max(FloatVector.fromArray(SPECIES, a, aOffset + i + 3 * LANES).sub(FloatVector.fromArray(SPECIES, b, bOffset + i + 3 * LANES)).abs().reinterpretAsInts());
        }
        // At most three whole vectors remain: straight-line steps rather than a second loop of 0-3 trips.
        if (i <= length - LANES) {
            acc0 = acc0.max(FloatVector.fromArray(SPECIES, a, aOffset + i).sub(FloatVector.fromArray(SPECIES, b, bOffset + i)).abs().reinterpretAsInts());
            i += LANES;
        }
        if (i <= length - LANES) {
            acc1 = acc1.max(FloatVector.fromArray(SPECIES, a, aOffset + i).sub(FloatVector.fromArray(SPECIES, b, bOffset + i)).abs().reinterpretAsInts());
            i += LANES;
        }
        if (i <= length - LANES) {
            acc2 = acc2.max(FloatVector.fromArray(SPECIES, a, aOffset + i).sub(FloatVector.fromArray(SPECIES, b, bOffset + i)).abs().reinterpretAsInts());
            i += LANES;
        }
        if (i < length) {
            VectorMask<Float> head = SPECIES.indexInRange(length - i, LANES); // the lanes before the tail (see MIN_VECTOR_LENGTH)
            acc1 = acc1.max(FloatVector.fromArray(SPECIES, a, aOffset + length - LANES).blend(0L, head)
                    .sub(FloatVector.fromArray(SPECIES, b, bOffset + length - LANES).blend(0L, head)).abs().reinterpretAsInts());
        }
        return Float.intBitsToFloat(acc0.max(acc1).max(acc2.max(acc3)).reduceLanes(jdk.incubator.vector.VectorOperators.MAX));
    }

    @Override
    public CentroidAssigner centroidAssigner(float[] centroids, int k, int d) {
        return new VectorCentroidAssigner(centroids, k, d);
    }
}
