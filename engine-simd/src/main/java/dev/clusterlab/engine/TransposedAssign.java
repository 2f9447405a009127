package dev.clusterlab.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
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

    private TransposedAssign() {
    }

    /** @return the number of rows of {@code [fromRow, toRow)} that fit in whole blocks of {@code lanes} */
    static int blocked(int fromRow, int toRow) {
        return (toRow - fromRow) / LANES * LANES;
    }

    /**
     * Labels rows {@code [row, row + lanes)} and, when {@code twoBest} is given, writes twice each one's best
     * {@code |c|²/2 - x·c} at its row; the caller turns it into a distance by adding {@code |x|²}.
     *
     * @param negRows row-major {@code -c}, k x d
     * @param halfNorms {@code |c|²/2} per centroid
     */
    static void block(float[] points, int row, int d, float[] negRows, float[] halfNorms, int k, int[] labels,
                      float[] twoBest) {
        float[] xt = SCRATCH.get();
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
