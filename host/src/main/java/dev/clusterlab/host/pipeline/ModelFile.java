package dev.clusterlab.host.pipeline;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.output.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model file: one JSON document holding a fitted pipeline, its preprocessing steps' states and
 * its algorithm's model state, with what produced each (documented in {@code docs/library.md}).
 *
 * <pre>{@code
 * {"format": "clusterlab-model", "format_version": 2,
 *  "feature_names": ["x", "y"], "d": 2,
 *  "preprocessing": [{"step": "standardize", "plugin": "preprocess", "plugin_version": "...",
 *                     "params": {}, "state": {...}}],
 *  "algorithm": "kmeans", "algorithm_version": "...", "plugin": "kmeans", "plugin_version": "...",
 *  "params": {...}, "state": {...}}
 * }</pre>
 *
 * {@code feature_names} and {@code d} describe the raw rows the pipeline takes;
 * {@code categorical_levels} (optional) gives the levels of its categorical raw columns by name, so
 * that new rows are read with the codes the fit saw. Version 1 files (no {@code preprocessing}) are
 * still read.
 */
public final class ModelFile {
    /** The value of {@code format}. */
    public static final String FORMAT = "clusterlab-model";
    /** The version this class writes. */
    public static final int VERSION = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelFile() {
    }

    /**
     * A saved step.
     *
     * @param step step id
     * @param plugin plugin id
     * @param pluginVersion plugin version
     * @param params raw parameters
     * @param state the fitted state
     */
    public record SavedStep(String step, String plugin, String pluginVersion, Map<String, Object> params, Map<String, Object> state) {
    }

    /**
     * A model file's content.
     *
     * @param featureNames names of the raw input columns
     * @param d number of raw input columns
     * @param steps the preprocessing steps, in order
     * @param algorithm algorithm id
     * @param algorithmVersion its version
     * @param plugin plugin id
     * @param pluginVersion plugin version
     * @param params the algorithm's parameters as bound
     * @param state the algorithm's model state
     * @param levels the levels of the categorical raw columns, by name (empty for none)
     */
    public record Content(List<String> featureNames, int d, List<SavedStep> steps, String algorithm, String algorithmVersion,
                          String plugin, String pluginVersion, Map<String, Object> params, Map<String, Object> state,
                          Map<String, List<String>> levels) {
        public Content {
            levels = Map.copyOf(levels);
        }
    }

    /**
     * @param file where (written atomically)
     * @param m the content
     */
    public static void write(Path file, Content m) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("format_version", VERSION);
        root.put("feature_names", m.featureNames());
        root.put("d", m.d());
        if (!m.levels().isEmpty()) {
            Map<String, Object> levels = new LinkedHashMap<>();
            for (String name : m.featureNames()) {
                if (m.levels().containsKey(name)) {
                    levels.put(name, m.levels().get(name));
                }
            }
            root.put("categorical_levels", levels);
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (SavedStep s : m.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", s.step());
            step.put("plugin", s.plugin());
            step.put("plugin_version", s.pluginVersion());
            step.put("params", s.params());
            step.put("state", s.state());
            steps.add(step);
        }
        root.put("preprocessing", steps);
        root.put("algorithm", m.algorithm());
        root.put("algorithm_version", m.algorithmVersion());
        root.put("plugin", m.plugin());
        root.put("plugin_version", m.pluginVersion());
        root.put("params", m.params());
        root.put("state", m.state());
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /**
     * @param file a model file
     * @return its content
     * @throws UserInputException naming the file and what is wrong
     */
    @SuppressWarnings("unchecked")
    public static Content read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + ": no such model file");
        }
        Map<String, Object> root;
        try {
            root = JSON.readValue(file.toFile(), Map.class);
        } catch (JacksonException e) {
            throw new UserInputException(file + ": not a JSON model file: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(root.get("format"))) {
            throw new UserInputException(file + ": expected \"format\": \"" + FORMAT + "\"; found " + root.get("format"));
        }
        Object version = root.get("format_version");
        if (!Integer.valueOf(1).equals(version) && !Integer.valueOf(VERSION).equals(version)) {
            throw new UserInputException(file + ": this clusterlab reads model format_version 1 and " + VERSION + "; found " + version);
        }
        for (String key : List.of("algorithm", "d", "state")) {
            if (root.get(key) == null) {
                throw new UserInputException(file + ": the model file has no \"" + key + "\"");
            }
        }
        if (!(root.get("state") instanceof Map) || !(root.get("d") instanceof Number)) {
            throw new UserInputException(file + ": \"state\" must be an object and \"d\" a number");
        }
        List<SavedStep> steps = new ArrayList<>();
        Object list = root.getOrDefault("preprocessing", List.of());
        if (!(list instanceof List<?> items)) {
            throw new UserInputException(file + ": \"preprocessing\" must be a list of steps; found " + list);
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> m) || !(m.get("step") instanceof String id) || !(m.get("state") instanceof Map<?, ?> st)) {
                throw new UserInputException(file + ": preprocessing step " + (i + 1) + " must be an object with \"step\" and \"state\"");
            }
            steps.add(new SavedStep(id, String.valueOf(m.get("plugin")), String.valueOf(m.get("plugin_version")),
                    m.get("params") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of(), (Map<String, Object>) st));
        }
        Map<String, List<String>> levels = new LinkedHashMap<>();
        Object lv = root.getOrDefault("categorical_levels", Map.of());
        if (!(lv instanceof Map<?, ?> lm)) {
            throw new UserInputException(file + ": \"categorical_levels\" must be an object of level lists; found " + lv);
        }
        for (Map.Entry<?, ?> e : lm.entrySet()) {
            if (!(e.getValue() instanceof List<?> l) || !l.stream().allMatch(String.class::isInstance)) {
                throw new UserInputException(file + ": \"categorical_levels\" of '" + e.getKey() + "' must be a list of level names");
            }
            levels.put(String.valueOf(e.getKey()), (List<String>) l);
        }
        return new Content((List<String>) root.getOrDefault("feature_names", List.of()), ((Number) root.get("d")).intValue(), steps,
                String.valueOf(root.get("algorithm")), String.valueOf(root.get("algorithm_version")),
                String.valueOf(root.get("plugin")), String.valueOf(root.get("plugin_version")),
                (Map<String, Object>) root.getOrDefault("params", Map.of()), (Map<String, Object>) root.get("state"), levels);
    }
}
