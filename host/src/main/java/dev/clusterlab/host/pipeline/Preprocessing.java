package dev.clusterlab.host.pipeline;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import dev.clusterlab.api.preprocess.Preprocessor;
import dev.clusterlab.host.PluginFailure;
import dev.clusterlab.host.plugin.Loaded;
import dev.clusterlab.host.plugin.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fits preprocessing steps in order, each on the output of the one before, and checks that no missing
 * value is left for the algorithms; {@link #apply} runs fitted steps on new rows.
 */
public final class Preprocessing {
    private Preprocessing() {
    }

    /**
     * The transformed dataset and the fitted steps.
     *
     * @param data the dataset the algorithms see
     * @param steps the fitted steps, in order
     */
    public record Result(Dataset data, List<FittedStep> steps) {
        public Result {
            steps = List.copyOf(steps);
        }

        /** @return one entry per step: id, plugin, parameters and fitted values */
        public List<Map<String, Object>> summaries() {
            return steps.stream().map(FittedStep::summary).toList();
        }
    }

    /**
     * @param data the loaded dataset (may have missing values when an impute step is declared)
     * @param steps the steps, in order
     * @param host loaded plugins
     * @param ctx kernels, threads, seed
     * @return the transformed dataset and the fitted steps
     * @throws DataException if a step refuses the data or missing values remain after the steps
     * @throws dev.clusterlab.api.UserInputException if a step is unknown or a parameter is wrong
     */
    public static Result fit(Dataset data, List<StepSpec> steps, Registry host, ExecutionContext ctx) {
        Dataset current = data;
        List<FittedStep> fitted = new ArrayList<>();
        for (StepSpec step : steps) {
            Loaded<Preprocessor> p = host.loadedPreprocessor(step.id()).orElseThrow(() -> new dev.clusterlab.api.UserInputException(
                    "unknown preprocessing step '" + step.id() + "'" + dev.clusterlab.api.param.Suggestions.hint(step.id(),
                            host.preprocessorNames())));
            if (current.hasMissing() && !p.extension().descriptor().imputes()) {
                throw new DataException("dataset '" + data.name() + "' has empty cells, and preprocessing step '" + step.id()
                        + "' cannot handle them: put an 'impute' step first");
            }
            Dataset in = current;
            var params = ParamBinder.bind(p.extension().descriptor().id(), p.extension().descriptor().params(), step.params());
            FittedPreprocessor f = PluginFailure.guard(p.pluginId(), () -> p.extension().fit(in, params, ctx));
            current = f.apply(current);
            fitted.add(new FittedStep(p.extension().descriptor().id(), p.pluginId(), p.pluginVersion(), step.params(), f));
        }
        requireNoMissing(data.name(), current);
        return new Result(current, fitted);
    }

    /**
     * @param data new rows with the columns the steps were fitted on
     * @param steps fitted steps
     * @return the rows as the algorithm saw its training data
     * @throws DataException if the columns differ or missing values remain
     */
    public static Dataset apply(Dataset data, List<FittedStep> steps) {
        Dataset current = data;
        for (FittedStep s : steps) {
            Dataset in = current;
            current = PluginFailure.guard(s.pluginId(), () -> s.fitted().apply(in));
        }
        requireNoMissing(data.name(), current);
        return current;
    }

    private static void requireNoMissing(String name, Dataset d) {
        if (d.hasMissing()) {
            throw new DataException("dataset '" + name + "' still has missing values after preprocessing; "
                    + "declare an 'impute' step (strategy mean or median)");
        }
    }

    /**
     * @param steps the steps
     * @param catalog loaded plugins
     * @return whether one of them fills missing values (then empty CSV cells are allowed)
     */
    public static boolean imputes(List<StepSpec> steps, dev.clusterlab.host.experiment.Catalog catalog) {
        return steps.stream().anyMatch(s -> catalog.preprocessor(s.id())
                .map(dev.clusterlab.api.preprocess.PreprocessorDescriptor::imputes).orElse(false));
    }
}
