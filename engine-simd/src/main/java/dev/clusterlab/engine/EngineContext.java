package dev.clusterlab.engine;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.kernel.Kernels;
import java.util.function.BooleanSupplier;

/**
 * The engine's {@link ExecutionContext}: an immutable bundle; "cancelled" is read through a supplier so
 * that the host can flip it from outside (timeouts, Ctrl-C).
 *
 * @param kernels the process's kernels
 * @param parallel the executor
 * @param seed the run's seed
 * @param progress where progress goes
 * @param cancellation whether the host asked to stop
 */
public record EngineContext(Kernels kernels, Parallel parallel, long seed, ProgressListener progress,
                            BooleanSupplier cancellation) implements ExecutionContext {

    @Override
    public boolean cancelled() {
        return cancellation.getAsBoolean();
    }

    @Override
    public ExecutionContext withSeed(long newSeed) {
        return new EngineContext(kernels, parallel, newSeed, progress, cancellation);
    }
}
