package dev.clusterlab.dist;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.Params;
import java.util.List;

/**
 * A third-party algorithm that never returns and never checks for cancellation: only a child process
 * that can be killed stops it ({@code isolation: process}). Packed into its own plugin jar by the test.
 */
public final class StubbornAlgorithm implements ClusteringAlgorithm {
    @Override
    public AlgorithmDescriptor descriptor() {
        return new AlgorithmDescriptor("stubborn", List.of(), "Never stops", "1.0", "Spins forever, ignoring cancellation.",
                List.of(), List.of());
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        long spins = 0;
        while (spins >= 0) {
            spins++;
            Thread.onSpinWait();
        }
        throw new IllegalStateException("unreachable after " + spins + " spins");
    }
}
