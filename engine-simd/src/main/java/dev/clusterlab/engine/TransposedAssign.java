package dev.clusterlab.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Nearest-centroid assignment for small dimensions ({@code d <= }{@value #MAX_D}), vectorised across
 * points: a block of {@code lanes} points is transposed into {@code d} vectors (lane = point), and each
 * centroid is one broadcast per dimension. Used by {@link VectorCentroidAssigner}.
 *
 * <p>Why: with {@code d = 2} a row holds two floats, so vectorising within a row wastes 14 of 16 lanes,
 * and the panel kernel's per-point lane reduction (about 30 operations) and its padding to 64 centroids
 * (k = 16 computes 64) dominate. Here a point-centroid pair costs {@code d} lanes of FMA plus a compare and
 * two blends shared by 16 points, and nothing is reduced across lanes: lane {@code l} is point {@code l}.
 *
 * <p>Same bits as the panel kernel: each lane runs the FMA chain {@code acc = |c|²/2; acc = x_j (-c_j) + acc}
 * over {@code j} ascending (the product is commutative and fused, so operand order does not matter), and
 * centroids are visited in ascending order with a strict {@code <}, so ties keep the smallest index.
 */
final class TransposedAssign {
    private static final VectorSpecies<Float> SPECIES = VectorKernels.SPECIES;
    private static final int LANES = VectorKernels.LANES;
    /** Largest dimension handled here (a transposed block is then at most 16 x lanes floats). */
    static final int MAX_D = 16;
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[MAX_D * LANES + 2 * LANES]);
    // d = 2: lane i takes element 2i (EVEN) or 2i + 1 (ODD) modulo lanes; the upper half of the lanes comes
    // from the second vector of the block (HIGH).
    private static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(SPECIES, i -> (2 * i) % LANES);
    private static final VectorShuffle<Float> ODD = VectorShuffle.fromOp(SPECIES, i -> (2 * i + 1) % LANES);
    private static final VectorMask<Float> HIGH = SPECIES.indexInRange(LANES / 2, LANES).not();

    private TransposedAssign() {
    }

    /** @return the number of rows of {@code [fromRow, toRow)} that fit in whole blocks of {@code lanes} */
    static int blocked(int fromRow, int toRow) {
        return (toRow - fromRow) / LANES * LANES;
    }

    /** @return this thread's transposition buffer, for {@link #block} (fetched once per call, not per block) */
    static float[] scratch() {
        return SCRATCH.get();
    }

    /**
     * {@code d = 2}, the commonest low dimension, entirely in registers: the block's 32 floats are two vector
     * loads, split into x and y by two shuffles and a blend each (no transposition through memory), and
     * labels and squared distances leave as vectors. Same FMA chain, order and ties as {@link #block}; the
     * squared distance is {@code max(0, (x² + y²) + 2 best)}, the bits of {@link VectorCentroidAssigner}'s
     * scalar {@code |x|²} plus twice the best.
     *
     * @param negRows row-major {@code -c}, k x 2
     * @param halfNorms {@code |c|²/2} per centroid
     * @param squared where the squared distances go, or null
     */
    static void blockOfTwoDims(float[] points, int row, float[] negRows, float[] halfNorms, int k, int[] labels,
                               float[] squared) {
        int base = 2 * row;
        FloatVector v0 = FloatVector.fromArray(SPECIES, points, base);
        FloatVector v1 = FloatVector.fromArray(SPECIES, points, base + LANES);
        FloatVector x = v0.rearrange(EVEN).blend(v1.rearrange(EVEN), HIGH);
        FloatVector y = v0.rearrange(ODD).blend(v1.rearrange(ODD), HIGH);
        FloatVector best = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY);
        FloatVector arg = FloatVector.zero(SPECIES);
        for (int c = 0; c < k; c++) {
            FloatVector acc = FloatVector.broadcast(SPECIES, halfNorms[c]);
            acc = x.fma(FloatVector.broadcast(SPECIES, negRows[2 * c]), acc);
            acc = y.fma(FloatVector.broadcast(SPECIES, negRows[2 * c + 1]), acc);
            VectorMask<Float> m = acc.lt(best);
            best = best.blend(acc, m);
            arg = arg.blend(FloatVector.broadcast(SPECIES, (float) c), m);
        }
        ((IntVector) arg.convert(VectorOperators.F2I, 0)).intoArray(labels, row);
        if (squared != null) {
            x.mul(x).add(y.mul(y)).add(best.mul(2f)).max(0f).intoArray(squared, row);
        }
    }

    /**
     * Labels rows {@code [row, row + lanes)} and, when {@code twoBest} is given, writes twice each one's best
     * {@code |c|²/2 - x·c} at its row; the caller turns it into a distance by adding {@code |x|²}.
     *
     * @param xt this thread's {@link #scratch()}
     * @param negRows row-major {@code -c}, k x d
     * @param halfNorms {@code |c|²/2} per centroid
     */
    static void block(float[] xt, float[] points, int row, int d, float[] negRows, float[] halfNorms, int k, int[] labels,
                      float[] twoBest) {
        int base = row * d;
        for (int p = 0; p < LANES; p++) {
            for (int j = 0; j < d; j++) {
                xt[j * LANES + p] = points[base + p * d + j];
            }
        }
        FloatVector best = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY);
        FloatVector arg = FloatVector.zero(SPECIES);
        for (int c = 0; c < k; c++) {
            FloatVector acc = FloatVector.broadcast(SPECIES, halfNorms[c]);
            int co = c * d;
            for (int j = 0; j < d; j++) {
                acc = FloatVector.fromArray(SPECIES, xt, j * LANES).fma(FloatVector.broadcast(SPECIES, negRows[co + j]), acc);
            }
            VectorMask<Float> m = acc.lt(best);
            best = best.blend(acc, m);
            arg = arg.blend(FloatVector.broadcast(SPECIES, (float) c), m);
        }
        int o = MAX_D * LANES;
        best.intoArray(xt, o);
        arg.intoArray(xt, o + LANES);
        for (int p = 0; p < LANES; p++) {
            labels[row + p] = (int) xt[o + LANES + p];
            if (twoBest != null) {
                twoBest[row + p] = 2f * xt[o + p];
            }
        }
    }
}
