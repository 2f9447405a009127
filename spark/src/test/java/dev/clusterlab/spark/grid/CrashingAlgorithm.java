package dev.clusterlab.spark.grid;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.List;
import org.pf4j.Extension;

/**
 * A test algorithm (on the test class path, so every test's registry has it) whose fit, with
 * {@code crash: true}, throws an {@link Error} that the host does not turn into a FAILED row: the Spark
 * task fails, as when an executor is lost, and Spark gives up on it. Otherwise two clusters by row parity.
 */
@Extension
public final class CrashingAlgorithm implements ClusteringAlgorithm {
    @Override
    public AlgorithmDescriptor descriptor() {
        return new AlgorithmDescriptor("test_crash", List.of(), "Crash (test)", "1.0", "Fails its Spark task when asked to.",
                List.of(ParamSpec.flag("crash", false, "throw an Error the host does not catch")), List.of());
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        if (params.getBoolean("crash")) {
            throw new AssertionError("crashed on purpose");
        }
        int[] labels = new int[data.n()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2;
        }
        return ClusteringResult.builder(labels).build();
    }
}
