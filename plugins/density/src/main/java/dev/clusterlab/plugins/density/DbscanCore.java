package dev.clusterlab.plugins.density;

/**
 * What one of DBSCAN's strategies found, before the labels are numbered.
 *
 * @param core per row, whether it is a core point
 * @param root per row, the smallest core row of its cluster (for a border point: the smallest such root
 *     among the clusters of its core neighbours), or {@code -1} for noise
 * @param strategy which strategy ran and on what structure, for the run's statistics
 * @param distances pair distances the strategy computed, a measure of its work (it may vary with the
 *     threads' timing, the other fields never do)
 */
record DbscanCore(boolean[] core, int[] root, String strategy, long distances) {
}
