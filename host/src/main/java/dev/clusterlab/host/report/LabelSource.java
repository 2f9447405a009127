package dev.clusterlab.host.report;

import dev.clusterlab.api.artifact.Artifact;
import dev.clusterlab.host.data.LabelFiles;
import dev.clusterlab.host.output.ArtifactFiles;
import dev.clusterlab.host.output.ResultFiles;
import dev.clusterlab.host.output.RunRecord;
import java.nio.file.Path;

/**
 * Where the report finds the labels of a run and its artifacts. The experiment runner does not keep results in memory (a large experiment
 * would not fit), and a resumed experiment has runs from earlier invocations, so the command reads
 * them back from {@code labels/RUN.csv} and {@code NAME/RUN.csv} for each artifact;
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
     * @param name one of {@link RunRecord#artifacts()}' names
     * @param n the dataset's rows
     * @return that artifact
     * @throws dev.clusterlab.api.UserInputException if it cannot be read or does not describe {@code n} rows
     */
    default Artifact artifact(RunRecord run, String name, int n) {
        throw new dev.clusterlab.api.UserInputException("run " + run.runId() + ": no artifact '" + name + "' at hand");
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
     * @return a source reading the labels and artifacts written by {@link ResultFiles}
     */
    static LabelSource outputFolder(Path dir) {
        return new LabelSource() {
            @Override
            public int[] labels(RunRecord run, int n) {
                return LabelFiles.read(dir.resolve("labels").resolve(run.runId() + ".csv"), n, -1);
            }

            @Override
            public Artifact artifact(RunRecord run, String name, int n) {
                Path f = dir.resolve(ResultFiles.artifactFolder(name)).resolve(run.runId() + ".csv");
                Artifact a = ArtifactFiles.read(f, run.artifacts().getOrDefault(name, name));
                if (a.points().isPresent() && a.points().getAsInt() != n) {
                    throw new dev.clusterlab.api.UserInputException(f + ": describes " + a.points().getAsInt()
                            + " points; the dataset has " + n + " rows");
                }
                return a;
            }
        };
    }
}
