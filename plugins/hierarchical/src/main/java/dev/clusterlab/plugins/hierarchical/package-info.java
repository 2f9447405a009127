/**
 * The hierarchical plugin: agglomerative clustering with scikit-learn's and SciPy's linkages
 * ({@link dev.clusterlab.plugins.hierarchical.AgglomerativeAlgorithm}), Genie
 * ({@link dev.clusterlab.plugins.hierarchical.GenieAlgorithm}) and BIRCH
 * ({@link dev.clusterlab.plugins.hierarchical.BirchAlgorithm}). Every fit returns its merge tree as
 * the standard {@code merge_tree} artifact (SciPy's linkage matrix). Single linkage and Genie use the
 * engine's spanning tree; ward, centroid and median work on cluster centroids with the engine's
 * one-to-many kernel (memory O(n d)); complete, average and weighted keep a condensed float matrix.
 *
 * @since 0.2
 */
package dev.clusterlab.plugins.hierarchical;
