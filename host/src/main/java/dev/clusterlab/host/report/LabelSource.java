package dev.clusterlab.host.report;

import dev.clusterlab.api.algorithm.ClusterHierarchy;
import dev.clusterlab.host.data.LabelFiles;
import dev.clusterlab.host.output.HierarchyFiles;
import dev.clusterlab.host.output.ResultFiles;
import dev.clusterlab.host.output.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the report finds the labels of a run, and its reachability plot and condensed tree when its
 * algorithm made them. The experiment runner does not keep results in memory (a large experiment
 * would not fit), and a resumed experiment has runs from earlier invocations, so the command reads
 * them back from {@code labels/RUN.csv}, {@code reachability/RUN.csv} and {@code condensed_tree/RUN.csv};
 * tests pass them in memory.
 */
@FunctionalInterface
public interface LabelSource {
    /**
     * @param run an OK run
     * @param n the dataset's rows
     * @return its labels ({@code -1} noise)
     * @throws dev.clusterlab.api.UserInputException if they cannot be read
     */
    int[] labels(RunRecord run, int n);

    /**
     * @param run an OK run
     * @param n the dataset's rows
     * @return its reachability plot, if its algorithm made one (OPTICS)
     * @throws dev.clusterlab.api.UserInputException if it exists but cannot be read
     */
    default Optional<HierarchyFiles.Reachability> reachability(RunRecord run, int n) {
        return Optional.empty();
    }

    /**
     * @param run an OK run
     * @param n the dataset's rows
     * @return its condensed tree, if its algorithm made one (HDBSCAN*)
     * @throws dev.clusterlab.api.UserInputException if it exists but cannot be read
     */
    default Optional<ClusterHierarchy> hierarchy(RunRecord run, int n) {
        return Optional.empty();
    }

    /**
     * @param labelsDir the output folder's {@code labels} folder
     * @return a source reading {@code RUN.csv} files there (labels only)
     */
    static LabelSource folder(Path labelsDir) {
        return (run, n) -> LabelFiles.read(labelsDir.resolve(run.runId() + ".csv"), n, -1);
    }

    /**
     * @param dir an experiment's output folder
     * @return a source reading the labels, reachability plots and condensed trees written by {@link ResultFiles}
     */
    static LabelSource outputFolder(Path dir) {
        return new LabelSource() {
            @Override
            public int[] labels(RunRecord run, int n) {
                return LabelFiles.read(dir.resolve("labels").resolve(run.runId() + ".csv"), n, -1);
            }

            @Override
            public Optional<HierarchyFiles.Reachability> reachability(RunRecord run, int n) {
                Path f = dir.resolve(ResultFiles.REACHABILITY_DIR).resolve(run.runId() + ".csv");
                return Files.exists(f) ? Optional.of(HierarchyFiles.readReachability(f, n)) : Optional.empty();
            }

            @Override
            public Optional<ClusterHierarchy> hierarchy(RunRecord run, int n) {
                Path f = dir.resolve(ResultFiles.CONDENSED_TREE_DIR).resolve(run.runId() + ".csv");
                return Files.exists(f) ? Optional.of(HierarchyFiles.readCondensedTree(f, n)) : Optional.empty();
            }
        };
    }
}
