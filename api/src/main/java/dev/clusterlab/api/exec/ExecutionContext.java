package dev.clusterlab.api.exec;

import dev.clusterlab.api.kernel.Kernels;

/**
 * Everything a fit receives from the host besides data and parameters. A fit is a pure function of
 * {@code (dataset, params, context.seed())}: it draws all randomness from the seed and nothing from
 * the thread count.
 *
 * @since 0.1
 */
public interface ExecutionContext {
    /** @return the distance kernels chosen for this process @since 0.1 */
    Kernels kernels();

    /** @return the deterministic parallel executor @since 0.1 */
    Parallel parallel();

    /** @return the seed of this run @since 0.1 */
    long seed();

    /** @return where to report progress @since 0.1 */
    ProgressListener progress();

    /** @return whether the host asked the fit to stop @since 0.1 */
    boolean cancelled();

    /**
     * Throws when cancelled; call it between iterations.
     *
     * @throws CancelledException if {@link #cancelled()}
     * @since 0.1
     */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancelledException();
        }
    }

    /**
     * The same context with another seed (for restarts such as {@code n_init}).
     *
     * @param seed the new seed
     * @return a context sharing kernels, executor, progress and cancellation
     * @since 0.1
     */
    ExecutionContext withSeed(long seed);

    /**
     * The same context with progress reported to {@code stage}, for a fit that runs another algorithm as
     * one of its steps (for example {@code context.withProgress(context.progress().stage(0.5, 0.8))}).
     *
     * @param stage the listener of the inner fit's progress
     * @return the context
     * @since 0.2
     */
    default ExecutionContext withProgress(ProgressListener stage) {
        return new StagedContext(this, stage);
    }
}
