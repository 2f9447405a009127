/**
 * The preprocessing extension point: steps such as standardisation, PCA or imputation, fitted on a
 * dataset and applied to it before clustering, in the order an experiment lists them.
 *
 * @since 0.1
 */
package dev.clusterlab.api.preprocess;
