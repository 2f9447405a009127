package dev.clusterlab.engine;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.exec.ProgressListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ExecutionContextFactory} registered through {@code ServiceLoader}. Executors are shared per
 * thread count so that creating many contexts (tests, repeated runs) does not create many pools.
 */
public final class EngineContextFactory implements ExecutionContextFactory {
    private static final Map<Integer, ChunkedExecutor> EXECUTORS = new ConcurrentHashMap<>();

    @Override
    public ExecutionContext create(int threads, long seed) {
        return new EngineContext(KernelSelection.current().kernels(), executor(threads), seed, ProgressListener.NONE, () -> false);
    }

    /**
     * @param threads total threads, at least 1
     * @return the process-wide executor for that many threads
     */
    public static ChunkedExecutor executor(int threads) {
        return EXECUTORS.computeIfAbsent(threads, ChunkedExecutor::new);
    }
}
