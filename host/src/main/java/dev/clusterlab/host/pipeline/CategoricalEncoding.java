package dev.clusterlab.host.pipeline;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.host.plugin.Registry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the host does with categorical columns that reach an algorithm taking only numbers: it one-hot
 * encodes them with the {@code onehot} step's defaults, as PyCaret's {@code setup} does, and the step
 * becomes part of the pipeline (so a saved model encodes new rows the same way). An experiment that
 * wants another encoding lists {@code onehot}, {@code ordinal} or {@code group_rare} itself.
 */
public final class CategoricalEncoding {
    /** The step the host adds. */
    public static final String STEP = "onehot";

    private CategoricalEncoding() {
    }

    /**
     * @param data the rows an algorithm is about to get
     * @param algorithm the algorithm
     * @return whether they must be encoded first
     */
    public static boolean needed(Dataset data, ClusteringAlgorithm algorithm) {
        return data.hasCategorical() && !algorithm.acceptsCategorical();
    }

    /**
     * @param prepared the preprocessed rows and their fitted steps
     * @param registry loaded plugins (the {@code onehot} step's)
     * @param ctx kernels, threads, seed
     * @return the same with a fitted {@code onehot} step appended, whose output has no categorical column
     */
    public static Preprocessing.Result append(Preprocessing.Result prepared, Registry registry, ExecutionContext ctx) {
        Preprocessing.Result encoded = Preprocessing.fit(prepared.data(), List.of(new StepSpec(STEP, Map.of())), registry, ctx);
        List<FittedStep> steps = new ArrayList<>(prepared.steps());
        steps.addAll(encoded.steps());
        return new Preprocessing.Result(encoded.data(), steps);
    }

    /**
     * @param data rows with categorical columns
     * @return their names, for messages
     */
    public static String columns(Dataset data) {
        return String.join(", ", Arrays.stream(data.categoricalColumns()).mapToObj(j -> "'" + data.featureNames().get(j) + "'").toList());
    }
}
