package dev.clusterlab.host.pipeline;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.host.Fit;
import dev.clusterlab.host.plugin.Loaded;

/**
 * Preprocessing steps and one algorithm fitted together on raw rows.
 *
 * @param raw the rows before preprocessing
 * @param preprocessing the fitted steps and the rows they gave the algorithm
 * @param algorithm the algorithm with its plugin
 * @param fit the algorithm's fit, with labels, artifacts and provenance
 */
public record PipelineFit(Dataset raw, Preprocessing.Result preprocessing, Loaded<ClusteringAlgorithm> algorithm, Fit fit) {
    /** @return the labels, one per raw row */
    public int[] labels() {
        return fit.result().labels();
    }

    /**
     * @return the pipeline as a model that labels new raw rows, ready to save
     * @throws dev.clusterlab.api.UserInputException if the algorithm gives no model
     */
    public Model model() {
        return Model.of(algorithm, fit, preprocessing.steps(), raw);
    }
}
