/**
 * The affinity plugin: Affinity Propagation
 * ({@link dev.clusterlab.plugins.affinity.AffinityPropagationAlgorithm}) with scikit-learn 1.2.1's
 * parameters and results. Similarities come from the engine's SIMD distance kernel; the
 * responsibility and availability messages are updated in place in float32, in two parallel passes
 * over the rows per iteration.
 *
 * @since 0.2
 */
package dev.clusterlab.plugins.affinity;
