package dev.clusterlab.api.exec;

/**
 * Receives progress from a running fit. Implementations must be cheap and thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. @since 0.1 */
    ProgressListener NONE = (fraction, message) -> { };

    /**
     * @param fraction done so far, in {@code [0, 1]}, or {@code NaN} if unknown
     * @param message what is happening, e.g. {@code "init 2/10, iteration 14"}
     * @since 0.1
     */
    void progress(double fraction, String message);

    /**
     * This listener seen from one stage of a longer job: the stage reports its own fractions in
     * {@code [0, 1]}, and they arrive here mapped onto {@code [from, to]}, so a job built of stages (core
     * distances, then a spanning tree, then extraction) reports fractions that only grow.
     *
     * @param from the job's fraction when the stage starts
     * @param to the job's fraction when it ends
     * @return a listener for the stage
     * @since 0.2
     */
    default ProgressListener stage(double from, double to) {
        ProgressListener job = this;
        return (fraction, message) -> job.progress(Double.isNaN(fraction) ? fraction : from + (to - from) * fraction,
                message);
    }
}
