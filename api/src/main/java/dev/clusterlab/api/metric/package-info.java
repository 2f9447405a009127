/**
 * The quality-metric extension point ({@link dev.clusterlab.api.metric.QualityMetric}): internal
 * measures computed from the data and the labels, external ones against ground truth.
 *
 * @since 0.1
 */
package dev.clusterlab.api.metric;
