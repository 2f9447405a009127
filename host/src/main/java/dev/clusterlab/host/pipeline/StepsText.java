package dev.clusterlab.host.pipeline;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.param.Suggestions;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
import dev.clusterlab.host.experiment.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Preprocessing steps written on one line, as {@code --preprocess} takes them:
 * {@code impute:median,standardize,pca:n_components=2}. Each step is an id (or alias), then
 * {@code :NAME=VALUE} parameters; a first {@code :VALUE} without a name sets the step's first
 * parameter ({@code impute:median} is {@code impute:strategy=median}).
 */
public final class StepsText {
    private StepsText() {
    }

    /**
     * @param text the steps, comma-separated; empty for none
     * @param catalog the loaded preprocessing plugins
     * @return the steps with their ids resolved and parameters checked
     * @throws UserInputException naming the step and parameter when one is unknown or invalid
     */
    public static List<StepSpec> parse(String text, Catalog catalog) {
        List<StepSpec> steps = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return steps;
        }
        for (String item : text.split(",")) {
            String[] parts = item.strip().split(":");
            String id = parts[0].strip();
            PreprocessorDescriptor d = catalog.preprocessor(id).orElseThrow(() -> new UserInputException("unknown preprocessing step '"
                    + id + "'" + Suggestions.hint(id, catalog.preprocessorNames()) + " (available: "
                    + String.join(", ", catalog.preprocessorNames()) + ")"));
            Map<String, Object> raw = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                int eq = p.indexOf('=');
                if (eq < 0 && i == 1 && !d.params().isEmpty()) {
                    raw.put(d.params().getFirst().name(), p);
                } else if (eq > 0) {
                    raw.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
                } else {
                    throw new UserInputException("preprocessing step '" + item.strip() + "': expected NAME=VALUE after ':'; found '" + p
                            + "' (parameters of " + d.id() + ": " + String.join(", ", d.params().stream().map(ParamSpec::name).toList())
                            + ")");
                }
            }
            try {
                ParamBinder.bind(d.id(), d.params(), raw);
            } catch (ParameterException e) {
                throw new UserInputException("preprocessing step '" + item.strip() + "': " + e.getMessage(), e);
            }
            steps.add(new StepSpec(d.id(), raw));
        }
        return steps;
    }
}
