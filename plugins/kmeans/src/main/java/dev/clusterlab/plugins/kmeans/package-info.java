/**
 * The k-means plugin, after scikit-learn: {@link dev.clusterlab.plugins.kmeans.KMeansAlgorithm} (Lloyd's
 * algorithm or Elkan's and Hamerly's exact accelerations; k-means++, random, k-means|| or given initial
 * centroids; sample weights) with its parameters {@link dev.clusterlab.plugins.kmeans.KMeansParams},
 * {@link dev.clusterlab.plugins.kmeans.MiniBatchKMeansAlgorithm} and
 * {@link dev.clusterlab.plugins.kmeans.BisectingKMeansAlgorithm}. Fitted models predict the nearest
 * centroid, give distances to the centroids and save their state as JSON-friendly maps.
 *
 * @since 0.1
 */
package dev.clusterlab.plugins.kmeans;
