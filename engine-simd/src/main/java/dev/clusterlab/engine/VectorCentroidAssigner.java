package dev.clusterlab.engine;

import dev.clusterlab.api.kernel.CentroidAssigner;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Nearest-centroid assignment with the norms trick, {@code |x|² - 2 x·c + |c|²}: the {@code |x|²} term is
 * the same for every centroid, so only {@code |c|² - 2 x·c} is compared. Four points share each centroid
 * load (four independent FMA chains), which is the first step of the register-tiled kernel described in
 * PERFORMANCE.md; the fully tiled, fused-argmin kernel replaces this body without changing the interface.
 */
final class VectorCentroidAssigner implements CentroidAssigner {
    private static final VectorSpecies<Float> SPECIES = VectorKernels.SPECIES;
    private static final int LANES = VectorKernels.LANES;

    private final float[] centroids;
    private final float[] halfNorms;
    private final int k;
    private final int d;

    VectorCentroidAssigner(float[] centroids, int k, int d) {
        this.centroids = Arrays.copyOf(centroids, k * d);
        this.k = k;
        this.d = d;
        this.halfNorms = new float[k];
        for (int c = 0; c < k; c++) {
            // Compare |c|²/2 - x·c: halving once here saves a multiply per pair.
            halfNorms[c] = 0.5f * sumOfSquares(this.centroids, c * d, d);
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
        int i = fromRow;
        for (; i + 4 <= toRow; i += 4) {
            assignFour(points, i, labels, squaredDistances);
        }
        for (; i < toRow; i++) {
            assignOne(points, i, labels, squaredDistances);
        }
        if (squaredDistances != null) {
            addPointNorms(points, fromRow, toRow, squaredDistances);
        }
    }

    /**
     * One point at a time, tracking the two smallest values of {@code |c|²/2 - x·c}; the bounds of Elkan
     * and Hamerly need the second distance only once per point and iteration, so this simple loop is it.
     */
    @Override
    public void assignWithSecond(float[] points, int fromRow, int toRow, int[] labels, float[] squaredDistances,
                                 float[] secondSquaredDistances) {
        for (int row = fromRow; row < toRow; row++) {
            int o = row * d;
            float best = Float.POSITIVE_INFINITY;
            float second = Float.POSITIVE_INFINITY;
            int arg = 0;
            for (int c = 0; c < k; c++) {
                float v = halfNorms[c] - dot(points, o, centroids, c * d, d);
                if (v < best) {
                    second = best;
                    best = v;
                    arg = c;
                } else if (v < second) {
                    second = v;
                }
            }
            float norm = sumOfSquares(points, o, d);
            labels[row] = arg;
            squaredDistances[row] = Math.max(0f, norm + 2f * best);
            secondSquaredDistances[row] = second == Float.POSITIVE_INFINITY ? second : Math.max(0f, norm + 2f * second);
        }
    }

    private void assignFour(float[] points, int row, int[] labels, float[] squaredDistances) {
        int o0 = row * d;
        int o1 = o0 + d;
        int o2 = o1 + d;
        int o3 = o2 + d;
        float best0 = Float.POSITIVE_INFINITY;
        float best1 = Float.POSITIVE_INFINITY;
        float best2 = Float.POSITIVE_INFINITY;
        float best3 = Float.POSITIVE_INFINITY;
        int arg0 = 0;
        int arg1 = 0;
        int arg2 = 0;
        int arg3 = 0;
        int vectorEnd = d - d % LANES;
        for (int c = 0; c < k; c++) {
            int co = c * d;
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = FloatVector.zero(SPECIES);
            FloatVector a2 = FloatVector.zero(SPECIES);
            FloatVector a3 = FloatVector.zero(SPECIES);
            for (int j = 0; j < vectorEnd; j += LANES) {
                FloatVector cv = FloatVector.fromArray(SPECIES, centroids, co + j);
                a0 = FloatVector.fromArray(SPECIES, points, o0 + j).fma(cv, a0);
                a1 = FloatVector.fromArray(SPECIES, points, o1 + j).fma(cv, a1);
                a2 = FloatVector.fromArray(SPECIES, points, o2 + j).fma(cv, a2);
                a3 = FloatVector.fromArray(SPECIES, points, o3 + j).fma(cv, a3);
            }
            float s0 = VectorKernels.sum(a0);
            float s1 = VectorKernels.sum(a1);
            float s2 = VectorKernels.sum(a2);
            float s3 = VectorKernels.sum(a3);
            for (int j = vectorEnd; j < d; j++) {
                float cj = centroids[co + j];
                s0 += points[o0 + j] * cj;
                s1 += points[o1 + j] * cj;
                s2 += points[o2 + j] * cj;
                s3 += points[o3 + j] * cj;
            }
            float h = halfNorms[c];
            float v0 = h - s0;
            float v1 = h - s1;
            float v2 = h - s2;
            float v3 = h - s3;
            // Strict comparisons: ties keep the smallest centroid index.
            if (v0 < best0) {
                best0 = v0;
                arg0 = c;
            }
            if (v1 < best1) {
                best1 = v1;
                arg1 = c;
            }
            if (v2 < best2) {
                best2 = v2;
                arg2 = c;
            }
            if (v3 < best3) {
                best3 = v3;
                arg3 = c;
            }
        }
        store(row, arg0, best0, labels, squaredDistances);
        store(row + 1, arg1, best1, labels, squaredDistances);
        store(row + 2, arg2, best2, labels, squaredDistances);
        store(row + 3, arg3, best3, labels, squaredDistances);
    }

    private void assignOne(float[] points, int row, int[] labels, float[] squaredDistances) {
        int o = row * d;
        float best = Float.POSITIVE_INFINITY;
        int arg = 0;
        for (int c = 0; c < k; c++) {
            float v = halfNorms[c] - dot(points, o, centroids, c * d, d);
            if (v < best) {
                best = v;
                arg = c;
            }
        }
        store(row, arg, best, labels, squaredDistances);
    }

    /**
     * Writes the label and, for now, {@code 2 (|c|²/2 - x·c)}; {@link #addPointNorms} adds {@code |x|²} in a
     * second pass. Keeping that vector loop out of {@link #assignFour} keeps its compiled graph small: inlined
     * there, C2 hit its node-count cutoff, left {@link VectorKernels#sum} out of line and boxed a vector per
     * call (2.4 MB per pass of 100,000 points at d = 32, measured with JMH {@code -prof gc}).
     */
    private static void store(int row, int arg, float best, int[] labels, float[] squaredDistances) {
        labels[row] = arg;
        if (squaredDistances != null) {
            squaredDistances[row] = 2f * best;
        }
    }

    /** {@code |x|² + 2 (|c|²/2 - x·c)}; cancellation can make it slightly negative, so clamp at zero. */
    private void addPointNorms(float[] points, int fromRow, int toRow, float[] squaredDistances) {
        for (int row = fromRow; row < toRow; row++) {
            squaredDistances[row] = Math.max(0f, sumOfSquares(points, row * d, d) + squaredDistances[row]);
        }
    }

    private static float dot(float[] a, int ao, float[] b, int bo, int len) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int j = 0;
        for (; j <= len - LANES; j += LANES) {
            acc = FloatVector.fromArray(SPECIES, a, ao + j).fma(FloatVector.fromArray(SPECIES, b, bo + j), acc);
        }
        float s = VectorKernels.sum(acc);
        for (; j < len; j++) {
            s += a[ao + j] * b[bo + j];
        }
        return s;
    }

    private static float sumOfSquares(float[] a, int ao, int len) {
        return dot(a, ao, a, ao, len);
    }
}
