/**
 * The k-means plugin: {@link dev.clusterlab.plugins.kmeans.KMeansAlgorithm} (Lloyd's algorithm with
 * k-means++ or random initialisation, after scikit-learn) and its parameters
 * {@link dev.clusterlab.plugins.kmeans.KMeansParams}.
 *
 * @since 0.1
 */
package dev.clusterlab.plugins.kmeans;
