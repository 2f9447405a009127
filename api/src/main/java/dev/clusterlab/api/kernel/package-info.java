/**
 * Kernel interfaces: the distance and batched operations algorithms need, implemented by the engine
 * (a scalar reference and a Vector API twin) and handed to plugins through
 * {@link dev.clusterlab.api.exec.ExecutionContext#kernels()}. Arguments are arrays plus offsets so that
 * no vector or boxed object crosses the interface; implementations validate with {@code assert} only,
 * callers are trusted to pass in-range offsets.
 *
 * @since 0.1
 */
package dev.clusterlab.api.kernel;
