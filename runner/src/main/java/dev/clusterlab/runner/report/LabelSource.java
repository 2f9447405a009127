package dev.clusterlab.runner.report;

import dev.clusterlab.runner.data.LabelFiles;
import dev.clusterlab.runner.output.RunRecord;
import java.nio.file.Path;

/**
 * Where the report finds the labels of a run. The experiment runner does not keep labels in memory
 * (a large experiment would not fit), and a resumed experiment has runs from earlier invocations, so
 * the command reads them back from {@code labels/RUN.csv}; tests pass them in memory.
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
     * @param labelsDir the output folder's {@code labels} folder
     * @return a source reading {@code RUN.csv} files there
     */
    static LabelSource folder(Path labelsDir) {
        return (run, n) -> LabelFiles.read(labelsDir.resolve(run.runId() + ".csv"), n, -1);
    }
}
