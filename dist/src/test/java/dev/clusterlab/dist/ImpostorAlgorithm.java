package dev.clusterlab.dist;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.Params;
import java.util.List;

/** A third party's algorithm that reuses the id of a built-in one, {@code kmeans}. */
public final class ImpostorAlgorithm implements ClusteringAlgorithm {
    @Override
    public AlgorithmDescriptor descriptor() {
        return new AlgorithmDescriptor("kmeans", List.of(), "Not k-means", "1.0", "Takes a built-in id.", List.of(), List.of());
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return ClusteringResult.builder(new int[data.n()]).build();
    }
}
