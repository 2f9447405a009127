/**
 * What the host hands to every fit: kernels, a deterministic parallel executor, the seed, progress and
 * cancellation ({@link dev.clusterlab.api.exec.ExecutionContext}).
 *
 * @since 0.1
 */
package dev.clusterlab.api.exec;
