package dev.clusterlab.host.experiment;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import dev.clusterlab.api.preprocess.Preprocessor;
import dev.clusterlab.host.plugin.Loaded;
import dev.clusterlab.host.plugin.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a dataset's preprocessing steps in order, each on the output of the one before, and checks that
 * no missing value is left for the algorithms.
 */
public final class Preprocessing {
    private Preprocessing() {
    }

    /**
     * The transformed dataset and what each step fitted.
     *
     * @param data the dataset the algorithms see
     * @param summaries one entry per step: id, plugin and fitted values
     */
    public record Result(Dataset data, List<Map<String, Object>> summaries) {
    }

    /**
     * @param data the loaded dataset (may have missing values when an impute step is declared)
     * @param steps the steps, in order
     * @param host loaded plugins
     * @param ctx kernels, threads, seed
     * @return the transformed dataset
     * @throws DataException if missing values remain after the steps
     */
    public static Result apply(Dataset data, List<StepSpec> steps, Registry host, ExecutionContext ctx) {
        Dataset current = data;
        List<Map<String, Object>> summaries = new ArrayList<>();
        for (StepSpec step : steps) {
            Loaded<Preprocessor> p = host.loadedPreprocessor(step.id()).orElseThrow();
            if (current.hasMissing() && !p.extension().descriptor().imputes()) {
                throw new DataException("dataset '" + data.name() + "' has empty cells, and preprocessing step '" + step.id()
                        + "' cannot handle them: put an 'impute' step first");
            }
            FittedPreprocessor fitted = p.extension().fit(current,
                    ParamBinder.bind(step.id(), p.extension().descriptor().params(), step.params()), ctx);
            current = fitted.apply(current);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("step", step.id());
            summary.put("plugin", p.pluginId() + " " + p.pluginVersion());
            summary.put("params", step.params());
            summary.put("fitted", fitted.summary());
            summaries.add(summary);
        }
        if (current.hasMissing()) {
            throw new DataException("dataset '" + data.name() + "' still has missing values after preprocessing; "
                    + "declare an 'impute' step (strategy mean or median)");
        }
        return new Result(current, summaries);
    }

    /**
     * @param steps the steps
     * @param host loaded plugins
     * @return whether one of them fills missing values (then empty CSV cells are allowed)
     */
    public static boolean imputes(List<StepSpec> steps, Registry host) {
        return StepsParser.imputes(steps, host);
    }
}
