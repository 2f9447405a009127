/**
 * The k-medoids plugin: {@link dev.clusterlab.plugins.kmedoids.KMedoidsAlgorithm}, FasterPAM (Schubert
 * and Rousseeuw 2021), PAM's BUILD and SWAP (Kaufman and Rousseeuw 1990) and the alternating Voronoi
 * iteration (Park and Jun 2009), on any distance of the engine or a precomputed dissimilarity matrix.
 * The {@code n x n} dissimilarities are computed once, in float, with the engine's SIMD kernels; losses
 * are summed in double.
 *
 * @since 0.2
 */
package dev.clusterlab.plugins.kmedoids;
