package dev.clusterlab.dist;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.List;

/**
 * A third-party algorithm that misbehaves as its {@code how} parameter says: ends the JVM with
 * {@code System.exit(0)} or {@code Runtime.halt(0)} (which runs no shutdown hook), or runs out of heap.
 * Packed into a plugin jar of its own by {@link PluginJars}.
 */
public final class EndingAlgorithm implements ClusteringAlgorithm {
    @Override
    public AlgorithmDescriptor descriptor() {
        return new AlgorithmDescriptor("ender", List.of(), "Ends the JVM", "1.0", "A plugin that ends the JVM or exhausts the heap.",
                List.of(ParamSpec.choice("how", "exit", List.of("exit", "halt", "oom"), "what to do")), List.of());
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        switch (params.getString("how")) {
            case "exit" -> System.exit(0);
            case "halt" -> Runtime.getRuntime().halt(0);
            default -> {
                long[][] hog = new long[64][];
                for (int i = 0; i < hog.length; i++) {
                    hog[i] = new long[Integer.MAX_VALUE - 16]; // 16 GiB each: more than any test heap
                }
                return ClusteringResult.builder(new int[data.n()]).objective(hog.length).build();
            }
        }
        throw new IllegalStateException("the JVM should have ended");
    }
}
