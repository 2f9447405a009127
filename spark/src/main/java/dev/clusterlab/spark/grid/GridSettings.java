package dev.clusterlab.spark.grid;

import dev.clusterlab.host.experiment.Experiment;
import dev.clusterlab.host.experiment.ExperimentYaml;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * What a grid task needs to rebuild the experiment in its own JVM: the resolved experiment file (as
 * the output folder's {@code experiment.yaml}: every default filled in, CSV paths absolute), the folder
 * relative paths were resolved against, and where the plugins are.
 *
 * @param experimentYaml the resolved experiment
 * @param baseDir the experiment file's folder
 * @param pluginFolders PF4J plugin folders; those missing on an executor are skipped there (plugins may come with
 *     {@code --jars} on the class path instead)
 * @param kernels {@code auto}, {@code scalar} or {@code vector}
 * @param threads threads per fit (a task has one core unless {@code spark.task.cpus} says otherwise)
 */
public record GridSettings(String experimentYaml, String baseDir, List<String> pluginFolders, String kernels, int threads)
        implements Serializable {
    public GridSettings {
        pluginFolders = List.copyOf(pluginFolders);
    }

    /**
     * @param e the experiment
     * @param baseDir the experiment file's folder
     * @return these settings for that experiment, as the tasks read it (equal settings share an executor's prepared runner)
     */
    public GridSettings of(Experiment e, Path baseDir) {
        return new GridSettings(ExperimentYaml.write(e, threads), baseDir.toAbsolutePath().toString(), pluginFolders, kernels, threads);
    }
}
