package dev.clusterlab.dist;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.Params;
import java.util.List;

/**
 * A third-party algorithm that always throws: packed by {@link PluginJars} into a plugin file of its
 * own, to check that the runner isolates a failing plugin. Not annotated, and no extension index is
 * generated for the test classes, so it is never found on the class path: only inside its jar.
 */
public final class ThrowingAlgorithm implements ClusteringAlgorithm {
    /** The message every fit throws with. */
    public static final String MESSAGE = "deliberate failure from a test plugin";

    @Override
    public AlgorithmDescriptor descriptor() {
        return new AlgorithmDescriptor("faulty", List.of(), "Always throws", "1.0", "A plugin that fails every fit.",
                List.of(), List.of());
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        throw new IllegalStateException(MESSAGE);
    }
}
