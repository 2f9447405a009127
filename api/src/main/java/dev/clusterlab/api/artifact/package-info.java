/**
 * What a fit gives besides its labels: named {@linkplain dev.clusterlab.api.artifact.Artifact artifacts}
 * of a few standard kinds defined once here (per-point scores, a cluster ordering with reachability,
 * a merge tree, a condensed tree, soft assignments, centroids), each also a plain
 * {@linkplain dev.clusterlab.api.artifact.ArtifactTable table} so that a host writes any artifact,
 * of a kind it knows or not, without code for the algorithm that made it.
 *
 * @since 0.2
 */
package dev.clusterlab.api.artifact;
