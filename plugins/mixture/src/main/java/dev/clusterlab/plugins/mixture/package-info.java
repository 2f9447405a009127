/**
 * Gaussian mixtures fitted by EM with scikit-learn's {@code GaussianMixture} parameters: full, tied,
 * diagonal and spherical covariances, k-means, k-means++ and random initialisations, BIC and AIC, and
 * {@code predict_proba} ({@link dev.clusterlab.plugins.mixture.GaussianMixtureAlgorithm}).
 *
 * @since 0.2
 */
package dev.clusterlab.plugins.mixture;
