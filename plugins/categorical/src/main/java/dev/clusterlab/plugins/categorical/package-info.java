/**
 * The categorical plugin: k-modes ({@link dev.clusterlab.plugins.categorical.KModesAlgorithm}) and
 * k-prototypes ({@link dev.clusterlab.plugins.categorical.KPrototypesAlgorithm}) after Huang (1997,
 * 1998), with Cao, Liang and Bai's (2009) deterministic initialisation, for tables with
 * {@linkplain dev.clusterlab.api.Dataset#isCategorical categorical columns}. Both take categorical
 * columns as they are ({@code acceptsCategorical()}); their models predict new rows by level name.
 *
 * @since 0.2
 */
package dev.clusterlab.plugins.categorical;
