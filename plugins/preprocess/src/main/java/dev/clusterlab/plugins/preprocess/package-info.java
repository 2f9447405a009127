/**
 * The standard preprocessing steps as a PF4J plugin, each the counterpart of a scikit-learn 1.2
 * transformer: {@link dev.clusterlab.plugins.preprocess.Standardize standardize} ({@code zscore}),
 * {@link dev.clusterlab.plugins.preprocess.MinMax minmax}, {@link dev.clusterlab.plugins.preprocess.MaxAbs maxabs},
 * {@link dev.clusterlab.plugins.preprocess.Robust robust}, {@link dev.clusterlab.plugins.preprocess.Pca pca},
 * {@link dev.clusterlab.plugins.preprocess.Impute impute} and
 * {@link dev.clusterlab.plugins.preprocess.DropConstant drop_constant}.
 *
 * <p>Every step fits in {@code double} on the float values and writes float output into a new array:
 * the input dataset, whose array is shared, is never modified. Outputs keep the dataset's name, ground
 * truth and weights; the feature names are kept (PCA names its columns {@code pc1..pcK};
 * {@code drop_constant} keeps the names of the columns it keeps). A fitted step transforms any
 * dataset with the same number of columns, and refuses one with another number, naming both. Only
 * {@code impute} accepts missing values (NaN); the other steps refuse them, naming the first one.
 *
 * <p>Since 0.2 every fitted step gives its {@code state()}: the step id ({@code step}), the fitted
 * feature names ({@code features}) and the values {@code apply} needs, as doubles, so that they
 * survive JSON unchanged; every step's {@code restore} rebuilds it, and the restored step's output is
 * the fit's, bit for bit. A state of another step, with a key missing, or with a list whose length
 * does not match the features is refused with a {@link dev.clusterlab.api.DataException} naming the
 * key.
 *
 * <p>The tests compare every step elementwise with outputs recorded from scikit-learn by
 * {@code scripts/reference/preprocess_reference.py}.
 *
 * @since 0.1
 */
package dev.clusterlab.plugins.preprocess;
