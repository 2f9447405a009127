package dev.clusterlab.runner.cli;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.param.Suggestions;
import dev.clusterlab.host.Fit;
import dev.clusterlab.host.output.ModelFiles;
import dev.clusterlab.host.plugin.Loaded;
import dev.clusterlab.host.plugin.Registry;
import java.nio.file.Path;
import java.util.Map;

/** Saving a fitted model and bringing one back through its algorithm's plugin. */
final class Models {
    private Models() {
    }

    static void save(Path file, Loaded<ClusteringAlgorithm> alg, Fit fit, Dataset data) {
        String id = alg.extension().descriptor().id();
        ClusterModel model = fit.result().model().orElseThrow(() -> new UserInputException(
                "--save-model: algorithm " + id + " gives no model that can label new points"));
        Map<String, Object> state = model.state().orElseThrow(() -> new UserInputException(
                "--save-model: the models of algorithm " + id + " cannot be saved"));
        ModelFiles.write(file, new ModelFiles.SavedModel(id, alg.extension().descriptor().version(), alg.pluginId(),
                alg.pluginVersion(), fit.params().asMap(), data.d(), data.featureNames(), state));
    }

    static ClusterModel load(Path file, Registry host) {
        ModelFiles.SavedModel saved = ModelFiles.read(file);
        Loaded<ClusteringAlgorithm> alg = host.loadedAlgorithm(saved.algorithm()).orElseThrow(() -> new UserInputException(
                file + ": the model is of algorithm '" + saved.algorithm() + "', which no loaded plugin provides"
                        + Suggestions.hint(saved.algorithm(), host.algorithmNames())));
        ClusterModel model = alg.extension().restoreModel(saved.state()).orElseThrow(() -> new UserInputException(
                file + ": algorithm " + saved.algorithm() + " cannot load saved models"));
        if (model.d() != saved.d()) {
            throw new UserInputException(file + ": the state describes " + model.d() + " features but \"d\" says " + saved.d());
        }
        return model;
    }

    static void checkDimension(Path modelFile, ClusterModel model, Dataset data) {
        if (data.d() != model.d()) {
            throw new UserInputException(data.name() + ": has " + data.d() + " feature columns but the model in " + modelFile
                    + " was fitted on " + model.d() + " (select columns with --columns or --exclude)");
        }
    }
}
