package dev.clusterlab.host.pipeline;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.Suggestions;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import dev.clusterlab.api.preprocess.Preprocessor;
import dev.clusterlab.host.Fit;
import dev.clusterlab.host.PluginFailure;
import dev.clusterlab.host.plugin.Loaded;
import dev.clusterlab.host.plugin.Registry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fitted pipeline as a model: its preprocessing steps and its algorithm's model, so that
 * {@link #predict} on raw rows applies the scaling and imputation the fit saw. Saved to and loaded
 * from one {@link ModelFile}.
 *
 * {@snippet :
 * PipelineFit fit = lab.fitPipeline(Pipeline.of("kmeans", Map.of("k", 3)).step("standardize"), raw);
 * fit.model().save(Path.of("m.json"));
 * int[] labels = Model.load(Path.of("m.json"), lab.registry()).predict(newRows, lab.context(0));
 * }
 */
public final class Model {
    private final List<String> featureNames;
    private final int d;
    private final List<FittedStep> steps;
    private final String algorithm;
    private final String algorithmVersion;
    private final String pluginId;
    private final String pluginVersion;
    private final Map<String, Object> params;
    private final ClusterModel model;
    private final Map<String, List<String>> levels;

    private Model(List<String> featureNames, int d, List<FittedStep> steps, String algorithm, String algorithmVersion, String pluginId,
                  String pluginVersion, Map<String, Object> params, ClusterModel model, Map<String, List<String>> levels) {
        this.levels = Map.copyOf(levels);
        this.featureNames = List.copyOf(featureNames);
        this.d = d;
        this.steps = List.copyOf(steps);
        this.algorithm = algorithm;
        this.algorithmVersion = algorithmVersion;
        this.pluginId = pluginId;
        this.pluginVersion = pluginVersion;
        this.params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        this.model = model;
    }

    /**
     * @param alg the algorithm that was fitted
     * @param fit its fit on the preprocessed rows
     * @param steps the fitted steps
     * @param raw the rows before preprocessing
     * @return the model
     * @throws UserInputException if the algorithm gives no model that labels new points
     */
    public static Model of(Loaded<ClusteringAlgorithm> alg, Fit fit, List<FittedStep> steps, Dataset raw) {
        String id = alg.extension().descriptor().id();
        ClusterModel m = fit.result().model().orElseThrow(() -> new UserInputException(
                "algorithm " + id + " gives no model that can label new points"));
        Map<String, List<String>> levels = new java.util.LinkedHashMap<>();
        raw.categoricalLevels().forEach((j, l) -> levels.put(raw.featureNames().get(j), l));
        return new Model(raw.featureNames(), raw.d(), steps, id, alg.extension().descriptor().version(), alg.pluginId(),
                alg.pluginVersion(), fit.params().asMap(), m, levels);
    }

    /** @return the names of the raw columns the model takes, in order */
    public List<String> featureNames() {
        return featureNames;
    }

    /** @return the levels of the categorical raw columns, by name (empty when all are numeric) */
    public Map<String, List<String>> levels() {
        return levels;
    }

    /** @return the number of raw columns */
    public int d() {
        return d;
    }

    /** @return the preprocessing steps, in order */
    public List<FittedStep> steps() {
        return steps;
    }

    /** @return the algorithm id */
    public String algorithm() {
        return algorithm;
    }

    /** @return the algorithm's parameters as bound */
    public Map<String, Object> params() {
        return params;
    }

    /** @return the algorithm's model, which takes preprocessed rows */
    public ClusterModel clusterModel() {
        return model;
    }

    /**
     * @param raw rows with the model's raw columns
     * @return the rows as the algorithm saw its training data
     * @throws UserInputException if the number of columns differs, or a step refuses the rows
     */
    public Dataset transform(Dataset raw) {
        if (raw.d() != d) {
            throw new UserInputException(raw.name() + ": has " + raw.d() + " feature columns but the model was fitted on " + d
                    + (featureNames.isEmpty() ? "" : " (" + String.join(", ", featureNames) + ")"));
        }
        return Preprocessing.apply(alignLevels(raw), steps);
    }

    /**
     * New rows with the fit's level codes: each categorical raw column's levels are mapped by name to
     * the levels the model saw, a name it never saw to {@link Dataset#UNSEEN_LEVEL}.
     *
     * @throws UserInputException if a column categorical in the model is numeric in the rows, or the reverse
     */
    private Dataset alignLevels(Dataset raw) {
        if (levels.isEmpty() && !raw.hasCategorical()) {
            return raw;
        }
        float[] v = raw.data();
        float[] out = null;
        Map<Integer, List<String>> marked = new java.util.LinkedHashMap<>();
        for (int j = 0; j < raw.d(); j++) {
            String name = featureNames.isEmpty() ? raw.featureNames().get(j) : featureNames.get(j);
            List<String> fitted = levels.get(name);
            if (fitted == null) {
                if (raw.isCategorical(j)) {
                    throw new UserInputException(raw.name() + ": column '" + raw.featureNames().get(j)
                            + "' has levels, but the model was fitted on it as a numeric column");
                }
                continue;
            }
            if (!raw.isCategorical(j)) {
                throw new UserInputException(raw.name() + ": column '" + raw.featureNames().get(j) + "' is numeric, but the model was "
                        + "fitted on it as a categorical column with levels " + fitted);
            }
            marked.put(j, fitted);
            List<String> given = raw.levels(j);
            if (given.equals(fitted)) {
                continue;
            }
            if (out == null) {
                out = v.clone();
            }
            int[] map = new int[given.size()];
            for (int c = 0; c < map.length; c++) {
                map[c] = fitted.indexOf(given.get(c)); // -1: a level the model never saw
            }
            for (int i = j; i < out.length; i += raw.d()) {
                if (out[i] >= 0) {
                    out[i] = map[(int) out[i]];
                }
            }
        }
        Dataset same = out == null ? raw : raw.hasMissing()
                ? Dataset.withMissingValues(raw.name(), raw.n(), raw.d(), out, raw.featureNames(), raw.truth().orElse(null))
                : raw.withValues(raw.d(), out, raw.featureNames());
        return same.withCategorical(marked);
    }

    /**
     * @param raw new rows with the model's raw columns
     * @param ctx kernels and threads
     * @return a label per row, as the fitted model assigns them
     */
    public int[] predict(Dataset raw, ExecutionContext ctx) {
        Dataset x = transform(raw);
        return PluginFailure.guard(pluginId, () -> model.predict(x, ctx));
    }

    /**
     * @param file where (written atomically)
     * @throws UserInputException if a step or the algorithm cannot save its state
     */
    public void save(Path file) {
        List<ModelFile.SavedStep> saved = new ArrayList<>();
        for (FittedStep s : steps) {
            Map<String, Object> state = PluginFailure.guard(s.pluginId(), () -> s.fitted().state()).orElseThrow(() ->
                    new UserInputException("preprocessing step " + s.id() + " (plugin " + s.pluginId() + ") cannot save its fitted state"));
            saved.add(new ModelFile.SavedStep(s.id(), s.pluginId(), s.pluginVersion(), s.params(), state));
        }
        Map<String, Object> state = PluginFailure.guard(pluginId, model::state).orElseThrow(() -> new UserInputException(
                "the models of algorithm " + algorithm + " cannot be saved"));
        ModelFile.write(file, new ModelFile.Content(featureNames, d, saved, algorithm, algorithmVersion, pluginId, pluginVersion, params,
                state, levels));
    }

    /**
     * @param file a model file
     * @param registry the loaded plugins, which restore the steps and the algorithm's model
     * @return the model
     * @throws UserInputException naming the file when it is malformed or a plugin it needs is not loaded
     */
    public static Model load(Path file, Registry registry) {
        ModelFile.Content c = ModelFile.read(file);
        List<FittedStep> steps = new ArrayList<>();
        for (ModelFile.SavedStep s : c.steps()) {
            Loaded<Preprocessor> p = registry.loadedPreprocessor(s.step()).orElseThrow(() -> new UserInputException(file
                    + ": the model needs preprocessing step '" + s.step() + "', which no loaded plugin provides"
                    + Suggestions.hint(s.step(), registry.preprocessorNames())));
            FittedPreprocessor f;
            try {
                f = PluginFailure.guard(p.pluginId(), () -> p.extension().restore(s.state())).orElseThrow(() -> new UserInputException(
                        file + ": preprocessing step " + s.step() + " cannot load a saved state"));
            } catch (DataException e) {
                throw new UserInputException(file + ": " + e.getMessage(), e);
            }
            steps.add(new FittedStep(s.step(), p.pluginId(), p.pluginVersion(), s.params(), f));
        }
        Loaded<ClusteringAlgorithm> alg = registry.loadedAlgorithm(c.algorithm()).orElseThrow(() -> new UserInputException(
                file + ": the model is of algorithm '" + c.algorithm() + "', which no loaded plugin provides"
                        + Suggestions.hint(c.algorithm(), registry.algorithmNames())));
        ClusterModel m = PluginFailure.guard(alg.pluginId(), () -> alg.extension().restoreModel(c.state())).orElseThrow(() ->
                new UserInputException(file + ": algorithm " + c.algorithm() + " cannot load saved models"));
        if (steps.isEmpty() && m.d() != c.d()) {
            throw new UserInputException(file + ": the state describes " + m.d() + " features but \"d\" says " + c.d());
        }
        return new Model(c.featureNames(), c.d(), steps, c.algorithm(), c.algorithmVersion(), alg.pluginId(), alg.pluginVersion(),
                c.params(), m, c.levels());
    }
}
