package dev.clusterlab.engine;

import static dev.clusterlab.engine.VectorKernels.LANES;


/**
 * The last {@code length % lanes} elements of a vector, loaded without leaving the array.
 *
 * <p>A masked load whose full width would run past the end of the array ({@code fromArray(.., mask)} at
 * an offset with fewer than {@code lanes} elements left) leaves the intrinsic on JDK 25: after C2
 * recompiled the kernel with that path, one-to-one squared Euclidean at d = 33 ran 3x slower than before
 * the recompilation, slower than the scalar loop (JMH, {@code DistanceKernelBenchmark}); a query that is
 * its own array of {@code d} floats hit it on every call. Even unused, that path's code (a lane-by-lane
 * index check and an out-of-line load) pushed cosine past C2's inlining budget. So the tail is the
 * full-width vector that ends where the vector ends, with the lanes before the tail (elements already
 * summed, or another row's) set to zero; both operands use the same lanes, so zero lanes add nothing to
 * any of the kernels' sums and maxima. That needs {@code lanes} elements before the end in the array:
 * always true from {@code length >= lanes} on; a shorter vector at the very start of its array
 * ({@link #endAligned} false) is computed by the kernel's scalar loop instead.
 *
 * <p>Each kernel writes the tail out itself: {@code fromArray(SPECIES, a, offset + length - lanes)
 * .blend(0, SPECIES.indexInRange(length - from, lanes))} (the mask is set on the lanes before the last
 * {@code length - from}). A helper returning the vector was tried: in one JMH fork C2 compiled the
 * Manhattan kernel without inlining it, and the returned vector was boxed, 96 B per row
 * ({@code benchmarks/check-jit.sh}).
 */
final class VectorTails {
    private VectorTails() {
    }

    /**
     * @param aEnd end (exclusive) of the first vector in its array
     * @param bEnd end (exclusive) of the second vector in its array
     * @return whether both tails can be loaded as the full-width vector ending at the vector's end
     */
    static boolean endAligned(int aEnd, int bEnd) {
        return aEnd >= LANES && bEnd >= LANES;
    }
}
