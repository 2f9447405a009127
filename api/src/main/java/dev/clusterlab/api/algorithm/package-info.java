/**
 * The clustering-algorithm extension point ({@link dev.clusterlab.api.algorithm.ClusteringAlgorithm}),
 * its descriptor and its result.
 *
 * @since 0.1
 */
package dev.clusterlab.api.algorithm;
