package dev.clusterlab.api.exec;

/**
 * Thrown by {@link ExecutionContext#checkCancelled()} when the host asked a fit to stop (timeout,
 * interrupt). Algorithms let it propagate.
 *
 * @since 0.1
 */
public class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @since 0.1 */
    public CancelledException() {
        super("the run was cancelled");
    }
}
