/**
 * The density plugin: {@link dev.clusterlab.plugins.density.DbscanAlgorithm},
 * {@link dev.clusterlab.plugins.density.OpticsAlgorithm} and
 * {@link dev.clusterlab.plugins.density.HdbscanAlgorithm}, with scikit-learn's semantics and defaults,
 * written against the engine's streaming neighbour index so that memory stays linear in the number of
 * points.
 *
 * @since 0.1
 */
package dev.clusterlab.plugins.density;
