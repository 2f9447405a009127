package dev.clusterlab.api.algorithm;

/**
 * What one iteration of an iterative algorithm did: the figures that make "variant X is faster"
 * a measurable claim.
 *
 * @param iteration 1-based iteration number
 * @param objective the objective after this iteration (e.g. inertia), or NaN
 * @param reassignments points whose label changed, or -1 if not tracked
 * @param distanceComputations point-centroid distances computed, or -1 if not tracked
 * @since 0.1
 */
public record IterationStats(int iteration, double objective, long reassignments, long distanceComputations) {
}
