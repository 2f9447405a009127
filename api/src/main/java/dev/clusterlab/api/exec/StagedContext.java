package dev.clusterlab.api.exec;

import dev.clusterlab.api.kernel.Kernels;

/**
 * A context that is another one with its progress reported to a different listener: a stage of a fit
 * that calls another algorithm (BIRCH's global step, spectral clustering's k-means) passes this on, so
 * the inner fit's progress lands in the outer fit's share. Made by {@link ExecutionContext#withProgress}.
 *
 * @param outer the context whose kernels, threads, seed and cancellation are used
 * @param stage where progress goes
 */
record StagedContext(ExecutionContext outer, ProgressListener stage) implements ExecutionContext {
    @Override
    public Kernels kernels() {
        return outer.kernels();
    }

    @Override
    public Parallel parallel() {
        return outer.parallel();
    }

    @Override
    public long seed() {
        return outer.seed();
    }

    @Override
    public ProgressListener progress() {
        return stage;
    }

    @Override
    public boolean cancelled() {
        return outer.cancelled();
    }

    @Override
    public ExecutionContext withSeed(long seed) {
        return new StagedContext(outer.withSeed(seed), stage);
    }
}
