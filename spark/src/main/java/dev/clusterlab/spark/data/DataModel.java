package dev.clusterlab.spark.data;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.Fit;
import dev.clusterlab.host.pipeline.FittedStep;
import dev.clusterlab.host.pipeline.Model;
import dev.clusterlab.host.plugin.Loaded;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The model file of a data-mode k-means fit, in the host's format ({@code ModelFile}, format 2), so that
 * {@code clusterlab predict -m FILE} and {@code lab.loadModel} label local raw rows with it: the steps
 * fitted on Spark, then the k-means plugin's own nearest-centre model of the final centres. That model
 * comes from the plugin itself: one Lloyd step of the local k-means on the {@code k} centres as data,
 * started from them ({@code init_centroids}, a CSV file of the centres written beside the model), which
 * leaves every centre where it is; the file's {@code params} are that step's.
 */
public final class DataModel {
    private DataModel() {
    }

    /**
     * @param lab a session with the kmeans and preprocess plugins
     * @param steps the host's steps ({@link DataPreprocessing#hostSteps}), possibly none
     * @param columns the raw columns' names
     * @param centres the final centres, in the preprocessed space
     * @param k clusters
     * @param file the model file to write
     * @return the model
     */
    public static Model save(ClusterLab lab, List<FittedStep> steps, List<String> columns, float[] centres, int k, Path file) {
        int d = columns.size();
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        Path centresFile = file.resolveSibling(name + ".centroids.csv");
        dev.clusterlab.spark.CentroidsCsv.write(centresFile, centres, columns);
        Loaded<ClusteringAlgorithm> alg = lab.algorithm("kmeans");
        Dataset asData = Dataset.of("centres", k, d, centres, columns, null);
        Fit fit = lab.fit(alg, asData, Map.of("k", k, "init_centroids", centresFile.toAbsolutePath().toString(), "max_iter", 1,
                "algorithm", "lloyd"), lab.context(0));
        Dataset raw = Dataset.of("raw", 1, d, new float[d], columns, null);
        Model m = Model.of(alg, fit, steps, raw);
        m.save(file);
        return m;
    }
}
