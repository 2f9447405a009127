package dev.clusterlab.engine;

import static dev.clusterlab.engine.VectorKernels.LANES;
import static dev.clusterlab.engine.VectorKernels.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * The last {@code length % lanes} elements of a vector, loaded without leaving the array.
 *
 * <p>A masked load whose full width would run past the end of the array ({@code fromArray(.., mask)} at
 * an offset with fewer than {@code lanes} elements left) leaves the intrinsic on JDK 25: after C2
 * recompiled the kernel with that path, one-to-one squared Euclidean at d = 33 ran 3x slower than before
 * the recompilation, slower than the scalar loop (JMH, {@code DistanceKernelBenchmark}). A query that is
 * its own array of {@code d} floats hits it on every call. So, whenever the array holds {@code lanes}
 * elements before the end of the vector, the tail is the full-width vector that ends there, with the
 * lanes before the tail (elements already summed, or another row's) set to zero; both operands use the
 * same lanes, so zero lanes add nothing to any of the kernels' sums and maxima. Only a vector shorter
 * than the lane count at the very start of an array falls back to the masked load.
 */
final class VectorTails {
    private VectorTails() {
    }

    /**
     * @param aEnd end (exclusive) of the first vector in its array
     * @param bEnd end (exclusive) of the second vector in its array
     * @return whether both tails can be loaded as the full-width vector ending at {@code end}
     */
    static boolean endAligned(int aEnd, int bEnd) {
        return aEnd >= LANES && bEnd >= LANES;
    }

    /**
     * Elements {@code [from, length)} of the vector at {@code offset}, {@code 0 < length - from < lanes}.
     *
     * @param a the array
     * @param offset start of the vector
     * @param from first element of the tail
     * @param length dimension
     * @param endAligned the answer of {@link #endAligned} for both operands (so that both use the same lanes)
     * @return the tail elements, every other lane zero
     */
    static FloatVector load(float[] a, int offset, int from, int length, boolean endAligned) {
        if (endAligned) {
            // indexInRange(rem, lanes) is set on the lanes before the last rem: those are zeroed.
            return FloatVector.fromArray(SPECIES, a, offset + length - LANES).blend(0L, SPECIES.indexInRange(length - from, LANES));
        }
        return FloatVector.fromArray(SPECIES, a, offset + from, SPECIES.indexInRange(from, length));
    }
}
