/**
 * The standard clustering quality metrics as a PF4J plugin: internal ones computed from the data and
 * the labels ({@link dev.clusterlab.plugins.metrics.Silhouette silhouette},
 * {@link dev.clusterlab.plugins.metrics.CalinskiHarabasz Calinski-Harabasz},
 * {@link dev.clusterlab.plugins.metrics.DaviesBouldin Davies-Bouldin}) and external ones against
 * ground truth ({@link dev.clusterlab.plugins.metrics.AdjustedRand adjusted Rand},
 * {@link dev.clusterlab.plugins.metrics.NormalizedMutualInformation NMI},
 * {@link dev.clusterlab.plugins.metrics.AdjustedMutualInformation AMI},
 * {@link dev.clusterlab.plugins.metrics.Homogeneity homogeneity},
 * {@link dev.clusterlab.plugins.metrics.Completeness completeness},
 * {@link dev.clusterlab.plugins.metrics.VMeasure V-measure},
 * {@link dev.clusterlab.plugins.metrics.FowlkesMallows Fowlkes-Mallows},
 * {@link dev.clusterlab.plugins.metrics.RandIndex Rand}). All external metrics read one contingency
 * table (truth noise left out, predicted noise one more group), built once per call.
 *
 * <p>Each metric gives the same value as its scikit-learn 1.2 namesake on the points the
 * {@link dev.clusterlab.api.metric.QualityMetric} conventions keep; the tests check this against
 * values recorded by {@code scripts/reference/metrics_reference.py}. Where scikit-learn raises
 * (fewer than two clusters, or as many clusters as points) these metrics return {@code NaN}; where
 * scikit-learn returns a fixed value for a degenerate case (1.0 for one group in both partitions, for
 * instance) they return the same value. The silhouette of more than 20,000 points is computed on a
 * seeded sample, as scikit-learn's {@code sample_size}.
 *
 * @since 0.1
 */
package dev.clusterlab.plugins.metrics;
