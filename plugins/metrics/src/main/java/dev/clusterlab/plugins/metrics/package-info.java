/**
 * The standard clustering quality metrics as a PF4J plugin: internal ones computed from the data and
 * the labels ({@link dev.clusterlab.plugins.metrics.Silhouette silhouette},
 * {@link dev.clusterlab.plugins.metrics.CalinskiHarabasz Calinski-Harabasz},
 * {@link dev.clusterlab.plugins.metrics.DaviesBouldin Davies-Bouldin}) and external ones against
 * ground truth ({@link dev.clusterlab.plugins.metrics.AdjustedRand adjusted Rand},
 * {@link dev.clusterlab.plugins.metrics.NormalizedMutualInformation NMI}).
 *
 * <p>Each metric gives the same value as its scikit-learn 1.2 namesake on the points the
 * {@link dev.clusterlab.api.metric.QualityMetric} conventions keep; the tests check this against
 * values recorded by {@code scripts/reference/metrics_reference.py}. Where scikit-learn raises
 * (fewer than two clusters, or as many clusters as points) these metrics return {@code NaN}.
 *
 * @since 0.1
 */
package dev.clusterlab.plugins.metrics;
