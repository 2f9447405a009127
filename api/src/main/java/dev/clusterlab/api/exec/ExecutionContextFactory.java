package dev.clusterlab.api.exec;

import java.util.ServiceLoader;

/**
 * Creates execution contexts; the engine registers one through {@link ServiceLoader}. Hosts and
 * tests (the conformance kit) use {@link #load()} so that nothing in the api names the engine.
 *
 * @since 0.1
 */
public interface ExecutionContextFactory {
    /**
     * @param threads worker threads, at least 1
     * @param seed the run's seed
     * @return a fresh context with the process's kernels, never cancelled, no progress listener
     * @since 0.1
     */
    ExecutionContext create(int threads, long seed);

    /**
     * The factory on the class path.
     *
     * @return the first registered factory
     * @throws IllegalStateException naming the missing artifact when there is none
     * @since 0.1
     */
    static ExecutionContextFactory load() {
        return ServiceLoader.load(ExecutionContextFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ExecutionContextFactory on the class path: "
                        + "add dev.clusterlab:clusterlab-engine-simd (test scope is enough for plugin tests)"));
    }
}
