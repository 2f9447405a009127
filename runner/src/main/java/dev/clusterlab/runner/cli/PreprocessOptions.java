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

    @Option(names = "--setup", paramLabel = "FILE.yaml",
            description = "Preprocessing steps from a YAML file: 'preprocessing: [...]' as in an experiment (instead of --preprocess).")
    java.nio.file.Path setup;

    /**
     * @param lab the session
     * @return the steps, checked
     * @throws UserInputException naming --preprocess and the step
     */
    List<StepSpec> steps(ClusterLab lab) {
        if (setup != null) {
            if (preprocess != null) {
                throw new UserInputException("--setup and --preprocess both give the preprocessing; choose one");
            }
            return dev.clusterlab.host.experiment.ExperimentFiles.loadSteps(setup, lab.registry());
        }
        try {
            return lab.steps(preprocess);
        } catch (UserInputException e) {
            throw new UserInputException("--preprocess: " + e.getMessage(), e);
        }
    }
}
