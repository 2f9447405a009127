/**
 * The Mean Shift plugin: scikit-learn's {@code MeanShift} (flat kernel, Comaniciu and Meer 2002) with
 * its parameters, seeding, merging of near-identical modes and labels
 * ({@link dev.clusterlab.plugins.meanshift.MeanShiftAlgorithm}). Seeds climb in parallel over the
 * engine's compact-block layout; the result does not depend on the thread count.
 *
 * @since 0.2
 */
package dev.clusterlab.plugins.meanshift;
