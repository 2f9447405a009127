package dev.clusterlab.runner.cli;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.pipeline.StepSpec;
import java.util.List;
import picocli.CommandLine.Option;

/** The preprocessing of {@code cluster} and {@code assign}: the same steps as an experiment's {@code preprocessing:} (a picocli mixin). */
public final class PreprocessOptions {
    @Option(names = "--preprocess", paramLabel = "STEPS",
            description = "Preprocessing steps fitted before the algorithm, comma-separated, each STEP[:VALUE][:NAME=VALUE]...,"
                    + " e.g. impute:median,standardize or pca:n_components=2 (see 'clusterlab list'). A saved model keeps them.")
    String preprocess;

    /**
     * @param lab the session
     * @return the steps, checked
     * @throws UserInputException naming --preprocess and the step
     */
    List<StepSpec> steps(ClusterLab lab) {
        try {
            return lab.steps(preprocess);
        } catch (UserInputException e) {
            throw new UserInputException("--preprocess: " + e.getMessage(), e);
        }
    }
}
