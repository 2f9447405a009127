/**
 * Spectral clustering with scikit-learn's {@code SpectralClustering} parameters: an affinity graph (rbf,
 * k-nearest-neighbour connectivity or a precomputed similarity matrix), the eigenvectors of its
 * normalised Laplacian from a dense or an iterative symmetric eigen solver of the plugin's own, and
 * labels by k-means, discretisation or CPQR ({@link dev.clusterlab.plugins.spectral.SpectralAlgorithm}).
 *
 * @since 0.2
 */
package dev.clusterlab.plugins.spectral;
