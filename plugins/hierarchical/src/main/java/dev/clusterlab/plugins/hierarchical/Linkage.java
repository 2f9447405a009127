package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.param.ParamChoice;

/**
 * How the distance between two clusters is defined, with SciPy's meanings ({@code scipy.cluster.hierarchy.linkage})
 * and scikit-learn's names, and which of Müllner's algorithms (2011, arXiv:1109.2378) builds the tree.
 *
 * @since 0.2
 */
public enum Linkage implements ParamChoice {
    /** Ward's minimum increase of within-cluster variance; nearest-neighbour chain on centroids. */
    WARD("ward", true),
    /** The largest pairwise distance; nearest-neighbour chain on a condensed matrix. */
    COMPLETE("complete", false),
    /** The mean pairwise distance (UPGMA); nearest-neighbour chain on a condensed matrix. */
    AVERAGE("average", false),
    /** The smallest pairwise distance; the engine's minimum spanning tree. */
    SINGLE("single", false),
    /** The mean of the two merged clusters' distances (WPGMA); nearest-neighbour chain on a condensed matrix. */
    WEIGHTED("weighted", false),
    /** The distance between centroids (UPGMC); the generic algorithm on centroids. */
    CENTROID("centroid", true),
    /** The distance between medians, the midpoints of merged clusters' medians (WPGMC); the generic algorithm. */
    MEDIAN("median", true);

    private final String id;
    private final boolean euclideanOnly;

    Linkage(String id, boolean euclideanOnly) {
        this.id = id;
        this.euclideanOnly = euclideanOnly;
    }

    /** @return the word used in YAML and on the command line @since 0.2 */
    @Override
    public String id() {
        return id;
    }

    /** @return whether the linkage is defined for the Euclidean distance only (ward, centroid, median) @since 0.2 */
    public boolean euclideanOnly() {
        return euclideanOnly;
    }

    /** @return whether the tree's heights never decrease (all but centroid and median) @since 0.2 */
    public boolean monotone() {
        return this != CENTROID && this != MEDIAN;
    }
}
