package dev.clusterlab.host.experiment;

import dev.clusterlab.host.pipeline.StepSpec;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.param.Suggestions;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
import dev.clusterlab.host.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code preprocessing:} list: each item a step id ({@code - standardize}) or a mapping with
 * {@code id} and the step's parameters ({@code - {id: pca, n_components: 2}}), checked against the
 * loaded preprocessing plugins.
 */
final class StepsParser {
    private StepsParser() {
    }

    /**
     * @param node the list
     * @param catalog loaded plugins
     * @param problems where mistakes go
     * @return the steps that parsed
     */
    static List<StepSpec> parse(YamlNode node, Catalog catalog, Problems problems) {
        List<StepSpec> steps = new ArrayList<>();
        List<YamlNode> items = node instanceof YamlNode.Sequence seq ? seq.items() : List.of(node);
        for (YamlNode item : items) {
            String id;
            Map<String, Object> raw = new LinkedHashMap<>();
            Map<String, YamlNode> at = new LinkedHashMap<>();
            if (item instanceof YamlNode.Scalar s && s.value() instanceof String text) {
                id = text;
            } else if (item instanceof YamlNode.Mapping m && m.entries().get("id") instanceof YamlNode.Scalar s
                    && s.value() instanceof String text) {
                id = text;
                m.entries().forEach((k, v) -> {
                    if (!"id".equals(k)) {
                        at.put(k, v);
                        raw.put(k, v instanceof YamlNode.Scalar sc ? sc.value() : null);
                    }
                });
            } else {
                problems.add(item.location(), "a preprocessing step must be a step id or a mapping with 'id' and parameters; found "
                        + item.kind());
                continue;
            }
            Optional<PreprocessorDescriptor> d = catalog.preprocessor(id);
            if (d.isEmpty()) {
                problems.add(item.location(), "unknown preprocessing step '" + id + "'" + Suggestions.hint(id, catalog.preprocessorNames())
                        + (catalog.preprocessorNames().isEmpty() ? " (no preprocessing plugin is loaded: see 'clusterlab plugins')"
                        : " (available: " + String.join(", ", catalog.preprocessorNames()) + ")"));
                continue;
            }
            try {
                ParamBinder.bind(d.get().id(), d.get().params(), raw);
                steps.add(new StepSpec(d.get().id(), raw));
            } catch (ParameterException e) {
                for (var v : e.problems()) {
                    problems.add(at.containsKey(v.parameter()) ? at.get(v.parameter()).location() : item.location(), v.message());
                }
            }
        }
        return steps;
    }
}
