package dev.clusterlab.plugins.density;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.param.ParamBinder;
import java.util.Map;

/** Test shorthand: bind raw parameters and fit with the engine's kernels. */
final class Fits {
    private Fits() {
    }

    static ExecutionContext context(int threads) {
        return ExecutionContextFactory.load().create(threads, 1);
    }

    static ClusteringResult fit(ClusteringAlgorithm algorithm, Dataset data, Map<String, Object> raw, int threads) {
        AlgorithmDescriptor d = algorithm.descriptor();
        return algorithm.fit(data, ParamBinder.bind(d.id(), d.params(), raw), context(threads));
    }
}
