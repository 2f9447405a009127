package dev.clusterlab.spark.data;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.host.Cancellation;
import dev.clusterlab.host.ClusterLab;

/**
 * The engine's kernels inside a Spark task, from one ClusterLab session per JVM (driver or executor):
 * the kernel choice is made once per process (system property {@code clusterlab.kernels}, as the CLI's
 * {@code --kernels}), and each task runs on its one core, so the context has one thread.
 */
public final class ExecutorKernels {
    private static volatile ClusterLab session;

    private ExecutorKernels() {
    }

    /** @return the kernels of this JVM's session */
    public static Kernels get() {
        return context(0).kernels();
    }

    /**
     * @param seed a seed
     * @return a one-thread execution context on this JVM's session, never cancelled
     */
    public static ExecutionContext context(long seed) {
        return session().context(seed, 1, new Cancellation(), null);
    }

    private static ClusterLab session() {
        ClusterLab s = session;
        if (s == null) {
            synchronized (ExecutorKernels.class) {
                s = session;
                if (s == null) {
                    // Kernels only: no plugin is needed to assign points to centres.
                    s = ClusterLab.builder().classpath(false).threads(1).build();
                    session = s;
                }
            }
        }
        return s;
    }
}
