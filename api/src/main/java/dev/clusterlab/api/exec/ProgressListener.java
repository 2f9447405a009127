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
}
